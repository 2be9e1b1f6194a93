import { createHash } from 'crypto';
import { extract as tarExtract, pack as tarPack } from 'tar-stream';
import { createGunzip, createGzip } from 'zlib';

import { LIMITS } from './limits';
import { apiDate } from './parisTime';
import { checkSiren, formatBytes } from './validation';

/**
 * The G2B flux archive (docs/api-notes.md §10.1, §10.3, §13.2, and the DGFiP API annex §3.2.3): a tar.gz of invoice,
 * lifecycle (CDV) or e-reporting files, built or checked here so that a flux the platform would declare
 * "irrecevable" never leaves n8n.
 *
 * Memory: files are added one at a time and written to the tar stream in slices that honour backpressure, so
 * the only full copies held are the file being added and the compressed output (which must fit 30 MB anyway).
 */

/** What a flux carries; one nature per flux (all files of the same nature and format, §10.3). */
export type FluxSyntax = 'Factur-X' | 'UBL' | 'CDAR' | 'FRR';

export const FLUX_SYNTAX_OPTIONS: ReadonlyArray<{ name: string; value: FluxSyntax; description: string }> = [
	{ name: 'Factur-X Invoices (PDF)', value: 'Factur-X', description: 'Factur-X PDF/A-3, profile EN16931 or above' },
	{ name: 'UBL Invoices (XML)', value: 'UBL', description: 'UBL 2.1 Invoice / CreditNote XML' },
	{ name: 'Lifecycle Statuses (CDAR XML)', value: 'CDAR', description: 'Cycle de vie (CDV) messages' },
	{ name: 'E-Reporting (XML)', value: 'FRR', description: 'E-reporting transmissions (flux 10)' },
];

/** The DGFiP rules for the files of a G2B flux. */
export const G2B_FLUX_RULES = {
	maxNameLength: 256,
	/** Characters refused in file names (§10.1): % $ ! & / \ : ; « » # @ */
	forbiddenCharacters: ['%', '$', '!', '&', '/', '\\', ':', ';', '«', '»', '#', '@'],
	maxFileBytes: LIMITS.g2bFileBytes,
	maxFiles: LIMITS.g2bInvoicesPerFlux,
	/** A flux deposited through the API is at most 30 MB (DGFiP API annex §3.2.3). */
	maxFluxBytes: LIMITS.fluxBytes,
} as const;

/** A rule of §10 broken by the input: the message names the file and the rule. */
export class FluxRuleError extends Error {
	constructor(
		message: string,
		readonly fileName?: string,
	) {
		super(message);
		this.name = 'FluxRuleError';
	}
}

function extensionOf(name: string): string {
	const lower = name.toLowerCase();
	if (lower.endsWith('.tar.gz')) return 'tar.gz';
	const dot = lower.lastIndexOf('.');
	return dot >= 0 ? lower.slice(dot + 1) : '';
}

/** The extension every file of a flux of this syntax must have. */
export function expectedExtension(syntax: FluxSyntax): 'pdf' | 'xml' {
	return syntax === 'Factur-X' ? 'pdf' : 'xml';
}

/** Name rule (§10.1): ≤ 256 characters, none of % $ ! & / \ : ; « » # @, not empty. */
export function checkFluxFileName(name: string): string | undefined {
	if (!name.trim()) return 'the file has no name';
	if (name.length > G2B_FLUX_RULES.maxNameLength) {
		return `the name "${name.slice(0, 40)}…" is ${name.length} characters long; the limit is ${G2B_FLUX_RULES.maxNameLength}`;
	}
	const bad = G2B_FLUX_RULES.forbiddenCharacters.filter((c) => name.includes(c));
	if (bad.length) return `the name "${name}" contains ${bad.map((c) => `"${c}"`).join(', ')}, which the DGFiP rules forbid`;
	if (name.trim() !== name || name.startsWith('.')) return `the name "${name}" starts or ends with a space or starts with a dot`;
	return undefined;
}

const PDF_MAGIC = '%PDF';

/** Whether the first bytes of a file match its nature (a Factur-X is a PDF; UBL, CDAR and e-reporting are UTF-8 XML). */
export function checkFileContent(name: string, head: Buffer, syntax: FluxSyntax): string | undefined {
	if (syntax === 'Factur-X') {
		return head.subarray(0, 4).toString('latin1') === PDF_MAGIC ? undefined : `"${name}" is not a PDF (Factur-X expected)`;
	}
	// Skip a UTF-8 byte order mark and leading white space before the first tag.
	let text = head.toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	text = text.trimStart();
	if (!text.startsWith('<')) return `"${name}" is not an XML document`;
	const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(text)?.[1];
	if (declared && !/^utf-?8$/i.test(declared)) return `"${name}" declares encoding ${declared}; the platform accepts UTF-8 XML only`;
	return undefined;
}

export interface EntryInfo {
	name: string;
	/** Bytes, when known before reading the content. */
	size?: number;
}

/**
 * Checks what can be checked before reading any content: count, names, duplicates, one nature per flux, and the
 * e-reporting naming rule for FRR flux. Throws a FluxRuleError naming the first offending file.
 */
export function checkFluxEntries(entries: readonly EntryInfo[], syntax: FluxSyntax): void {
	if (entries.length === 0) throw new FluxRuleError('The flux has no file (irrecevable IRR_VIDE)');
	if (entries.length > G2B_FLUX_RULES.maxFiles) {
		throw new FluxRuleError(
			`The flux has ${entries.length} files; the DGFiP rules allow at most ${G2B_FLUX_RULES.maxFiles} per flux. Split the input (for example with a Loop Over Items node of batch size ${G2B_FLUX_RULES.maxFiles}).`,
		);
	}
	const wanted = expectedExtension(syntax);
	const seen = new Set<string>();
	for (const entry of entries) {
		const problem = checkFluxFileName(entry.name);
		if (problem) throw new FluxRuleError(`File name refused: ${problem}`, entry.name);
		if (extensionOf(entry.name) !== wanted) {
			throw new FluxRuleError(
				`"${entry.name}" is not a .${wanted} file: all files of one flux must be of the same nature (${syntax} → .${wanted})`,
				entry.name,
			);
		}
		if (seen.has(entry.name)) throw new FluxRuleError(`Two files are named "${entry.name}" in the same flux`, entry.name);
		seen.add(entry.name);
		if (entry.size !== undefined) checkFileSize(entry.name, entry.size);
		if (syntax === 'FRR') {
			const nameProblem = checkEReportingFileName(entry.name.slice(0, -'.xml'.length));
			if (nameProblem) throw new FluxRuleError(`E-reporting file "${entry.name}": ${nameProblem}`, entry.name);
		}
	}
}

export function checkFileSize(name: string, size: number): void {
	if (size === 0) throw new FluxRuleError(`"${name}" is empty`, name);
	if (size > G2B_FLUX_RULES.maxFileBytes) {
		throw new FluxRuleError(
			`"${name}" is ${formatBytes(size)}: over the limit of 100 MB per file of a G2B flux`,
			name,
		);
	}
}

function fluxTooLarge(bytes: number): FluxRuleError {
	return new FluxRuleError(
		`The compressed flux exceeds ${formatBytes(G2B_FLUX_RULES.maxFluxBytes)}${bytes ? ` (${formatBytes(bytes)} so far)` : ''}: the limit of a flux deposited through the API is 30 MB. Send fewer files per flux.`,
	);
}

/** One file to put into the archive; `read` is called once, when the file's turn comes. */
export interface ArchiveSource {
	name: string;
	read: () => Promise<Buffer>;
}

/** Slice size for writes into the tar stream (backpressure granularity). */
const SLICE = 64 * 1024;

/**
 * Builds the tar.gz of a flux from its files, checking each file's size and content as it is added. Stops as
 * soon as the compressed output passes 30 MB. Entry times are fixed by `mtime` so a rebuilt archive is identical.
 */
export async function buildFluxArchive(
	sources: readonly ArchiveSource[],
	syntax: FluxSyntax,
	mtime: Date = new Date(0),
): Promise<Buffer> {
	checkFluxEntries(sources, syntax);
	const tar = tarPack();
	const gzip = createGzip();
	const chunks: Buffer[] = [];
	let total = 0;
	let stop: (error: Error) => void = () => undefined;
	// Settles with the first failure (compressed output over 30 MB, a stream error); every wait races it.
	const failed = new Promise<never>((_, reject) => (stop = reject));
	failed.catch(() => undefined);
	const abort = (error: Error): void => {
		stop(error);
		tar.destroy();
		gzip.destroy();
	};
	const ended = new Promise<void>((resolve) => gzip.on('end', resolve));
	gzip.on('data', (chunk: Buffer) => {
		total += chunk.length;
		if (total > G2B_FLUX_RULES.maxFluxBytes) abort(fluxTooLarge(total));
		else chunks.push(chunk);
	});
	gzip.on('error', abort);
	tar.on('error', abort);
	tar.pipe(gzip);

	let complete = false;
	try {
		for (const source of sources) {
			const bytes = await Promise.race([source.read(), failed]);
			checkFileSize(source.name, bytes.length);
			const contentProblem = checkFileContent(source.name, bytes.subarray(0, 512), syntax);
			if (contentProblem) throw new FluxRuleError(contentProblem, source.name);
			await Promise.race([writeEntry(tar, source.name, bytes, mtime), failed]);
		}
		tar.finalize();
		await Promise.race([ended, failed]);
		complete = true;
	} finally {
		// Release the streams on any failure (rule broken, read error, output over 30 MB).
		if (!complete) abort(new FluxRuleError('The flux archive was not completed'));
	}
	return Buffer.concat(chunks, total);
}

async function writeEntry(tar: ReturnType<typeof tarPack>, name: string, bytes: Buffer, mtime: Date): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const sink = tar.entry({ name, size: bytes.length, mtime, mode: 0o644, type: 'file' }, (error) =>
			error ? reject(error) : resolve(),
		);
		const writeFrom = (offset: number): void => {
			let at = offset;
			while (at < bytes.length) {
				const more = sink.write(bytes.subarray(at, at + SLICE));
				at += SLICE;
				if (!more) {
					sink.once('drain', () => writeFrom(at));
					return;
				}
			}
			sink.end(() => undefined);
		};
		writeFrom(0);
	});
}

export interface ArchiveEntry {
	name: string;
	size: number;
	/** First bytes, for the content check. */
	head: Buffer;
}

/** Lists the files of a tar.gz without keeping their content (a ready archive is checked before it is sent). */
export async function listFluxArchive(archive: Buffer): Promise<ArchiveEntry[]> {
	if (archive[0] !== 0x1f || archive[1] !== 0x8b) {
		throw new FluxRuleError('The file is not a tar.gz archive (no gzip signature)');
	}
	const gunzip = createGunzip();
	const extract = tarExtract();
	const entries: ArchiveEntry[] = [];
	gunzip.on('error', (error) => extract.destroy(error));
	gunzip.pipe(extract);
	gunzip.end(archive);
	let failure: unknown;
	try {
		for await (const entry of extract) {
			let size = 0;
			const head: Buffer[] = [];
			for await (const chunk of entry) {
				if (size < 512) head.push(chunk as Buffer);
				size += (chunk as Buffer).length;
				if (size > G2B_FLUX_RULES.maxFileBytes) {
					throw new FluxRuleError(`"${entry.header.name}" is over the limit of 100 MB per file`, entry.header.name);
				}
			}
			if (entry.header.type !== 'file') {
				throw new FluxRuleError(`"${entry.header.name}" is a ${entry.header.type}: a flux holds plain files only`, entry.header.name);
			}
			entries.push({ name: entry.header.name, size, head: Buffer.concat(head).subarray(0, 512) });
			if (entries.length > G2B_FLUX_RULES.maxFiles) break;
		}
	} catch (error) {
		failure = error;
	}
	if (failure instanceof FluxRuleError) throw failure;
	if (failure) throw new FluxRuleError(`The archive could not be extracted (${(failure as Error).message})`);
	return entries;
}

/** Checks a ready tar.gz against every rule: the same checks as a built one. */
export async function checkFluxArchive(archive: Buffer, syntax: FluxSyntax): Promise<ArchiveEntry[]> {
	if (archive.length > G2B_FLUX_RULES.maxFluxBytes) throw fluxTooLarge(archive.length);
	const entries = await listFluxArchive(archive);
	checkFluxEntries(entries, syntax);
	for (const entry of entries) {
		const problem = checkFileContent(entry.name, entry.head, syntax);
		if (problem) throw new FluxRuleError(problem, entry.name);
	}
	return entries;
}

export function sha256Hex(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

// --- e-reporting file names (§10.1) ------------------------------------------------------------------------

/** TT-1: letters, digits, space, - + _ ; no leading, trailing or doubled space. */
export function checkTransmissionId(id: string): string | undefined {
	if (!id) return 'the transmission ID is empty';
	if (!/^[A-Za-z0-9 \-+_]+$/.test(id)) return `the transmission ID "${id}" may only hold letters, digits, spaces and - + _`;
	if (id !== id.trim() || id.includes('  ')) return `the transmission ID "${id}" starts or ends with a space, or has two spaces in a row`;
	return undefined;
}

function compactDate(value: string): string | undefined {
	const trimmed = value.trim();
	const day = apiDate(/^\d{8}$/.test(trimmed) ? `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}` : trimmed);
	return day?.replace(/-/g, '');
}

export interface EReportingName {
	siren: string;
	transmissionId: string;
	/** Any date form (YYYY-MM-DD, AAAAMMJJ…); written AAAAMMJJ. */
	periodStart: string;
	periodEnd: string;
}

/** `{SIREN}_{IDtransmission}_{AAAAMMJJ start}_{AAAAMMJJ end}`, checked part by part. */
export function buildEReportingFileName(parts: EReportingName): string {
	const sirenProblem = checkSiren(parts.siren.trim());
	if (sirenProblem) throw new FluxRuleError(`SIREN: ${sirenProblem}`);
	const idProblem = checkTransmissionId(parts.transmissionId);
	if (idProblem) throw new FluxRuleError(idProblem);
	const start = compactDate(parts.periodStart);
	const end = compactDate(parts.periodEnd);
	if (!start) throw new FluxRuleError(`period start "${parts.periodStart}" is not a valid date`);
	if (!end) throw new FluxRuleError(`period end "${parts.periodEnd}" is not a valid date`);
	if (start > end) throw new FluxRuleError(`the period starts (${start}) after it ends (${end})`);
	const name = `${parts.siren.trim()}_${parts.transmissionId}_${start}_${end}`;
	const nameProblem = checkFluxFileName(`${name}.xml`);
	if (nameProblem) throw new FluxRuleError(nameProblem);
	return name;
}

/** Checks an e-reporting file name (without extension) against the naming rule; undefined when it is right. */
export function checkEReportingFileName(name: string): string | undefined {
	const match = /^(\d{9})_(.+)_(\d{8})_(\d{8})$/.exec(name);
	if (!match) return 'the name must read {SIREN}_{transmission ID}_{AAAAMMJJ start}_{AAAAMMJJ end}';
	try {
		buildEReportingFileName({ siren: match[1], transmissionId: match[2], periodStart: match[3], periodEnd: match[4] });
	} catch (error) {
		return (error as Error).message;
	}
	return undefined;
}
