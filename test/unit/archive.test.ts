/**
 * nodes/shared/archive.ts: the G2B flux tar.gz, read back with readers that share no code with tar-stream
 * (zlib + a 30-line ustar/pax parser below, and the system `tar`), and the DGFiP rules of docs/api-notes.md §10.1,
 * §10.3 and §13.2 (names, sizes, counts, one nature per flux, e-reporting file names).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gunzipSync } from 'zlib';

import {
	buildEReportingFileName,
	buildFluxArchive,
	checkEReportingFileName,
	checkFluxArchive,
	checkFluxEntries,
	checkFluxFileName,
	FluxRuleError,
	G2B_FLUX_RULES,
	type ArchiveSource,
} from '../../nodes/shared/archive';

let work: string;
beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'archive-test-'))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Minimal reader of a tar stream: 512-byte headers (name, octal size, type), pax `path` records. */
function readTar(tar: Buffer): Array<{ name: string; bytes: Buffer }> {
	const entries: Array<{ name: string; bytes: Buffer }> = [];
	let paxName: string | undefined;
	for (let at = 0; at + 512 <= tar.length; ) {
		const header = tar.subarray(at, at + 512);
		if (header.every((b) => b === 0)) break;
		const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
		const size = parseInt(field(124, 12).trim() || '0', 8);
		const type = String.fromCharCode(header[156]);
		const prefix = field(345, 155);
		const data = tar.subarray(at + 512, at + 512 + size);
		if (type === 'x') {
			paxName = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
		} else {
			entries.push({ name: paxName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)), bytes: Buffer.from(data) });
			paxName = undefined;
		}
		at += 512 + Math.ceil(size / 512) * 512;
	}
	return entries;
}

const xml = (id: string, filler = '') => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Invoice><ID>${id}</ID>${filler}</Invoice>`);
const sources = (files: Array<{ name: string; bytes: Buffer }>): ArchiveSource[] =>
	files.map((f) => ({ name: f.name, read: async () => f.bytes }));

async function refusal(promise: Promise<unknown>): Promise<FluxRuleError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(FluxRuleError);
	return error as FluxRuleError;
}

describe('buildFluxArchive', () => {
	const files = [
		{ name: 'Base_facture-001.xml', bytes: xml('001') },
		{ name: 'Base_facture-002.xml', bytes: xml('002', 'é'.repeat(200_000)) },
		// 200 characters: beyond the 100 of a plain ustar name field, so it travels in a pax header.
		{ name: `${'n'.repeat(196)}.xml`, bytes: xml('003') },
		{ name: 'Facture été 2026 (n° 4).xml', bytes: xml('004') },
	];

	it('matches the input byte for byte through zlib + an independent tar parser', async () => {
		const archive = await buildFluxArchive(sources(files), 'UBL');
		const entries = readTar(gunzipSync(archive));
		expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
		entries.forEach((e, i) => expect(e.bytes.equals(files[i].bytes)).toBe(true));
	});

	it('matches the input byte for byte through the system tar', async () => {
		const archive = await buildFluxArchive(sources(files), 'UBL');
		const file = join(work, 'built.tar.gz');
		writeFileSync(file, archive);
		const listed = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
		expect(listed).toEqual(files.map((f) => f.name));
		const out = mkdtempSync(join(work, 'x-'));
		execFileSync('tar', ['-xzf', file, '-C', out]);
		for (const f of files) expect(readFileSync(join(out, f.name)).equals(f.bytes)).toBe(true);
	});

	it('reads each file once, in order, only when its turn comes', async () => {
		const order: string[] = [];
		const lazy = files.slice(0, 2).map((f) => ({ name: f.name, read: async () => (order.push(f.name), f.bytes) }));
		await buildFluxArchive(lazy, 'UBL');
		expect(order).toEqual(files.slice(0, 2).map((f) => f.name));
	});

	it('refuses a file over 100 MB, an empty file, a non-PDF Factur-X and a non-UTF-8 XML', async () => {
		const huge = await refusal(buildFluxArchive([{ name: 'huge.xml', read: async () => Buffer.alloc(G2B_FLUX_RULES.maxFileBytes + 1, 0x3c) }], 'UBL'));
		expect(huge.message).toMatch(/huge\.xml.*100 MB per file/);
		expect((await refusal(buildFluxArchive(sources([{ name: 'vide.xml', bytes: Buffer.alloc(0) }]), 'UBL'))).message).toMatch(/empty/);
		expect((await refusal(buildFluxArchive(sources([{ name: 'f.pdf', bytes: xml('1') }]), 'Factur-X'))).message).toMatch(/not a PDF/);
		const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><Invoice/>');
		expect((await refusal(buildFluxArchive(sources([{ name: 'l.xml', bytes: latin }]), 'UBL'))).message).toMatch(/ISO-8859-1.*UTF-8/);
	});

	it('stops when the compressed flux passes 30 MB', async () => {
		const noise = Buffer.alloc(12 * 1024 * 1024);
		for (let i = 0; i < noise.length; i += 4) noise.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, i);
		noise.write('<x>', 0);
		const three = ['a.xml', 'b.xml', 'c.xml'].map((name) => ({ name, bytes: noise }));
		const error = await refusal(buildFluxArchive(sources(three), 'UBL'));
		expect(error.message).toMatch(/exceeds 30\.0 MB/);
	}, 60_000); // 36 MB to compress: slow on a loaded machine
});

describe('DGFiP rules', () => {
	it('file names: ≤ 256 characters, none of % $ ! & / \\ : ; « » # @', () => {
		expect(checkFluxFileName('Base_facture-2026_001.xml')).toBeUndefined();
		expect(checkFluxFileName(`${'a'.repeat(252)}.xml`)).toBeUndefined();
		expect(checkFluxFileName(`${'a'.repeat(253)}.xml`)).toMatch(/257 characters/);
		for (const c of ['%', '$', '!', '&', '/', '\\', ':', ';', '«', '»', '#', '@']) {
			expect(checkFluxFileName(`facture${c}1.xml`)).toMatch(/forbid/);
		}
	});

	it('entries: at most 500, one nature, no duplicates', () => {
		const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}.xml` }));
		expect(() => checkFluxEntries(many(500), 'UBL')).not.toThrow();
		expect(() => checkFluxEntries(many(501), 'UBL')).toThrow(/501 files.*at most 500/);
		expect(() => checkFluxEntries([], 'UBL')).toThrow(/no file/);
		expect(() => checkFluxEntries([{ name: 'a.xml' }, { name: 'b.pdf' }], 'UBL')).toThrow(/"b\.pdf" is not a \.xml/);
		expect(() => checkFluxEntries([{ name: 'a.xml' }], 'Factur-X')).toThrow(/not a \.pdf/);
		expect(() => checkFluxEntries([{ name: 'a.xml' }, { name: 'a.xml' }], 'UBL')).toThrow(/Two files/);
	});

	it('checks a ready archive made by the system tar', async () => {
		const dir = mkdtempSync(join(work, 'ready-'));
		writeFileSync(join(dir, 'one.xml'), xml('1'));
		writeFileSync(join(dir, 'two#.xml'), xml('2'));
		execFileSync('tar', ['-czf', join(dir, 'ok.tar.gz'), '-C', dir, 'one.xml']);
		execFileSync('tar', ['-czf', join(dir, 'bad.tar.gz'), '-C', dir, 'one.xml', 'two#.xml']);
		const ok = await checkFluxArchive(readFileSync(join(dir, 'ok.tar.gz')), 'UBL');
		expect(ok.map((e) => [e.name, e.size])).toEqual([['one.xml', xml('1').length]]);
		expect((await refusal(checkFluxArchive(readFileSync(join(dir, 'bad.tar.gz')), 'UBL'))).message).toMatch(/two#\.xml/);
		expect((await refusal(checkFluxArchive(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'UBL'))).message).toMatch(/could not be extracted/);
	});

	it('e-reporting names: {SIREN}_{IDtransmission}_{AAAAMMJJ}_{AAAAMMJJ}', () => {
		expect(buildEReportingFileName({ siren: '217500016', transmissionId: 'e-reporting numero 000001', periodStart: '2026-01-01', periodEnd: '20260201' })).toBe(
			'217500016_e-reporting numero 000001_20260101_20260201',
		);
		expect(checkEReportingFileName('217500016_T+1_20260101_20260131')).toBeUndefined();
		expect(checkEReportingFileName('217500017_T1_20260101_20260131')).toMatch(/SIREN/);
		expect(checkEReportingFileName('217500016_ T1_20260101_20260131')).toMatch(/space/);
		expect(checkEReportingFileName('217500016_T  1_20260101_20260131')).toMatch(/space/);
		expect(checkEReportingFileName('217500016_T1_20260230_20260301')).toMatch(/not a valid date/);
		expect(checkEReportingFileName('217500016_T1_20260301_20260201')).toMatch(/after it ends/);
		expect(checkEReportingFileName('217500016_T1_202601_202602')).toMatch(/must read/);
		expect(() => checkFluxEntries([{ name: 'rapport.xml' }], 'FRR')).toThrow(/E-reporting file "rapport\.xml"/);
	});
});
