import { runChild } from '../child/spawn';
import type { BenchConfig } from '../config';
import { selfSignedCertificate } from '../network/tls';
import { verdict, type Row, type Verdict } from '../report';
import { ratios, spread } from '../stats';

const MAX_RATIO_KEEP_ALIVE = 1.5;

interface LatencyResult {
	times: { ours: number[]; keepAlive: number[]; sequential: number[] };
	peakInFlight: number;
	tokens: number;
	refused: number;
}

function missRow(figure: string, workload: string, goal: string, reason: string): Row {
	return { figure, workload, measure: 'not measured', unit: '—', ours: spread([Number.NaN]), goal, verdict: 'MISS', note: reason };
}

/**
 * What users live with: the simulator behind TLS (a self-signed certificate made for the run) and a round-trip
 * delay. Our node (n8n's real request path: a new connection and TLS handshake per request) beside a keep-alive
 * client at the same concurrency and a sequential new-connection loop (our node before Parallel Requests), then
 * 20 executions meeting an expired token at once. Runs in a child process that trusts the certificate.
 */
export async function networkFigure(config: BenchConfig): Promise<Row[]> {
	const { reads, rttMs, parallel, executions } = config.network;
	const workload = `${reads} reads (recuperer/devises), TLS, ${rttMs} ms round trip`;
	const goalKeepAlive = `ratio ≤ ${MAX_RATIO_KEEP_ALIVE}`;
	let cert;
	try {
		cert = selfSignedCertificate();
	} catch (error) {
		return [missRow('Over TLS: vs keep-alive client', workload, goalKeepAlive, (error as Error).message)];
	}
	try {
		const result = await runChild<LatencyResult>(
			'latency',
			{ tls: { key: cert.key, cert: cert.cert }, rttMs, reads, repetitions: config.repetitions, parallel, executions },
			{ NODE_EXTRA_CA_CERTS: cert.certFile },
		);
		const { ours, keepAlive, sequential } = result.times;
		const keepAliveRatio = spread(ratios(ours, keepAlive));
		const keepAlivePass = keepAliveRatio.median <= MAX_RATIO_KEEP_ALIVE;
		const tokensVerdict: Verdict = verdict(result.tokens === 1);
		return [
			{
				figure: 'Over TLS: vs keep-alive client',
				workload: `${workload}, ${parallel} in flight`,
				measure: 'wall time',
				unit: 'ms',
				ours: spread(ours),
				baselineName: `https keep-alive client, ${parallel} in flight`,
				baseline: spread(keepAlive),
				ratio: keepAliveRatio,
				goal: goalKeepAlive,
				verdict: verdict(keepAlivePass),
				note: keepAlivePass
					? `requests in flight at most: ${result.peakInFlight}.`
					: `n8n opens a new TCP connection and does a full TLS handshake for every request a node makes (n8n-core builds a new agent per request; a node cannot hand it one): each of our requests waits about 3 round trips, the keep-alive client's 1. Requests in flight at most: ${result.peakInFlight}.`,
				samples: { ours, baseline: keepAlive },
			},
			{
				figure: 'Over TLS: vs sequential loop',
				workload,
				measure: 'wall time',
				unit: 'ms',
				ours: spread(ours),
				baselineName: 'sequential loop, new connection per request (our node before Parallel Requests)',
				baseline: spread(sequential),
				ratio: spread(ratios(ours, sequential)),
				goal: 'reported (the speed-up of Parallel Requests)',
				verdict: 'INFO',
				samples: { ours, baseline: sequential },
			},
			{
				figure: 'Over TLS: token at expiry',
				workload: `${executions} concurrent executions meet an expired token, one process`,
				measure: 'token requests',
				unit: 'requests',
				ours: spread([result.tokens]),
				goal: '1 per process per expiry',
				verdict: tokensVerdict,
				note: `requests refused with 401: ${result.refused} (one per execution: the refused token is never sent twice).`,
			},
		];
	} finally {
		cert.dispose();
	}
}
