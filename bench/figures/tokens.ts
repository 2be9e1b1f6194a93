import { ChorusProTransverse } from '../nodes';
import { forgetMintedTokens } from '../../nodes/shared/tokenFlight';
import { runNode } from '../../test/harness/run';
import { NaiveClient } from '../baselines/naiveClient';
import type { BenchConfig } from '../config';
import { benchEnv, emptyItems } from '../env';
import { verdict, type Row } from '../report';
import { alternate, ratios, spread } from '../stats';

// codeLangue set: with no field at all the node sends an empty body, which the simulator refuses (see report).
const READ_CURRENCIES = { resource: 'referential', operation: 'getCurrencies', additionalFields: { codeLangue: 'FR' } };

/**
 * Token requests: N operations spread over E executions that share one stored credential. Our credential
 * keeps the PISTE token (an expirable hidden field n8n persists), so only the first execution asks for one;
 * the naive client logs in at the start of every execution.
 */
export async function tokenFigure(config: BenchConfig): Promise<Row[]> {
	const { executions, operations } = config.tokens;
	const perExecution = Math.ceil(operations / executions);
	const env = await benchEnv();
	const node = new ChorusProTransverse();
	try {
		const calls = (): number => env.sim.counts('/recuperer/devises');
		const { a, b } = await alternate(
			config.repetitions,
			async () => {
				// Each round starts like a process that has not minted a token yet (a token of the last round would
				// otherwise be reused: tokenFlight.ts).
				forgetMintedTokens();
				const credentials = env.newCredential();
				const before = env.sim.tokensIssued();
				const callsBefore = calls();
				for (let e = 0; e < executions; e++) {
					await runNode(node, { parameters: READ_CURRENCIES, credentials, items: emptyItems(perExecution) });
				}
				if (calls() - callsBefore !== perExecution * executions) throw new Error('tokens: our node skipped reads');
				return env.sim.tokensIssued() - before;
			},
			async () => {
				const before = env.sim.tokensIssued();
				for (let e = 0; e < executions; e++) await new NaiveClient(env.target).execution(perExecution);
				return env.sim.tokensIssued() - before;
			},
		);
		return [
			{
				figure: 'Token requests',
				workload: `${perExecution * executions} operations over ${executions} executions, one credential`,
				measure: 'token requests',
				unit: 'requests',
				ours: spread(a),
				baselineName: 'naive axios',
				baseline: spread(b),
				ratio: spread(ratios(a, b)),
				goal: `exactly 1 (naive: ${executions} or more)`,
				verdict: verdict(a.every((n) => n === 1) && b.every((n) => n >= executions)),
				samples: { ours: a, baseline: b },
			},
		];
	} finally {
		await env.close();
	}
}
