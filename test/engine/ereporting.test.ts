/**
 * The Chorus Pro E-Reporting node through n8n-core's real ExecuteContext against the simulator: every operation
 * once; the tar.gz built from many items is read back with the system `tar` (an independent reader) and matches
 * the input binaries byte for byte, as do the entries the simulator extracted; DGFiP rule violations are refused
 * before any HTTP call; a deposit is never sent twice; RFC 7807 errors read well; the flux path can be overridden.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';

import type { IDataObject } from 'n8n-workflow';

import { eReportingOperations } from '../../nodes/ChorusProEReporting/operations';
import { ChorusProEReporting } from '../../nodes/ChorusProEReporting/ChorusProEReporting.node';
import { binaryItem, CredentialStore } from '../harness/run';
import { register as registerFlux } from '../simulator/apis/g2bFlux';
import { G2B_IDS } from '../simulator/seed-g2b';
import type { RecordedRequest } from '../simulator/server';
import { useSimulator } from './fixture';

const node = new ChorusProEReporting();
const FLUX = '/cpro/g2b/flux/v1';
const FACTURES = '/cpro/g2b/factures/v1';
const EREPORTING = '/cpro/g2b/ereporting/v1';
const { sim, credentials, run, failing, cover, itRanEveryOperation } = useSimulator(node, { seed: 'empty' });
let work: string;

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'g2b-flux-'));
});

afterAll(() => {
	rmSync(work, { recursive: true, force: true });
});

/** A small UBL invoice whose number the simulator reads from cbc:ID. */
function ubl(numero: string, filler = ''): Buffer {
	return Buffer.from(
		`<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>${numero}</cbc:ID><cbc:Note>${filler}</cbc:Note></Invoice>\n`,
		'utf8',
	);
}

/** Extracts a tar.gz with the system tar (GNU tar), an implementation independent of tar-stream. */
function systemExtract(archive: Buffer, label: string): { names: string[]; read: (name: string) => Buffer } {
	const dir = mkdtempSync(join(work, `${label}-`));
	const file = join(dir, 'flux.tar.gz');
	writeFileSync(file, archive);
	const names = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
	const out = join(dir, 'out');
	execFileSync('mkdir', ['-p', out]);
	execFileSync('tar', ['-xzf', file, '-C', out]);
	return { names, read: (name) => readFileSync(join(out, name)) };
}

/** A valid tar.gz holding no file: the two zero blocks that end a tar, gzipped. */
const emptyTarGz = () => gzipSync(Buffer.alloc(1024));

const bodyOf = (r: RecordedRequest) => r.body as IDataObject;

describe('G2B flux', () => {
	let idFlux = '';
	const invoices = Array.from({ length: 3 }, (_, i) => ({ name: `UBL_FAC-2026-${String(i + 1).padStart(4, '0')}.xml`, bytes: ubl(`FAC-2026-${i + 1}`, 'x'.repeat(i * 5000)) }));

	it('deposit: the binaries of all input items become ONE tar.gz, identical to the inputs byte for byte', async () => {
		cover('flux', 'deposit');
		const items = await Promise.all(invoices.map((f, i) => binaryItem(f.bytes, f.name, 'application/xml', { json: { n: i } })));
		const { items: out, sent } = await run('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data', additionalFields: { nomFichier: 'lot-janvier.tar.gz' } }, items);

		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${FLUX}/flux`]);
		// Default body: the AFNOR XP Z12-013 Flow Service model, a flowInfo JSON part and a file part, parsed by the
		// simulator from the raw multipart bytes.
		expect(sent[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
		const body = bodyOf(sent[0]);
		expect(Object.keys(body)).toEqual(['flowInfo', 'file']);
		const file = body.file as { fileName: string; contentType: string; bytes: Buffer };
		expect(file).toMatchObject({ fileName: 'lot-janvier.tar.gz', contentType: 'application/gzip' });
		const archive = file.bytes;
		expect(body.flowInfo).toEqual({ name: 'lot-janvier.tar.gz', flowSyntax: 'UBL', sha256: createHash('sha256').update(archive).digest('hex') });

		const extracted = systemExtract(archive, 'deposit');
		expect(extracted.names).toEqual(invoices.map((f) => f.name));
		for (const f of invoices) expect(extracted.read(f.name).equals(f.bytes)).toBe(true);

		// One output item for the whole flux, paired with every input item.
		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json).toMatchObject({ nomFichier: 'lot-janvier.tar.gz', nombreFichiers: 3, fichiers: invoices.map((f) => f.name), libelleStatut: 'En cours de traitement' });
		idFlux = String(out[0].json.idFlux);

		const recorded = sim.store.g2b.flux.get(idFlux)!;
		expect(recorded.entries.map((e) => e.name)).toEqual(invoices.map((f) => f.name));
		recorded.entries.forEach((e, i) => expect(e.bytes.equals(invoices[i].bytes)).toBe(true));
	});

	it('get status: the flux is receivable (500) and lists its invoices', async () => {
		cover('flux', 'get');
		const { items, sent } = await run('flux', 'get', { idFlux });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${FLUX}/flux/${idFlux}`]);
		expect(items[0].json).toMatchObject({ codeStatut: '500', libelleStatut: 'Recevable', final: true, receivable: true, nombreFichiers: 3, rejectionReasons: [] });
		expect((items[0].json.factures as IDataObject[]).map((f) => f.numeroFacture)).toEqual(['FAC-2026-1', 'FAC-2026-2', 'FAC-2026-3']);
	});

	it('deposit ready archive: a tar.gz made by the system tar is checked and sent as is', async () => {
		cover('flux', 'depositArchive');
		const dir = mkdtempSync(join(work, 'ready-'));
		const files = ['Base_FR-1.xml', 'Base_FR-2.xml'];
		files.forEach((name, i) => writeFileSync(join(dir, name), ubl(`READY-${i}`)));
		execFileSync('tar', ['-czf', join(dir, 'ready.tar.gz'), '-C', dir, ...files]);
		const archive = readFileSync(join(dir, 'ready.tar.gz'));
		const item = await binaryItem(archive, 'ready.tar.gz', 'application/gzip', { property: 'flux' });

		// The JSON/base64 form, selectable.
		const { items, sent } = await run('flux', 'depositArchive', { syntaxeFlux: 'UBL', binaryPropertyName: 'flux', bodyEncoding: 'json' }, [item]);
		expect(sent).toHaveLength(1);
		expect(sent[0].headers['content-type']).toBe('application/json');
		const body = bodyOf(sent[0]);
		expect(Object.keys(body).sort()).toEqual(['empreinteSha256', 'fichierFlux', 'nomFichier', 'syntaxeFlux']);
		expect(Buffer.from(String(body.fichierFlux), 'base64').equals(archive)).toBe(true);
		expect(body).toMatchObject({ nomFichier: 'ready.tar.gz', syntaxeFlux: 'UBL', empreinteSha256: createHash('sha256').update(archive).digest('hex') });
		expect(items[0].json.fichiers).toEqual(files);
		const recorded = sim.store.g2b.flux.get(String(items[0].json.idFlux))!;
		expect(recorded.entries.map((e) => e.name)).toEqual(files);
	});

	it('refuses, before any HTTP call: forbidden characters, 501 files, mixed natures, non-PDF Factur-X, a non-gzip archive', async () => {
		const badName = await failing('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data' }, [await binaryItem(ubl('A'), 'facture#1.xml', 'application/xml')]);
		expect(badName.sent).toBe(0);
		expect(badName.error.message).toMatch(/facture#1\.xml.*"#"/);

		const many = await Promise.all(Array.from({ length: 501 }, (_, i) => binaryItem(ubl(`N-${i}`), `f-${i}.xml`, 'application/xml')));
		const tooMany = await failing('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data' }, many);
		expect(tooMany.sent).toBe(0);
		expect(tooMany.error.message).toMatch(/501 files.*at most 500/);

		const mixed = [await binaryItem(ubl('M1'), 'a.xml', 'application/xml'), await binaryItem(Buffer.from('%PDF-1.7\n'), 'b.pdf', 'application/pdf')];
		const mixedNature = await failing('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data' }, mixed);
		expect(mixedNature.sent).toBe(0);
		expect(mixedNature.error.message).toMatch(/"b\.pdf" is not a \.xml file.*same nature/);
		// The rule error says which input item and which file, in an accountant's numbering (the second item).
		expect(mixedNature.error.message).toMatch(/^G2B flux not sent \(item 2, file "b\.pdf"\)/);

		const fakePdf = await failing('flux', 'deposit', { syntaxeFlux: 'Factur-X', binaryPropertyNames: 'data' }, [await binaryItem(ubl('X'), 'facturx.pdf', 'application/pdf')]);
		expect(fakePdf.sent).toBe(0);
		expect(fakePdf.error.message).toMatch(/not a PDF/);

		const notGz = await failing('flux', 'depositArchive', { syntaxeFlux: 'UBL', binaryPropertyName: 'data' }, [await binaryItem(ubl('Z'), 'lot.tar.gz', 'application/gzip')]);
		expect(notGz.sent).toBe(0);
		expect(notGz.error.message).toMatch(/not a tar\.gz/);
		expect(notGz.error.message).toMatch(/item 1, binary field "data" holding "lot\.tar\.gz"/);

		const empty = await failing('flux', 'depositArchive', { syntaxeFlux: 'UBL', binaryPropertyName: 'data' }, [await binaryItem(emptyTarGz(), 'vide.tar.gz', 'application/gzip')]);
		expect(empty.sent).toBe(0);
		expect(empty.error.message).toMatch(/binary field "data" holding "vide\.tar\.gz".*no file/);
	});

	it('refuses a flux over 30 MB compressed before any HTTP call', async () => {
		// Incompressible content (hash output) after an XML start tag.
		const big = Buffer.alloc(31 * 1024 * 1024);
		for (let i = 0; i < big.length; i += 32) createHash('sha256').update(String(i)).digest().copy(big, i);
		big.write('<x>', 0);
		const { error, sent } = await failing('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data' }, [await binaryItem(big, 'big.xml', 'application/xml')]);
		expect(sent).toBe(0);
		expect(error.message).toMatch(/exceeds 30\.0 MB.*30 MB/);
	}, 60_000); // 31 MB of hashed content: slow on a loaded machine

	it('never sends a deposit twice after an answer that leaves its fate unknown', async () => {
		sim.faults.add({ path: `${FLUX}/flux`, method: 'POST', status: 503, afterHandling: true });
		const before = sim.store.g2b.flux.size;
		const { error, sent } = await failing('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data' }, [await binaryItem(ubl('ONCE-1'), 'once.xml', 'application/xml')]);
		expect(sent).toBe(1);
		expect(error.message).toMatch(/NOT sent again/);
		expect(error.description).toMatch(/G2B Invoice → Search/);
		expect(sim.store.g2b.flux.size).toBe(before + 1);
	});

	it('an unknown flux gives an RFC 7807 404 as a readable error', async () => {
		const { error, sent } = await failing('flux', 'get', { idFlux: 'G2B9999999999999999999999' });
		expect(sent).toBe(1);
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/flux G2B9999999999999999999999/);
	});

	it('a credential override of the flux path changes the path the simulator receives', async () => {
		const custom = '/custom/depot-flux/v5';
		registerFlux(sim.router, sim.store, custom);
		const overridden = new CredentialStore({ ...credentials.data, g2bFluxPath: custom });
		const item = await binaryItem(ubl('OVERRIDE-1'), 'override.xml', 'application/xml');
		const { sent } = await run('flux', 'deposit', { syntaxeFlux: 'UBL', binaryPropertyNames: 'data' }, [item], overridden);
		expect(sent.map((r) => r.path)).toEqual([`${custom}/flux`]);
	});
});

describe('G2B invoices', () => {
	it('search: PPF filters and paging with limite/ignorer', async () => {
		cover('g2bInvoice', 'search');
		const idFlux = [...sim.store.g2b.flux.values()][0].idFlux;
		const { items, sent } = await run('g2bInvoice', 'search', {
			returnAll: false,
			limit: 2,
			additionalFields: { idFlux, statut: '200', dateDepotDebut: '2020-01-01' },
			sort: { column: 'numeroFacture', direction: 'Descendant' },
		});
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${FACTURES}/factures/recherche`]);
		expect(bodyOf(sent[0])).toEqual({
			filtres: { idFlux: { op: 'strict', valeur: idFlux }, statut: { op: 'strict', valeur: '200' }, dateDepot: { debut: '2020-01-01' } },
			tris: [{ champ: 'numeroFacture', ordre: 'descendant' }],
			limite: 2,
			ignorer: 0,
		});
		expect(items.map((i) => i.json.numeroFacture)).toEqual(['FAC-2026-3', 'FAC-2026-2']);

		const all = await run('g2bInvoice', 'search', { returnAll: true, additionalFields: { numeroFacture: 'FAC-2026' } });
		expect(all.items).toHaveLength(3);
	});

	it('get: metadata, status and status history', async () => {
		cover('g2bInvoice', 'get');
		const invoice = [...sim.store.g2b.invoices.values()][0];
		const { items, sent } = await run('g2bInvoice', 'get', { uidFacture: invoice.uidFacture });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${FACTURES}/factures/${invoice.uidFacture}`]);
		expect(items[0].json).toMatchObject({ numeroFacture: 'FAC-2026-1', statut: '200', historiqueStatuts: [{ statut: '200', libelle: 'Déposée' }] });
	});
});

describe('E-reporting', () => {
	let fileName = '';

	it('build file name: {SIREN}_{IDtransmission}_{AAAAMMJJ}_{AAAAMMJJ}, no request', async () => {
		cover('transmission', 'buildFileName');
		const { items, sent } = await run('transmission', 'buildFileName', {
			siren: G2B_IDS.buyer.siren,
			idTransmission: 'e-reporting numero 000002',
			dateDebutPeriode: '2026-02-01',
			dateFinPeriode: '2026-02-28',
		});
		expect(sent).toHaveLength(0);
		fileName = String(items[0].json.fileNameXml);
		expect(items[0].json.fileName).toBe(`${G2B_IDS.buyer.siren}_e-reporting numero 000002_20260201_20260228`);

		const bad = await failing('transmission', 'buildFileName', { siren: G2B_IDS.buyer.siren, idTransmission: 'a/b', dateDebutPeriode: '2026-02-01', dateFinPeriode: '2026-02-28' });
		expect(bad.error.message).toMatch(/transmission ID "a\/b"/);
		const reversed = await failing('transmission', 'buildFileName', { siren: G2B_IDS.buyer.siren, idTransmission: 'T1', dateDebutPeriode: '2026-03-01', dateFinPeriode: '2026-02-28' });
		expect(reversed.error.message).toMatch(/"Period End" \(item 1\): "2026-02-28" comes before "Period Start"/);
	});

	it('an FRR flux named by the rule creates a transmission; a badly named one is refused before sending', async () => {
		const report = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Report><TT-1>e-reporting numero 000002</TT-1></Report>');
		const { items } = await run('flux', 'deposit', { syntaxeFlux: 'FRR', binaryPropertyNames: 'data' }, [await binaryItem(report, fileName, 'application/xml')]);
		const status = await run('flux', 'get', { idFlux: String(items[0].json.idFlux) });
		expect(status.items[0].json).toMatchObject({ codeStatut: '500', transmissions: ['e-reporting numero 000002'] });

		const wrong = await failing('flux', 'deposit', { syntaxeFlux: 'FRR', binaryPropertyNames: 'data' }, [await binaryItem(report, 'report.xml', 'application/xml')]);
		expect(wrong.sent).toBe(0);
		expect(wrong.error.message).toMatch(/E-reporting file "report\.xml"/);
	});

	it('transmissions: search and get', async () => {
		cover('transmission', 'search');
		cover('transmission', 'get');
		const found = await run('transmission', 'search', { returnAll: true, additionalFields: { siren: G2B_IDS.buyer.siren, statut: '300' } });
		expect(found.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${EREPORTING}/transmissions/recherche`]);
		expect(bodyOf(found.sent[0]).filtres).toEqual({ siren: { op: 'strict', valeur: G2B_IDS.buyer.siren }, statut: { op: 'strict', valeur: '300' } });
		expect(found.items.map((i) => i.json.idTransmission)).toEqual(['e-reporting numero 000002']);

		const got = await run('transmission', 'get', { idTransmission: 'ER-2026-000001' });
		expect(got.sent.map((r) => r.path)).toEqual([`${EREPORTING}/transmissions/ER-2026-000001`]);
		expect(got.items[0].json).toMatchObject({ statut: '301', motifs: [{ code: 'REJ_COH' }] });
	});
});

itRanEveryOperation(eReportingOperations, 8);
