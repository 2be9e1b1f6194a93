import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ENVELOPE_KEYS, omit, type BinaryInput, type BinaryOutput, type OperationContext } from './operation';
import { getPath, setPath } from './parameters';
import { BINARY_PROPERTY, OUTPUT_BINARY_PROPERTY } from './properties';
import { formatBytes } from './validation';

/** Files travel as base64 inside JSON (reference §13.1). These helpers convert from and to n8n binary data. */

/**
 * An input file. When n8n keeps the binary in memory (its default mode) the data is already base64, which is
 * what Chorus Pro wants: we send that string as is and decode bytes only if someone asks, so a 30 MB flux is
 * not decoded and re-encoded on its way out.
 */
export class InputFile {
	private decoded?: Buffer;

	constructor(
		readonly fileName: string,
		readonly mimeType: string,
		/** Upper case, without the dot (`PDF`), as Chorus Pro wants it. */
		readonly extension: string,
		private readonly source: { base64: string } | { bytes: Buffer },
	) {}

	get size(): number {
		return 'bytes' in this.source ? this.source.bytes.length : base64Length(this.source.base64);
	}

	get bytes(): Buffer {
		if ('bytes' in this.source) return this.source.bytes;
		this.decoded ??= Buffer.from(this.source.base64, 'base64');
		return this.decoded;
	}

	get base64(): string {
		return 'base64' in this.source ? this.source.base64 : this.source.bytes.toString('base64');
	}
}

/** Decoded length of a base64 string, without decoding it. */
function base64Length(text: string): number {
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return Math.floor((text.length * 3) / 4) - padding;
}

/** Reads an input binary, checking presence, size and extension before anything is sent. */
export async function readInputFile(
	fn: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	spec: Pick<BinaryInput, 'maxBytes' | 'limitLabel' | 'extensions'>,
): Promise<InputFile> {
	const item = fn.getInputData()[itemIndex];
	if (!item?.binary?.[propertyName]) {
		throw new NodeOperationError(
			fn.getNode(),
			`Item ${itemIndex + 1} has no binary field "${propertyName}"`,
			{
				itemIndex,
				description:
					'Set "Input Binary Field" to the name of the binary field holding the file (for example "data" after a Read Binary File or HTTP Request node). Nothing was sent to Chorus Pro.',
			},
		);
	}
	const meta = fn.helpers.assertBinaryData(itemIndex, propertyName);
	// Without an id the binary lives in the item as base64; with one it is in n8n's binary data store.
	const source = !meta.id && typeof meta.data === 'string' && meta.data
		? { base64: meta.data }
		: { bytes: await fn.helpers.getBinaryDataBuffer(itemIndex, propertyName) };
	const fileName = meta.fileName ?? `file.${meta.fileExtension ?? 'bin'}`;
	const extension = (meta.fileExtension ?? fileName.split('.').pop() ?? '').toUpperCase();
	const file = new InputFile(fileName, meta.mimeType ?? 'application/octet-stream', extension, source);
	checkInputFile(fn, itemIndex, file, spec);
	return file;
}

/** Checks a file read before against an operation's size limit and extensions (a step of a composite). */
export function checkInputFile(
	fn: IExecuteFunctions,
	itemIndex: number,
	file: InputFile,
	spec: Pick<BinaryInput, 'maxBytes' | 'limitLabel' | 'extensions'>,
): void {
	const { fileName, extension } = file;
	if (file.size > spec.maxBytes) {
		throw new NodeOperationError(
			fn.getNode(),
			`The file "${fileName}" of item ${itemIndex + 1} is ${formatBytes(file.size)}: over the Chorus Pro limit of ${spec.limitLabel}`,
			{ itemIndex, description: 'Nothing was sent to Chorus Pro. Reduce or split the file.' },
		);
	}
	if (file.size === 0) {
		throw new NodeOperationError(fn.getNode(), `The file "${fileName}" of item ${itemIndex + 1} is empty`, {
			itemIndex,
		});
	}
	if (spec.extensions && !spec.extensions.includes(extension)) {
		throw new NodeOperationError(
			fn.getNode(),
			`The file "${fileName}" of item ${itemIndex + 1} has extension "${extension}", which Chorus Pro does not accept`,
			{ itemIndex, description: `Accepted extensions: ${spec.extensions.join(', ')}` },
		);
	}
}

/** A file name cut to `maxLength` characters: the base name is shortened, the extension kept. */
export function shortenFileName(fileName: string, maxLength: number): string {
	if (fileName.length <= maxLength) return fileName;
	const dot = fileName.lastIndexOf('.');
	const extension = dot > 0 ? fileName.slice(dot) : '';
	return fileName.slice(0, maxLength - extension.length) + extension;
}

/** Puts an input file into the request body following the operation's BinaryInput keys (dot paths). */
export function attachFile(body: IDataObject, spec: BinaryInput, file: InputFile): void {
	setPath(body, spec.contentKey, file.base64);
	if (spec.fileNameKey && getPath(body, spec.fileNameKey) === undefined) {
		setPath(body, spec.fileNameKey, spec.fileNameMaxLength ? shortenFileName(file.fileName, spec.fileNameMaxLength) : file.fileName);
	}
	if (spec.mimeTypeKey) setPath(body, spec.mimeTypeKey, file.mimeType);
	if (spec.extensionKey) setPath(body, spec.extensionKey, file.extension);
}

export const NO_FILE_ANSWERED = 'Chorus Pro answered without a file';

/** The base64 file of an answer, named and typed as the operation's BinaryOutput says; undefined when absent. */
export function answeredFile(
	spec: BinaryOutput,
	params: IDataObject,
	response: IDataObject,
): { bytes: Buffer; fileName: string; mimeType: string } | undefined {
	const content = response[spec.contentKey];
	if (typeof content !== 'string' || !content) return undefined;
	const bytes = Buffer.from(content, 'base64');
	return { bytes, fileName: spec.fileName(params, response), mimeType: spec.mimeType(params, response, bytes) };
}

/** Turns the base64 file of an answer into an n8n binary item (the base64 is removed from the JSON). */
export async function outputFile(
	ctx: OperationContext,
	spec: BinaryOutput,
	response: IDataObject,
): Promise<INodeExecutionData> {
	const file = answeredFile(spec, ctx.params, response);
	if (!file) throw new NodeOperationError(ctx.fn.getNode(), NO_FILE_ANSWERED, { itemIndex: ctx.itemIndex });
	const { bytes, fileName, mimeType } = file;
	const json = omit(response, [spec.contentKey, ...ENVELOPE_KEYS]) as IDataObject;
	// An operation that reads a file and writes one has a separate output field (properties.ts).
	const property = String(ctx.params[OUTPUT_BINARY_PROPERTY] ?? ctx.params[BINARY_PROPERTY] ?? 'data');
	const binary = await ctx.fn.helpers.prepareBinaryData(bytes, fileName, mimeType);
	return { json: { ...json, fileName, mimeType, fileSize: bytes.length }, binary: { [property]: binary } };
}

/** Recognises the file type from its first bytes (the download API does not say what it returns). */
export function sniffMimeType(bytes: Buffer): { mimeType: string; extension: string } {
	if (bytes.subarray(0, 4).toString('latin1') === '%PDF') return { mimeType: 'application/pdf', extension: 'pdf' };
	if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { mimeType: 'application/zip', extension: 'zip' };
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { mimeType: 'application/gzip', extension: 'tar.gz' };
	if (/^\s*</.test(bytes.subarray(0, 64).toString('utf8'))) return { mimeType: 'application/xml', extension: 'xml' };
	return { mimeType: 'application/octet-stream', extension: 'bin' };
}
