import { ensureRuntime, N8nInstance, stopEverything, type RunData, type WorkflowFixture } from '../../test/e2e/harness';
import { CREDENTIAL, CREDENTIAL_TYPE, PACKAGE } from '../../test/e2e/fixtures/chorus';
import { TlsPeers } from '../baselines/tlsClients';
import type { BenchConfig } from '../config';
import { remoteSimulator } from '../network/setup';
import { selfSignedCertificate } from '../network/tls';
import { verdict, type Row } from '../report';
import { ratios, spread } from '../stats';

const N8N_VERSION = '2.41.1';
const READ_PATH = '/cpro/transverses/v1/recuperer/devises';
const OURS = 'Chorus Pro';
const PEER = 'HTTP Request';
const MAX_RATIO = 1.0;

/**
 * The same reads through our node and through n8n's own HTTP Request node (the tool a user would otherwise
 * pick), in one workflow run by `n8n execute` in real n8n, against the simulator behind TLS and a round-trip
 * delay. Each node's own execution time, as n8n records it; rounds alternate which node runs first.
 */
function benchWorkflow(
	id: string,
	config: BenchConfig['network'],
	target: string,
	headers: Record<string, string>,
	oursFirst: boolean,
): WorkflowFixture {
	const { reads, parallel } = config;
	// n8n's "v1" order runs the branches of a node top to bottom: the node drawn higher runs first.
	const [oursY, peerY] = oursFirst ? [0, 300] : [300, 0];
	const nodes = [
		{ id: `${id}-trigger`, name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 150], parameters: {} },
		{
			id: `${id}-items`,
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 150],
			parameters: { jsCode: `return Array.from({ length: ${reads} }, (_, i) => ({ json: { i } }));` },
		},
		{
			id: `${id}-ours`,
			name: OURS,
			type: `${PACKAGE}.chorusProTransverse`,
			typeVersion: 1,
			position: [440, oursY],
			parameters: {
				resource: 'referential',
				operation: 'getCurrencies',
				additionalFields: { codeLangue: 'FR' },
				parallelRequests: parallel,
			},
			credentials: { [CREDENTIAL_TYPE]: { ...CREDENTIAL } },
		},
		{
			id: `${id}-peer`,
			name: PEER,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [440, peerY],
			parameters: {
				method: 'POST',
				url: `${target}${READ_PATH}`,
				sendHeaders: true,
				headerParameters: {
					parameters: Object.entries(headers)
						.filter(([name]) => name !== 'Content-Type')
						.map(([name, value]) => ({ name, value })),
				},
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '{"codeLangue":"FR"}',
				options: {},
			},
		},
	];
	return {
		id,
		name: `bench ${id}`,
		nodes,
		connections: {
			Run: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: OURS, type: 'main', index: 0 }, { node: PEER, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function executionTime(run: RunData, node: string): number {
	const task = run.data.resultData.runData[node]?.[0] as { executionTime?: number; executionStatus?: string } | undefined;
	if (!task?.executionTime) throw new Error(`${node} did not run`);
	return task.executionTime;
}

export async function httpRequestNodeFigure(config: BenchConfig): Promise<Row[]> {
	const { reads, rttMs } = config.network;
	const workload = `${reads} reads (recuperer/devises), TLS, ${rttMs} ms round trip, real n8n ${N8N_VERSION}, ours ${config.network.parallel} in flight`;
	if (!config.network.realN8n) return [];
	const cert = selfSignedCertificate();
	const remote = await remoteSimulator(cert, rttMs);
	try {
		const peers = new TlsPeers(remote.target, cert.cert);
		await peers.login();
		const n8n = await N8nInstance.create(await ensureRuntime(N8N_VERSION), { env: { NODE_EXTRA_CA_CERTS: cert.certFile } });
		const { target } = remote;
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: CREDENTIAL_TYPE,
				data: { environment: 'custom', baseUrl: target.url, tokenUrl: target.tokenUrl, ...target.credentials },
			},
		]);
		const ids = ['benchOursFirst1', 'benchPeerFirst1'];
		await n8n.importWorkflows(ids.map((id, k) => benchWorkflow(id, config.network, target.url, peers.headers(), k === 0)));
		await n8n.executeOk(ids[0]); // warm-up: a token in the credential, the package loaded once
		const ours: number[] = [];
		const peer: number[] = [];
		for (let round = 0; round < config.repetitions; round++) {
			const before = remote.sim.counts(READ_PATH);
			const run = await n8n.executeOk(ids[round % 2]);
			if (remote.sim.counts(READ_PATH) - before !== 2 * reads) throw new Error('HTTP Request node figure: wrong number of reads');
			ours.push(executionTime(run, OURS));
			peer.push(executionTime(run, PEER));
		}
		const ratio = spread(ratios(ours, peer));
		const pass = ratio.median <= MAX_RATIO;
		return [
			{
				figure: 'Over TLS: vs HTTP Request node',
				workload,
				measure: 'node execution time',
				unit: 'ms',
				ours: spread(ours),
				baselineName: "n8n's HTTP Request node, same headers",
				baseline: spread(peer),
				ratio,
				goal: `ratio ≤ ${MAX_RATIO}`,
				verdict: verdict(pass),
				note: pass
					? undefined
					: `the HTTP Request node starts all ${reads} requests at once; ours keeps "Parallel Requests" in flight (a PISTE quota shared by every workflow of the application), and each request pays a new TCP connection and TLS handshake in n8n.`,
				samples: { ours, baseline: peer },
			},
		];
	} finally {
		await stopEverything();
		await remote.close();
		cert.dispose();
	}
}
