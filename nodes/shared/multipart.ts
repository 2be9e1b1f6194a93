import { randomBytes } from 'crypto';

/**
 * A multipart/form-data body (RFC 7578) built as one Buffer: n8n's HTTP helper sends a Buffer body as is with the
 * Content-Type we set, so no form-data library is needed (community nodes may not depend on one). The file is
 * copied once into the body, against twice (base64 text, then bytes) for the JSON form: lighter for a 30 MB flux.
 */

export interface FormPart {
	name: string;
	contentType: string;
	data: Buffer | string;
	fileName?: string;
}

/** Quotes a header parameter value: no CR/LF, and `"` / `\` escaped as %22 / %5C (what browsers send). */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]/g, ' ').replace(/"/g, '%22').replace(/\\/g, '%5C')}"`;
}

export function multipartBody(parts: FormPart[]): { data: Buffer; contentType: string } {
	const boundary = `----ChorusProN8n${randomBytes(16).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const disposition = `form-data; name=${quoted(part.name)}${part.fileName !== undefined ? `; filename=${quoted(part.fileName)}` : ''}`;
		chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${part.contentType}\r\n\r\n`, 'utf8'));
		chunks.push(typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data);
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { data: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
