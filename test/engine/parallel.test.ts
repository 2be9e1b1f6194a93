/**
 * Issue 13 through n8n-core's real ExecuteContext and the real credential, against the simulator: the items of a
 * read run side by side (output in input order, each paired with its item), writes never overlap, a 429 in a
 * parallel batch holds the batch back without losing or repeating an item, and concurrent executions meeting an
 * expired (or missing) token make one token request between them.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { forgetMintedTokens } from '../../nodes/shared/tokenFlight';
import { CredentialStore, binaryItem, runNode } from '../harness/run';
import { useSimulator } from './fixture';

const node = new ChorusProFactures();
const HISTORY = '/consulter/historique';
const { sim, credentials } = useSimulator(node);

beforeEach(() => sim.resetInFlight());

/** One input item per invoice; the node reads each item's invoice id with an expression. */
function invoiceItems(count: number): { ids: number[]; items: INodeExecutionData[] } {
	const ids = Array.from({ length: count }, () => sim.store.addInvoice().idFacture);
	return { ids, items: ids.map((id) => ({ json: { id } })) };
}

async function readHistories(items: INodeExecutionData[], options: { store?: CredentialStore; parallel?: number } = {}) {
	const [output] = await runNode(node, {
		parameters: {
			resource: 'receivedInvoice',
			operation: 'getHistory',
			idFacture: '={{ $json.id }}',
			...(options.parallel === undefined ? {} : { parallelRequests: options.parallel }),
		},
		credentials: options.store ?? credentials,
		items,
	});
	return output;
}

describe('Parallel Requests', () => {
	it('runs the items of a read side by side and outputs them in input order, each paired with its item', async () => {
		const { ids, items } = invoiceItems(50);
		await readHistories(items.slice(0, 1)); // a token first: the measure is about the reads
		sim.resetInFlight();
		// Every answer is slowed, the earliest requests most, so answers come back in another order than sent.
		for (let k = 0; k < 50; k++) sim.faults.add({ path: HISTORY, delayMs: 5 + (50 - k) * 2 });
		const callsBefore = sim.counts(HISTORY);

		const output = await readHistories(items);

		expect(sim.peakInFlight(HISTORY)).toBeGreaterThan(1);
		expect(sim.counts(HISTORY) - callsBefore).toBe(50);
		expect(output.map((item) => item.json.idFacture)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, i) => ({ item: i })));
	});

	it('runs one item at a time when set to 1', async () => {
		const { ids, items } = invoiceItems(6);
		sim.faults.add({ path: HISTORY, delayMs: 20, times: 6 });
		const output = await readHistories(items, { parallel: 1 });
		expect(sim.peakInFlight(HISTORY)).toBe(1);
		expect(output.map((item) => item.json.idFacture)).toEqual(ids);
	});

	it('never has two writes in flight, whatever the option says', async () => {
		const files = await Promise.all(
			Array.from({ length: 6 }, async (_, k) => await binaryItem(`<?xml version="1.0"?><Invoice n="${k}"/>`, `f${k}.xml`, 'application/xml')),
		);
		sim.faults.add({ path: '/deposer/flux', delayMs: 30, times: 6 });
		const callsBefore = sim.counts('/deposer/flux');
		const [output] = await runNode(node, {
			parameters: { resource: 'emittedInvoice', operation: 'depositFlux', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE', parallelRequests: 10 },
			credentials,
			items: files,
		});
		expect(sim.counts('/deposer/flux') - callsBefore).toBe(6);
		expect(sim.peakInFlight('/deposer/flux')).toBe(1);
		expect(output.map((item) => item.pairedItem)).toEqual(files.map((_, i) => ({ item: i })));
	});

	it('retries a 429 of a parallel batch without losing or repeating an item', async () => {
		const { ids, items } = invoiceItems(20);
		await readHistories(items.slice(0, 1));
		sim.resetInFlight();
		const callsBefore = sim.counts(HISTORY);
		// The first answers are slow, so the batch is in flight when the gateway starts refusing.
		sim.faults.add({ path: HISTORY, delayMs: 40, times: 3 });
		sim.faults.add({ path: HISTORY, status: 429, retryAfter: '1', times: 4 });

		const output = await readHistories(items);

		expect(sim.peakInFlight(HISTORY)).toBeGreaterThan(1);
		expect(output.map((item) => item.json.idFacture)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, i) => ({ item: i })));
		// 20 answered reads plus the 4 refused ones, each sent again once.
		expect(sim.counts(HISTORY) - callsBefore).toBe(24);
	});
});

describe('PISTE token across concurrent executions', () => {
	const executions = 20;

	async function concurrentRuns(store: CredentialStore): Promise<void> {
		const { ids, items } = invoiceItems(executions);
		const outputs = await Promise.all(items.map(async (item) => await readHistories([item], { store })));
		expect(outputs.map((output) => output[0].json.idFacture)).toEqual(ids);
	}

	it('20 executions after the token expired make exactly 1 token request and send the expired token once each', async () => {
		const store = new CredentialStore(sim.credentialData());
		await readHistories(invoiceItems(1).items, { store });
		sim.expireTokens();
		const tokensBefore = sim.counts('/api/oauth/token');
		const callsBefore = sim.counts(HISTORY);

		await concurrentRuns(store);

		expect(sim.counts('/api/oauth/token') - tokensBefore).toBe(1);
		// At most one 401 per execution: the refused token is never sent a second time.
		expect(sim.counts(HISTORY) - callsBefore).toBeLessThanOrEqual(2 * executions);
	});

	it('20 executions starting on a credential with no token yet make exactly 1 token request', async () => {
		forgetMintedTokens(); // a process that has not minted a token yet
		const store = new CredentialStore(sim.credentialData());
		const tokensBefore = sim.counts('/api/oauth/token');

		await concurrentRuns(store);

		expect(sim.counts('/api/oauth/token') - tokensBefore).toBe(1);
	});
});
