import { ChorusProFactures } from '../nodes';
import { runNode } from '../../test/harness/run';
import { MAX_PAGE_SIZE } from '../../test/simulator/server';
import { NaiveClient } from '../baselines/naiveClient';
import { RawLoop } from '../baselines/rawLoop';
import type { BenchConfig } from '../config';
import { benchEnv } from '../env';
import { verdict, type Row } from '../report';
import { alternate, ratios, spread, timed } from '../stats';

const SEARCH = '/rechercher/recipiendaire';
const MAX_RATIO = 1.2;

/**
 * Return all: every received invoice through "Received Invoice → Search" with Return All, against a raw
 * keep-alive loop paging by the largest page the platform allows. The naive client's single call shows what
 * "no pagination loop" returns.
 */
export async function returnAllFigure(config: BenchConfig): Promise<Row[]> {
	const { invoices } = config.returnAll;
	const env = await benchEnv();
	const node = new ChorusProFactures();
	const raw = new RawLoop(env.target);
	const parameters = { resource: 'receivedInvoice', operation: 'search', returnAll: true };
	const expectedRequests = Math.ceil(invoices / MAX_PAGE_SIZE);
	try {
		env.sim.store.bulkInvoices(invoices);
		const credentials = env.newCredential();
		await runNode(node, { parameters: { ...parameters, returnAll: false, limit: 10 }, credentials });
		await raw.login();

		const requests: number[] = [];
		const { a, b } = await alternate(
			config.repetitions,
			async () => {
				const before = env.sim.counts(SEARCH);
				const { ms, value } = await timed(async () => await runNode(node, { parameters, credentials }));
				requests.push(env.sim.counts(SEARCH) - before);
				if (value[0].length !== invoices) throw new Error(`returnAll: ${value[0].length} items instead of ${invoices}`);
				return ms;
			},
			async () => {
				const { ms, value } = await timed(async () => await raw.allReceived(MAX_PAGE_SIZE));
				if (value !== invoices) throw new Error(`returnAll: raw loop read ${value} invoices`);
				return ms;
			},
		);
		const naive = await new NaiveClient(env.target).searchReceivedOnce();
		const ratio = spread(ratios(a, b));
		const workload = `${invoices} received invoices`;
		return [
			{
				figure: 'Return all',
				workload,
				measure: 'search requests',
				unit: 'requests',
				ours: spread(requests),
				goal: `= ⌈${invoices} / ${MAX_PAGE_SIZE}⌉ = ${expectedRequests}`,
				verdict: verdict(requests.every((n) => n === expectedRequests)),
				note: `the naive client's single call (no pagination loop) returned ${naive.length} of ${invoices} invoices.`,
				samples: { ours: requests },
			},
			{
				figure: 'Return all',
				workload,
				measure: 'wall time',
				unit: 'ms',
				ours: spread(a),
				baselineName: 'raw keep-alive loop, same pages',
				baseline: spread(b),
				ratio,
				goal: `ratio ≤ ${MAX_RATIO}`,
				verdict: verdict(ratio.median <= MAX_RATIO),
				note:
					ratio.median <= MAX_RATIO
						? undefined
						: `turning ${invoices} invoices into n8n items (one object each, paired with its input) costs more than the raw loop, which only counts them.`,
				samples: { ours: a, baseline: b },
			},
		];
	} finally {
		raw.close();
		await env.close();
	}
}
