import type { IDataObject } from 'n8n-workflow';

/**
 * Serialises a request body to the bytes sent on the wire. Files travel as base64 strings inside the JSON
 * (up to 40 MB of text for a 30 MB flux); `JSON.stringify` would copy each of them into one more big string
 * before n8n's HTTP client copies that into a Buffer. Here large base64 strings are left out of the JSON text and spliced
 * in as bytes, so the body costs one copy of the file instead of two. Base64 needs no JSON escaping.
 */

const SPLICE_FROM = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function jsonBody(body: IDataObject | IDataObject[]): Buffer {
	const large: string[] = [];
	const marker = `\u0000splice${Date.now().toString(36)}\u0000`;
	const text = JSON.stringify(body, (_key, value: unknown) => {
		if (typeof value === 'string' && value.length >= SPLICE_FROM && BASE64.test(value)) {
			large.push(value);
			return marker;
		}
		return value;
	});
	if (!large.length) return Buffer.from(text, 'utf8');
	// JSON.stringify escapes the NUL characters of the marker as \u0000.
	const parts = text.split(JSON.stringify(marker).slice(1, -1));
	const chunks: Buffer[] = [];
	parts.forEach((part, i) => {
		chunks.push(Buffer.from(part, 'utf8'));
		if (i < large.length) chunks.push(Buffer.from(large[i], 'latin1'));
	});
	return Buffer.concat(chunks);
}
