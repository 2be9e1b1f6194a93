import { runNode, CredentialStore } from '../../test/harness/run';
import { forgetMintedTokens } from '../../nodes/shared/tokenFlight';
import { TlsPeers } from '../baselines/tlsClients';
import { emptyItems } from '../env';
import { remoteSimulator } from '../network/setup';
import { ChorusProTransverse } from '../nodes';
import { childArgs } from './spawn';

/**
 * The figures over TLS with a round-trip delay, in a process started with NODE_EXTRA_CA_CERTS pointing at the
 * run's self-signed certificate (n8n builds its own agents: the only way to make it trust a certificate).
 * Rounds rotate which side goes first. Reports per-round times and the token count of the expiry test.
 */
interface Args {
	tls: { key: string; cert: string };
	rttMs: number;
	reads: number;
	repetitions: number;
	/** "Parallel Requests" of our node; the keep-alive peer uses the same concurrency. */
	parallel: number;
	executions: number;
}

const READ_CURRENCIES = { resource: 'referential', operation: 'getCurrencies', additionalFields: { codeLangue: 'FR' } };
const READ_PATH = '/recuperer/devises';

async function main(): Promise<void> {
	const args = childArgs<Args>();
	const remote = await remoteSimulator(args.tls, args.rttMs);
	const { sim, target } = remote;
	const node = new ChorusProTransverse();
	const credentials = new CredentialStore({ environment: 'custom', baseUrl: target.url, tokenUrl: target.tokenUrl, ...target.credentials });
	const parameters = { ...READ_CURRENCIES, parallelRequests: args.parallel };
	const peers = new TlsPeers(target, args.tls.cert);
	try {
		// Warm-up, not timed: a token on both sides, code paths compiled.
		await runNode(node, { parameters, credentials, items: emptyItems(Math.min(args.reads, 20)) });
		await peers.login();
		await peers.keepAlive(Math.min(args.reads, 20), args.parallel);

		const expectReads = async (work: () => Promise<unknown>): Promise<number> => {
			const before = sim.counts(READ_PATH);
			const start = process.hrtime.bigint();
			await work();
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			if (sim.counts(READ_PATH) - before !== args.reads) throw new Error(`latency: ${sim.counts(READ_PATH) - before} reads instead of ${args.reads}`);
			return ms;
		};
		const sides = {
			ours: async () => await expectReads(async () => await runNode(node, { parameters, credentials, items: emptyItems(args.reads) })),
			keepAlive: async () => await expectReads(async () => await peers.keepAlive(args.reads, args.parallel)),
			sequential: async () => await expectReads(async () => await peers.sequentialNewConnections(args.reads)),
		};
		const names = Object.keys(sides) as Array<keyof typeof sides>;
		const times: Record<string, number[]> = { ours: [], keepAlive: [], sequential: [] };
		sim.resetInFlight();
		for (let round = 0; round < args.repetitions; round++) {
			const order = names.map((_, k) => names[(k + round) % names.length]);
			for (const side of order) times[side].push(await sides[side]());
		}
		const peakInFlight = sim.peakInFlight(READ_PATH);

		// 20 executions meet an expired token at once, in a process whose last token is long gone.
		forgetMintedTokens();
		sim.expireTokens();
		const tokensBefore = sim.tokensIssued();
		const readsBefore = sim.counts(READ_PATH);
		await Promise.all(
			Array.from({ length: args.executions }, async () => await runNode(node, { parameters, credentials, items: emptyItems(5) })),
		);
		const tokens = sim.tokensIssued() - tokensBefore;
		const refused = sim.counts(READ_PATH) - readsBefore - args.executions * 5;

		process.stdout.write(`BENCH_RESULT ${JSON.stringify({ times, peakInFlight, tokens, refused })}\n`);
	} finally {
		await remote.close();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
