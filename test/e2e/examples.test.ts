/**
 * Every workflow of examples/ imported into real n8n (2.41.1 and 1.123.81) with the credential it references
 * ("Chorus Pro (simulator)", the one the demo imports) and run headless from its Manual Trigger against one
 * simulator; each example's result is checked. The folder examples read and write
 * (/home/node/.n8n-files/chorus-pro, n8n 2.x's default readable area in Docker) is swapped for a test folder.
 */
import { existsSync, promises as fs } from 'fs';
import { join } from 'path';

import {
	cacheRoot,
	E2E_TEST_TIMEOUT,
	N8nInstance,
	nodeOutput,
	scratchFolder,
	type ExecuteResult,
	type Runtime,
	type WorkflowFixture,
} from './harness';
import {
	binaryOf,
	checkRun,
	CREDENTIAL,
	EXAMPLE_FILES,
	exampleFor,
	leakedSecrets,
	readExample,
	secretsOf,
	simulatorCredential,
	writePdfs,
} from './fixtures/chorus';
import { DEMO_IDS } from '../simulator/server';
import { e2eSuite } from './fixtures/suite';

const FILES_IN_EXAMPLES = '/home/node/.n8n-files/chorus-pro';
const BUYER = DEMO_IDS.buyerWithService;

const { sim, tap, describeSuite, eachN8nVersion } = e2eSuite();

function expectNoSecret(result: ExecuteResult): void {
	checkRun(result, () => {
		expect(leakedSecrets([result.stdout, result.stderr, JSON.stringify(result.run ?? {})], secretsOf(sim, tap))).toEqual([]);
	});
}

function expectSuccess(result: ExecuteResult): void {
	checkRun(result, () => expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({ exitCode: 0, status: 'success' }));
}

describe('examples/ (static)', () => {
	it('has the five examples, each runnable headless, with the demo credential and a main one', () => {
		expect(EXAMPLE_FILES).toEqual([
			'check-invoices-from-spreadsheet.json',
			'main-is-siret-a-recipient.json',
			'refresh-referentials.json',
			'submit-pdf-invoices-and-follow.json',
			'sync-received-invoices.json',
		]);
		const ids = new Set<string>();
		for (const file of EXAMPLE_FILES) {
			const wf = readExample(file);
			ids.add(wf.id);
			const nodes = wf.nodes as Array<{ type: string; credentials?: Record<string, unknown> }>;
			expect(nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger')).toBe(true);
			const ours = nodes.filter((n) => n.type.startsWith('n8n-nodes-chorus-pro.'));
			expect(ours.length).toBeGreaterThan(0);
			for (const n of ours) expect(n.credentials).toEqual({ chorusProApi: { ...CREDENTIAL } });
		}
		expect(ids.size).toBe(EXAMPLE_FILES.length);
	});
});

describeSuite('examples/ in real n8n (n8n execute)', () => {
	let files: string;
	const example = (file: string, replacements: Record<string, string> = {}): WorkflowFixture =>
		exampleFor(file, { [FILES_IN_EXAMPLES]: files, ...replacements });
	const versionOptions = {
		// The examples read and write files in a folder of their own, the only one n8n may touch.
		create: async (runtime: Runtime, tag: string) => {
			files = await scratchFolder(cacheRoot(), `examples-${tag}-`);
			return await N8nInstance.create(runtime, { env: { N8N_RESTRICT_FILE_ACCESS_TO: files } });
		},
		setup: async (n8n: N8nInstance) => {
			await n8n.importCredentials([simulatorCredential(sim, tap.url)]);
			await n8n.importWorkflows(EXAMPLE_FILES.map((file) => example(file)));
		},
	};
	afterAll(async () => {
		if (files && process.env.CHORUS_E2E_KEEP !== '1') await fs.rm(files, { recursive: true, force: true });
	}, 120_000);

	eachN8nVersion(versionOptions, ({ n8n, tag }) => {

		it(
			'main: "is this SIRET a Chorus Pro recipient, and what does it require?" — yes, and no',
			async () => {
				const main = readExample('main-is-siret-a-recipient.json');
				const result = await n8n.execute(main.id);
				expectSuccess(result);
				checkRun(result, () => {
					expect(nodeOutput(result.run, 'Answer')).toEqual([
						{
							siret: BUYER.siret,
							isChorusProRecipient: true,
							name: BUYER.name,
							idStructureCPP: BUYER.idStructureCPP,
							serviceCodeRequired: true,
							engagementNumberRequired: false,
							engagementNumberOrServiceCode: false,
							activeServiceCodes: 'FACTURES_PUBLIQUES, DST-INFO',
						},
					]);
					expect(nodeOutput(result.run, 'Not a recipient')).toEqual([]);
				});
				expectNoSecret(result);

				// a private company is not a Chorus Pro recipient
				const other = { ...example('main-is-siret-a-recipient.json', { [BUYER.siret]: DEMO_IDS.partner.siret }), id: `exNotRecip${tag}`.slice(0, 16) };
				await n8n.importWorkflows([other]);
				const no = await n8n.execute(other.id);
				expectSuccess(no);
				checkRun(no, () => {
					expect(nodeOutput(no.run, 'Not a recipient')).toEqual([{ siret: DEMO_IDS.partner.siret, isChorusProRecipient: false }]);
					expect(nodeOutput(no.run, 'Answer')).toEqual([]);
				});
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'checks a batch of invoices from a spreadsheet, submits the good ones and writes the problems to a file',
			async () => {
				const numbers = [1, 2, 3].map((k) => `CSV-${tag}-00${k}`);
				const hospital = DEMO_IDS.buyerWithEngagement;
				const csv = [
					'invoiceNumber,invoiceDate,buyerSiret,serviceCode,commitmentNumber,description,quantity,unitPriceExclVat,vatRateCode,totalExclVat,vat,totalInclVat,amountToPay',
					`${numbers[0]},2025-06-30,${BUYER.siret},FACTURES_PUBLIQUES,,Maintenance,1,1000,TVA5,1000,200,1200,1200`,
					`${numbers[1]},2025-06-30,${hospital.siret},,${DEMO_IDS.engagements[0]},Fournitures,2,250,TVA5,500,100,600,600`,
					// No service code for a buyer that requires one, and totals that do not add up.
					`${numbers[2]},2025-06-30,${BUYER.siret},,,Conseil,1,800,TVA5,800,160,900,900`,
				].join('\n');
				await fs.writeFile(join(files, 'invoices-to-send.csv'), `${csv}\n`);
				const wf = readExample('check-invoices-from-spreadsheet.json');
				const submits = sim.counts('/soumettre');
				const structureReads = sim.counts('/structures/v1/consulter');
				const result = await n8n.execute(wf.id);
				expectSuccess(result);
				checkRun(result, () => {
					expect(sim.counts('/soumettre') - submits).toBe(2);
					// One structure read per buyer in each Chorus Pro node (the check, then Check First).
					expect(sim.counts('/structures/v1/consulter') - structureReads).toBe(4);
					const submitted = nodeOutput(result.run, 'Submitted');
					expect(submitted.map((r) => r.invoiceNumber).sort()).toEqual(numbers.slice(0, 2));
					for (const row of submitted) expect(row.status).toBe('DEPOSEE');
					expect(nodeOutput(result.run, 'Problems')).toEqual([
						expect.objectContaining({ invoiceNumber: numbers[2], problemCodes: 'SERVICE_CODE_REQUIRED, TOTALS_DO_NOT_ADD_UP', notChecked: '' }),
					]);
					expect([...sim.store.invoices.values()].some((i) => i.numeroFacture === numbers[2])).toBe(false);
				});
				const problems = await fs.readFile(join(files, 'invoice-problems.csv'), 'utf8');
				expect(problems).toContain(numbers[2]);
				expect(problems).toContain('What to do');
				expect(problems).not.toContain(numbers[0]);
				expectNoSecret(result);
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'submits the PDF invoices of a folder and shows the status Chorus Pro gave each one',
			async () => {
				const numbers = [`FA-EX-${tag}-001`, `FA-EX-${tag}-002`];
				await writePdfs(join(files, 'outbox'), numbers.map((n) => `${n}.pdf`));
				const wf = readExample('submit-pdf-invoices-and-follow.json');
				const uploads = sim.counts('/ajouter/fichier');
				const result = await n8n.execute(wf.id);
				expectSuccess(result);
				checkRun(result, () => {
					expect(sim.counts('/ajouter/fichier') - uploads).toBe(2);
					const rows = nodeOutput(result.run, 'Status');
					expect(rows.map((r) => r.invoiceNumber).sort()).toEqual(numbers);
					for (const row of rows) {
						const invoice = [...sim.store.invoices.values()].find((i) => i.numeroFacture === row.invoiceNumber);
						expect(row).toEqual(
							expect.objectContaining({ idFacture: invoice?.idFacture, file: `${row.invoiceNumber}.pdf`, status: invoice?.statut }),
						);
						expect(row.status).toBe('MISE_A_DISPOSITION');
						expect(String(row.history)).toContain('DEPOSEE');
						expect(invoice?.idDestinataire).toBe(BUYER.idStructureCPP);
					}
				});
				expectNoSecret(result);
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'syncs the received invoices nobody downloaded: PDFs in a folder, one spreadsheet row each; the next run finds none',
			async () => {
				const recipients = sim.store.account.destinataire;
				const pending = [...sim.store.invoices.values()].filter(
					(i) => recipients.has(i.idDestinataire) && i.statut === 'MISE_A_DISPOSITION' && !i.factureTelechargeeParDestinataire,
				);
				expect(pending.length).toBeGreaterThan(0);
				const wf = readExample('sync-received-invoices.json');

				// Without the folder the run stops at its write check, before any invoice is marked as downloaded
				// (a download marks it on Chorus Pro, and the next run would not fetch it again).
				const downloads = sim.counts('/telecharger/groupe');
				const noFolder = await n8n.execute(wf.id);
				checkRun(noFolder, () => {
					expect(noFolder.run?.status).not.toBe('success');
					expect(Object.keys(noFolder.run?.data.resultData.runData ?? {})).not.toContain('New received invoices');
					expect(sim.counts('/telecharger/groupe')).toBe(downloads);
					for (const invoice of pending) expect(sim.store.invoice(invoice.idFacture)?.factureTelechargeeParDestinataire).toBeFalsy();
				});

				await fs.mkdir(join(files, 'inbox'), { recursive: true }); // the user creates the folder once (the note says so)
				const result = await n8n.execute(wf.id);
				expectSuccess(result);
				checkRun(result, () => {
					const rows = nodeOutput(result.run, 'Invoice row');
					expect(rows.map((r) => r.invoiceNumber).sort()).toEqual(pending.map((i) => i.numeroFacture).sort());
					for (const row of rows) expect(row.status).toBe('MISE_A_DISPOSITION');
					const sheet = binaryOf(result, 'Spreadsheet');
					expect(sheet).toEqual(expect.objectContaining({ fileName: 'received-invoices.csv' }));
					for (const invoice of pending) {
						expect(sim.store.invoice(invoice.idFacture)?.factureTelechargeeParDestinataire).toBe(true);
					}
				});
				for (const invoice of pending) {
					const file = join(files, 'inbox', `${invoice.numeroFacture}.pdf`);
					expect(existsSync(file)).toBe(true);
					expect((await fs.readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
				}
				expectNoSecret(result);

				const again = await n8n.execute(wf.id);
				expectSuccess(again);
				checkRun(again, () => expect(nodeOutput(again.run, 'Invoice row')).toEqual([]));
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'refreshes the referentials',
			async () => {
				const wf = readExample('refresh-referentials.json');
				const result = await n8n.execute(wf.id);
				expectSuccess(result);
				checkRun(result, () => {
					const [summary] = nodeOutput(result.run, 'Referentials');
					expect(JSON.stringify(summary.currencies)).toContain('EUR');
					expect((summary.vatRates as unknown[]).length).toBeGreaterThan(1);
					expect(summary.countries).toBeGreaterThan(1);
					expect((summary.paymentModes as unknown[]).length).toBeGreaterThan(1);
					expect((summary.billingFrameworks as unknown[]).length).toBeGreaterThan(1);
					expect(JSON.stringify(summary.supplierStructures)).toContain(String(DEMO_IDS.supplier.idStructureCPP));
				});
				expectNoSecret(result);
			},
			E2E_TEST_TIMEOUT,
		);
	});
});
