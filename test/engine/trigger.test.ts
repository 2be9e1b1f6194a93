/**
 * The Chorus Pro Trigger driven through n8n-core's real PollContext (test/harness) against the simulator, with
 * the clock under the test's control (only `Date` is faked: sockets, timers and n8n's sleep run for real).
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChorusProTrigger } from '../../nodes/ChorusProTrigger/ChorusProTrigger.node';
import { binaryBuffer, runPoll } from '../harness/run';
import { fakeDateOnly } from '../harness/clock';
import { depositFlux } from '../simulator/factures/flux';
import { useSimulator } from './fixture';

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 17, 8, 0, 0);
const RECEIVED_SEARCH = '/rechercher/recipiendaire';
const CHAIN = ['MISE_A_DISPOSITION', 'SERVICE_FAIT', 'MANDATEE', 'MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE', 'MISE_EN_PAIEMENT'];

const trigger = new ChorusProTrigger();

function setClock(instant: number): void {
	jest.setSystemTime(instant);
}

function advance(ms: number): void {
	jest.setSystemTime(Date.now() + ms);
}

async function poll(parameters: INodeParameters, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	const result = await runPoll(trigger, { parameters, credentials, staticData, mode });
	return result?.[0] ?? [];
}

// Only `Date` is faked, from before the simulator starts (its tokens and timestamps read the same clock).
beforeAll(() => fakeDateOnly(T0));
afterAll(() => jest.useRealTimers());
const { sim, credentials } = useSimulator(trigger, { seed: 'empty', tokenLifetimeSeconds: 365 * 86_400 });

beforeEach(() => sim.store.invoices.clear());

describe('Chorus Pro Trigger: received invoice status changes', () => {
	it('emits 1,000 changes exactly once over 50 polls with faults, late indexing and two restarts', async () => {
		setClock(T0);
		const ids = sim.store.bulkInvoices(10_000);
		// Regular polls move a pool of 100 invoices along the chain (so previous statuses are known); the two
		// big polls move other invoices: an invoice changes at most once between two polls.
		const regular = ids.slice(0, 100);
		const bulk = ids.slice(1000, 2000);
		const step = new Map<number, number>([...regular, ...bulk].map((id) => [id, 0]));
		const pageSize = 300;
		const parameters: INodeParameters = {
			event: 'receivedInvoiceStatusChanged',
			options: { pageSize, overlapMinutes: 10, timeoutSeconds: 1 },
		};

		let live: IDataObject = {};
		advance(MIN);
		expect(await poll(parameters, live)).toEqual([]); // activation: nothing old
		// What n8n has persisted: it saves static data when a poll emits (and at activation).
		let saved = JSON.stringify(live);

		// Changes per poll: 1,000 in all, with a burst of 250 and a two-page poll (350) that fails midway.
		const plan: number[] = Array.from({ length: 50 }, (_, i) => (i === 12 ? 250 : i === 30 ? 350 : i % 9 === 4 ? 0 : 9));
		const remainder = 1000 - plan.reduce((a, b) => a + b, 0);
		plan[47] += remainder;
		expect(plan.reduce((a, b) => a + b, 0)).toBe(1000);

		const expected = new Set<string>();
		const emitted: string[] = [];
		const items: INodeExecutionData[] = [];
		let nextRegular = 0;
		let nextBulk = 0;
		let pendingSinceLastScan = 0;
		const failed: number[] = [];
		for (let p = 0; p < 50; p++) {
			advance(5 * MIN);
			const now = Date.now();
			for (let c = 0; c < plan[p]; c++) {
				const id = plan[p] > 100 ? bulk[nextBulk++] : regular[nextRegular++ % regular.length];
				const next = step.get(id)! + 1;
				step.set(id, next);
				// Every 10th change shows up late: stamped before the previous poll, indexed only now (not in the
				// first polls, where that stamp would fall before the activation: such a change is "old").
				const at = new Date(c % 10 === 3 && p >= 2 ? now - 8 * MIN : now - MIN + c);
				sim.store.setStatus(id, CHAIN[next], { at });
				expected.add(`${id}|${CHAIN[next]}`);
			}
			pendingSinceLastScan += plan[p];

			let faulty = false;
			if (p === 5) {
				sim.faults.add({ path: RECEIVED_SEARCH, status: 429, retryAfter: '0' }); // retried, the poll succeeds
				faulty = true;
			}
			if (p === 8 || p === 30) {
				// p 30: the first page is served, then the second fails four times: the poll fails midway.
				if (p === 30) sim.faults.add({ path: RECEIVED_SEARCH, delayMs: 1 });
				sim.faults.add({ path: RECEIVED_SEARCH, status: 503, retryAfter: '0', times: 4 });
				faulty = true;
			}
			if (p === 22) {
				sim.faults.add({ path: RECEIVED_SEARCH, delayMs: 1500 }); // over the 1 s timeout: retried
				faulty = true;
			}
			if (p === 20 || p === 40) live = JSON.parse(saved) as IDataObject; // new process, reloaded data

			const before = sim.counts(RECEIVED_SEARCH);
			let out: INodeExecutionData[];
			try {
				out = await poll(parameters, live);
			} catch (error) {
				// A fault the transport's retries cannot absorb fails the poll; nothing moves, nothing is lost.
				if (!faulty) throw error;
				failed.push(p);
				sim.faults.clear();
				continue;
			}
			sim.faults.clear();
			expect([8, 30]).not.toContain(p);
			const calls = sim.counts(RECEIVED_SEARCH) - before;
			if (!faulty) expect(calls).toBeLessThanOrEqual(Math.ceil(out.length / pageSize) + 1);
			expect(out.length).toBeLessThanOrEqual(pendingSinceLastScan);
			pendingSinceLastScan = 0;
			for (const item of out) emitted.push(`${item.json.invoiceId}|${item.json.newStatus}`);
			items.push(...out);
			if (out.length > 0) saved = JSON.stringify(live);
			expect(JSON.stringify(live).length).toBeLessThanOrEqual(16 * 1024);
		}
		// The last changes: one more poll collects what a failure or a restart left pending.
		advance(5 * MIN);
		const tail = await poll(parameters, live);
		for (const item of tail) emitted.push(`${item.json.invoiceId}|${item.json.newStatus}`);
		items.push(...tail);

		expect(failed).toEqual(expect.arrayContaining([8, 30]));
		expect(emitted.length).toBe(1000);
		expect(new Set(emitted).size).toBe(1000);
		expect(new Set(emitted)).toEqual(expected);
		expect(JSON.stringify(live).length).toBeLessThanOrEqual(16 * 1024);
		// Previous status, when the trigger remembers the invoice, is the status it reported before.
		const withPrevious = items.filter((i) => i.json.previousStatus !== null);
		expect(withPrevious.length).toBeGreaterThan(80);
		for (const item of withPrevious) {
			expect(CHAIN.indexOf(String(item.json.previousStatus))).toBe(CHAIN.indexOf(String(item.json.newStatus)) - 1);
		}
		expect(items[0].json.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	}, 60_000); // 50 polls through n8n: slow on a loaded machine

	it('reports nothing old on activation, then only the changes made after it', async () => {
		setClock(T0 + 10 * 86_400_000);
		const [old] = sim.store.bulkInvoices(5);
		sim.store.setStatus(old, 'SERVICE_FAIT', { at: new Date(Date.now() - MIN) });
		const staticData: IDataObject = {};
		const parameters = { event: 'receivedInvoiceStatusChanged' };
		const before = sim.counts(RECEIVED_SEARCH);
		expect(await poll(parameters, staticData)).toEqual([]);
		expect(sim.counts(RECEIVED_SEARCH)).toBe(before); // activation asks nothing
		advance(5 * MIN);
		expect(await poll(parameters, staticData)).toEqual([]);
		sim.store.setStatus(old, 'MANDATEE');
		advance(MIN);
		const out = await poll(parameters, staticData);
		expect(out.map((i) => [i.json.invoiceId, i.json.previousStatus, i.json.newStatus])).toEqual([[old, null, 'MANDATEE']]);
	});

	it('with a start date, the first poll reports the changes since that date', async () => {
		setClock(T0 + 20 * 86_400_000);
		const ids = sim.store.bulkInvoices(4);
		sim.store.setStatus(ids[0], 'SERVICE_FAIT', { at: new Date(Date.now() - 3 * 86_400_000) });
		sim.store.setStatus(ids[1], 'REJETEE', { at: new Date(Date.now() - 86_400_000), motif: 'Montant erroné' });
		const startDate = new Date(Date.now() - 2 * 86_400_000).toISOString();
		const out = await poll({ event: 'receivedInvoiceStatusChanged', options: { startDate } }, {});
		// ids 2 and 3 were made available within the last 4 minutes, ids[1] rejected yesterday; ids[0] is older.
		expect(out.map((i) => i.json.invoiceId).sort()).toEqual([ids[1], ids[2], ids[3]].sort());
		expect(out.find((i) => i.json.invoiceId === ids[1])?.json.commentaireEtatCourant).toBe('Montant erroné');
	});

	it('"Fetch Test Event" returns a small real sample and leaves the cursor alone', async () => {
		setClock(T0 + 30 * 86_400_000);
		sim.store.bulkInvoices(30);
		const staticData: IDataObject = {};
		const parameters = { event: 'newReceivedInvoice' };
		expect(await poll(parameters, staticData)).toEqual([]);
		const stored = JSON.stringify(staticData);
		advance(MIN);
		const added = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		const sample = await poll(parameters, staticData, 'manual');
		expect(sample.length).toBeGreaterThan(0);
		expect(sample.length).toBeLessThanOrEqual(5);
		expect(sample[0].json.invoiceId).toBe(added.idFacture);
		expect(JSON.stringify(staticData)).toBe(stored);
		advance(MIN);
		const out = await poll(parameters, staticData);
		expect(out.map((i) => i.json.invoiceId)).toEqual([added.idFacture]);
	});
});

describe('Chorus Pro Trigger: a connection broken after the headers', () => {
	it('retries page 2 of the scan once and the poll succeeds', async () => {
		setClock(T0 + 35 * 86_400_000);
		const ids = sim.store.bulkInvoices(400);
		const staticData: IDataObject = {};
		const parameters = { event: 'receivedInvoiceStatusChanged', options: { pageSize: 200 } };
		expect(await poll(parameters, staticData)).toEqual([]); // activation
		advance(MIN);
		for (const id of ids.slice(0, 300)) sim.store.setStatus(id, 'SERVICE_FAIT');
		advance(MIN);
		// Page 1 is served; page 2 sends its status line and headers (200, full Content-Length), half its body, then
		// the connection breaks. n8n reports that as httpCode 200 with ECONNRESET.
		sim.faults.add({ path: RECEIVED_SEARCH, delayMs: 1 }).add({ path: RECEIVED_SEARCH, body: 'cut' });
		const before = sim.counts(RECEIVED_SEARCH);
		const out = await poll(parameters, staticData);
		expect(sim.faults.pending()).toBe(0);
		expect(sim.counts(RECEIVED_SEARCH) - before).toBe(3); // page 1, page 2 cut, page 2 again
		expect(new Set(out.map((item) => item.json.invoiceId))).toEqual(new Set(ids.slice(0, 300)));
		expect(out).toHaveLength(300);
	});
});

describe('Chorus Pro Trigger: new received invoices with their PDF', () => {
	it('downloads each new invoice as a real PDF and does not report it again', async () => {
		setClock(T0 + 40 * 86_400_000);
		sim.store.bulkInvoices(20);
		const staticData: IDataObject = {};
		const parameters = { event: 'newReceivedInvoice', onlyNotDownloaded: true, downloadPdf: true };
		await poll(parameters, staticData);
		advance(2 * MIN);
		const fresh = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		const processed = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		sim.store.setStatus(processed.idFacture, 'SERVICE_FAIT');
		advance(MIN);
		const out = await poll(parameters, staticData);
		expect(out.map((i) => i.json.invoiceId)).toEqual([fresh.idFacture]);
		expect(out[0].json.downloadError).toBeUndefined();
		const pdf = await binaryBuffer(out[0]);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(out[0].binary?.data.mimeType).toBe('application/pdf');
		expect(out[0].binary?.data.fileName).toBe(`facture_${fresh.idFacture}.pdf`);
		expect(sim.store.invoice(fresh.idFacture)?.factureTelechargeeParDestinataire).toBe(true);
		advance(MIN);
		expect(await poll(parameters, staticData)).toEqual([]);
	});
});

describe('Chorus Pro Trigger: emitted invoices and flux reports', () => {
	it('reports a supplier-side rejection with the previous status once known', async () => {
		setClock(T0 + 50 * 86_400_000);
		const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		const staticData: IDataObject = {};
		const parameters = { event: 'emittedInvoiceStatusChanged', options: { startDate: new Date(Date.now() - MIN).toISOString() } };
		let out = await poll(parameters, staticData);
		expect(out.map((i) => [i.json.invoiceId, i.json.newStatus])).toEqual([[invoice.idFacture, 'MISE_A_DISPOSITION']]);
		advance(3 * MIN);
		sim.store.setStatus(invoice.idFacture, 'REJETEE', { motif: 'Bon de commande absent' });
		advance(MIN);
		out = await poll(parameters, staticData);
		expect(out.map((i) => [i.json.previousStatus, i.json.newStatus, i.json.commentaireEtatCourant])).toEqual([
			['MISE_A_DISPOSITION', 'REJETEE', 'Bon de commande absent'],
		]);
	});

	it('reports each listed flux once when final, with readable rejection reasons', async () => {
		setClock(T0 + 60 * 86_400_000);
		sim.store.fluxPendingObservations = 1;
		const deposit = (name: string) => {
			const bytes = Buffer.from('<Invoice/>');
			const body = { fichierFlux: bytes.toString('base64'), nomFichier: name, syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' };
			return depositFlux(sim.store, body, bytes);
		};
		sim.store.setNextFluxOutcome('IN_REJETE', {
			listeErreurTechnique: [{ codeErreur: 'ERR_XSD_001', natureErreur: 'TECHNIQUE', libelleErreur: "Le fichier n'est pas conforme au schéma." }],
		});
		const rejected = deposit('a.xml');
		const staticData: IDataObject = {};
		const parameters = { event: 'fluxFinalState', fluxNumbers: `${rejected.numeroFluxDepot}, CPP00111999999999999999999`, discoverFlux: false };
		expect(await poll(parameters, staticData)).toEqual([]); // activation
		const reports: INodeExecutionData[] = [];
		for (let p = 0; p < 4; p++) {
			advance(5 * MIN);
			reports.push(...(await poll(parameters, staticData)));
		}
		expect(reports).toHaveLength(1);
		expect(reports[0].json).toMatchObject({
			event: 'fluxFinalState',
			numeroFluxDepot: rejected.numeroFluxDepot,
			newStatus: 'IN_REJETE',
			final: true,
		});
		expect(reports[0].json.rejectionReasons).toContain("Flux error ERR_XSD_001 (TECHNIQUE): Le fichier n'est pas conforme au schéma.");
		expect(reports[0].json.previousStatus).toEqual(expect.any(String));
	});
});
