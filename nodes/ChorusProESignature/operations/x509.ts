import { X509Certificate } from 'crypto';

/**
 * Certificates as the E-signature API carries them: DSS's `RemoteCertificate` is `{ encodedCertificate }`, the
 * base64 of the DER bytes. Users hold PEM files or base64 text just as often, so both are accepted and checked
 * with Node's X.509 parser before anything is sent.
 */

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** The DER bytes of one certificate given as DER, PEM or base64 text, or undefined when it is not one. */
export function certificateDer(input: Buffer | string): Buffer | undefined {
	const text = Buffer.isBuffer(input) ? undefined : input.trim();
	let der: Buffer;
	if (Buffer.isBuffer(input) && input[0] === 0x30) der = input;
	else {
		const source = text ?? input.toString('latin1');
		const pem = [...source.matchAll(PEM_BLOCK)];
		const base64 = (pem.length === 1 ? pem[0][1] : pem.length === 0 ? source : '').replace(/\s+/g, '');
		if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
		der = Buffer.from(base64, 'base64');
	}
	try {
		new X509Certificate(der);
		return der;
	} catch {
		return undefined;
	}
}

/** Several certificates (a PEM bundle, or base64 values separated by commas or spaces); undefined if one is not. */
export function certificateList(text: string): Buffer[] | undefined {
	const pem = [...text.matchAll(PEM_BLOCK)].map((m) => m[0]);
	const parts = pem.length ? pem : text.split(/[\s,;]+/).filter(Boolean);
	const ders = parts.map((part) => certificateDer(part));
	return ders.every((der): der is Buffer => der !== undefined) ? ders : undefined;
}

/** DSS's `RemoteCertificate` list for a chain given as text, or undefined if one of its values is not a certificate. */
export function remoteCertificates(text: string): Array<{ encodedCertificate: string }> | undefined {
	return certificateList(text)?.map((der) => ({ encodedCertificate: der.toString('base64') }));
}

/** A date given as epoch milliseconds or ISO 8601, as the epoch milliseconds DSS's JSON carries; undefined if invalid. */
export function epochMillis(value: unknown): number | undefined {
	const text = String(value).trim();
	const ms = /^\d{10,}$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
	return Number.isSafeInteger(ms) ? ms : undefined;
}
