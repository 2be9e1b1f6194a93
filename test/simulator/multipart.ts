/**
 * A multipart/form-data parser (RFC 7578) for the simulator: the G2B flux deposit follows the AFNOR XP Z12-013
 * Flow Service model, a `flowInfo` JSON part and a `file` part. Works on the raw bytes, so binary parts arrive
 * byte for byte; anything malformed is refused like a real server would (HTTP 400).
 */

export interface FormPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function boundaryOf(contentType: string): string {
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2];
	if (!boundary) throw new MultipartError('multipart/form-data sans boundary');
	return boundary;
}

function headersOf(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

/** The parts of a multipart/form-data body, by name (a repeated name keeps its first part). */
export function parseMultipart(body: Buffer, contentType: string): Map<string, FormPart> {
	const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
	const parts = new Map<string, FormPart>();
	let at = body.indexOf(delimiter);
	if (at !== 0) throw new MultipartError('le corps ne commence pas par la boundary');
	for (;;) {
		at += delimiter.length;
		if (body.subarray(at, at + 2).toString() === '--') return parts;
		if (!body.subarray(at, at + 2).equals(CRLF)) throw new MultipartError('boundary mal formée');
		const headerEnd = body.indexOf(HEADER_END, at + 2);
		if (headerEnd < 0) throw new MultipartError("en-têtes d'une partie incomplets");
		const headers = headersOf(body.subarray(at + 2, headerEnd).toString('utf8'));
		const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headerEnd + 4);
		if (next < 0) throw new MultipartError('boundary de fin absente');
		const disposition = headers['content-disposition'] ?? '';
		const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
		if (!/^form-data\b/i.test(disposition) || name === undefined) throw new MultipartError('Content-Disposition form-data attendu');
		if (!parts.has(name)) {
			parts.set(name, {
				name,
				fileName: /;\s*filename="([^"]*)"/i.exec(disposition)?.[1],
				contentType: headers['content-type'],
				data: body.subarray(headerEnd + 4, next),
			});
		}
		at = next + CRLF.length;
	}
}
