import { ChorusProTransverse } from '../nodes';
import { runNode } from '../../test/harness/run';
import { RawLoop } from '../baselines/rawLoop';
import type { BenchConfig } from '../config';
import { benchEnv, emptyItems } from '../env';
import { verdict, type Row } from '../report';
import { alternate, ratios, spread, timed } from '../stats';

// codeLangue set: with no field at all the node sends an empty body, which the simulator refuses (see report).
// One item at a time: this figure is n8n's cost per item beside a sequential loop; the network figure measures
// Parallel Requests.
const READ_CURRENCIES = {
	resource: 'referential',
	operation: 'getCurrencies',
	additionalFields: { codeLangue: 'FR' },
	parallelRequests: 1,
};
const MAX_RATIO = 1.3;

/**
 * Engine overhead: N reads of `recuperer/devises` as one n8n execution of N items (parameter resolution,
 * credential decryption and authentication, n8n's axios request, our envelope checks, one item per currency)
 * against the same N requests sent by Node's http module on one kept-alive socket.
 */
export async function engineFigure(config: BenchConfig): Promise<Row[]> {
	const { reads } = config.engine;
	const env = await benchEnv();
	const node = new ChorusProTransverse();
	const raw = new RawLoop(env.target);
	try {
		const credentials = env.newCredential();
		// Warm-up, not timed: token minted and persisted, code paths compiled on both sides.
		await runNode(node, { parameters: READ_CURRENCIES, credentials, items: emptyItems(Math.min(reads, 50)) });
		await raw.login();
		await raw.referentialReads(Math.min(reads, 50));

		const { a, b } = await alternate(
			config.repetitions,
			async () => {
				const before = env.sim.counts('/recuperer/devises');
				const { ms } = await timed(
					async () => await runNode(node, { parameters: READ_CURRENCIES, credentials, items: emptyItems(reads) }),
				);
				if (env.sim.counts('/recuperer/devises') - before !== reads) throw new Error('engine: wrong request count');
				return ms;
			},
			async () => (await timed(async () => await raw.referentialReads(reads))).ms,
		);
		const ratio = spread(ratios(a, b));
		return [
			{
				figure: 'Engine overhead',
				workload: `${reads} referential reads (recuperer/devises) through n8n`,
				measure: 'wall time',
				unit: 'ms',
				ours: spread(a),
				baselineName: 'raw keep-alive http loop',
				baseline: spread(b),
				ratio,
				goal: `ratio ≤ ${MAX_RATIO}`,
				verdict: verdict(ratio.median <= MAX_RATIO),
				note:
					ratio.median <= MAX_RATIO
						? undefined
						: "n8n-core's httpRequest builds a new http agent for every request (setAxiosAgents → createHttpProxyAgent), so each of the reads opens a new TCP connection, while the raw loop keeps one socket alive; a node cannot hand n8n an agent through httpRequestWithAuthentication. Each item also pays n8n's parameter resolution and credential decryption.",
				samples: { ours: a, baseline: b },
			},
		];
	} finally {
		raw.close();
		await env.close();
	}
}
