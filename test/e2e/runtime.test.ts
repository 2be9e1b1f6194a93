/**
 * Smoke test of the real-n8n harness, in every n8n version: the runtime installs (or comes from the cache),
 * our package loads from `.n8n/nodes/node_modules`, a core-nodes workflow runs with `n8n execute`, a
 * credential of ours imports and its test passes against a stand-in token + health-check server, and a
 * workflow activated under `n8n start` produces executions read back through the public API and sqlite.
 */
import { readFileSync } from 'fs';
import { createServer, type Server } from 'http';
import { basename, join } from 'path';

import {
	describeE2E,
	E2E_SETUP_TIMEOUT,
	E2E_TEST_TIMEOUT,
	ensureRuntime,
	N8nInstance,
	nodeOutput,
	REPO_ROOT,
	runningProcesses,
	selectedVersions,
	stopEverything,
	type WorkflowFixture,
} from './harness';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
/** `dist/nodes/X/ChorusProFactures.node.js` → `chorusProFactures` (n8n's naming convention for `description.name`). */
const typeName = (file: string) => {
	const base = basename(file).split('.')[0];
	return base.charAt(0).toLowerCase() + base.slice(1);
};
const expectedNodeTypes = pkg.n8n.nodes.map((file) => `${pkg.name}.${typeName(file)}`);
const expectedCredentialTypes = pkg.n8n.credentials.map(typeName);

const manualWorkflow: WorkflowFixture = {
	id: 'e2eSmokeManual01',
	name: 'e2e smoke: manual',
	nodes: [
		{
			id: '0d5b5c57-1d53-4a55-9a0b-6a2b3c4d5e01',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '0d5b5c57-1d53-4a55-9a0b-6a2b3c4d5e02',
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'a1', name: 'greeting', value: 'bonjour', type: 'string' },
						{ id: 'a2', name: 'answer', value: '={{ 6 * 7 }}', type: 'number' },
					],
				},
				options: {},
			},
		},
		{
			id: '0d5b5c57-1d53-4a55-9a0b-6a2b3c4d5e03',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [440, 0],
			parameters: {},
		},
	],
	connections: {
		Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
		Set: { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
	},
};

const scheduledWorkflow: WorkflowFixture = {
	id: 'e2eSmokeSchedule',
	name: 'e2e smoke: every 2 seconds',
	settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	nodes: [
		{
			id: '0d5b5c57-1d53-4a55-9a0b-6a2b3c4d5e11',
			name: 'Every 2 s',
			type: 'n8n-nodes-base.scheduleTrigger',
			typeVersion: 1.2,
			position: [0, 0],
			parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 2 }] } },
		},
		{
			id: '0d5b5c57-1d53-4a55-9a0b-6a2b3c4d5e12',
			name: 'Tick',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				assignments: { assignments: [{ id: 't1', name: 'tick', value: true, type: 'boolean' }] },
				options: {},
			},
		},
	],
	connections: { 'Every 2 s': { main: [[{ node: 'Tick', type: 'main', index: 0 }]] } },
};

/** A stand-in for PISTE: the OAuth token endpoint and the Transverses health check, counting requests. */
function startFakePiste(): Promise<{ url: string; tokenRequests: () => number; close: () => Promise<void> }> {
	let tokens = 0;
	const server: Server = createServer((req, res) => {
		res.setHeader('content-type', 'application/json');
		if (req.method === 'POST' && req.url === '/api/oauth/token') {
			tokens++;
			res.end(JSON.stringify({ access_token: `tok-${tokens}`, token_type: 'Bearer', expires_in: 3600 }));
		} else if (req.url === '/cpro/transverses/v1/health-check') {
			const ok = req.headers.authorization?.startsWith('Bearer tok-') && !!req.headers['cpro-account'];
			res.statusCode = ok ? 200 : 401;
			res.end(JSON.stringify(ok ? { codeRetour: 0, libelle: 'OK' } : { error: 'unauthorized' }));
		} else {
			res.statusCode = 404;
			res.end('{}');
		}
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({
				url: `http://127.0.0.1:${port}`,
				tokenRequests: () => tokens,
				close: () => new Promise<void>((r) => server.close(() => r())),
			});
		});
	});
}

// The harness's own smoke test (core-nodes workflow, schedule trigger, executions read back through the API and
// the database). What it proves for the package is proven again by nodes, trigger and examples tests, so it runs
// on demand only, to keep a warm `npm test` under 5 minutes: `npm run test:e2e:harness`.
const harnessSmoke = process.env.CHORUS_E2E_HARNESS === '1' ? describeE2E : describe.skip;

harnessSmoke('real n8n harness (smoke)', () => {
	let piste: Awaited<ReturnType<typeof startFakePiste>>;

	beforeAll(async () => {
		piste = await startFakePiste();
	});

	afterAll(async () => {
		await stopEverything();
		await piste?.close();
		expect(runningProcesses()).toEqual([]);
	}, 120_000);

	describe.each(selectedVersions())('n8n %s', (version) => {
		let n8n: N8nInstance;

		beforeAll(async () => {
			n8n = await N8nInstance.create(await ensureRuntime(version));
		}, E2E_SETUP_TIMEOUT);

		afterAll(async () => {
			await n8n?.dispose();
		}, 120_000);

		it(
			'imports and executes a core-nodes workflow with n8n execute',
			async () => {
				await n8n.importWorkflows([manualWorkflow]);
				const result = await n8n.execute(manualWorkflow.id);
				expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({ exitCode: 0, status: 'success' });
				expect(nodeOutput(result.run, 'Done')).toEqual([{ greeting: 'bonjour', answer: 42 }]);
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'imports a credential of ours; under n8n start our types are loaded and the credential test passes',
			async () => {
				const credential = {
					id: 'e2eSmokeCred0001',
					name: 'Chorus Pro (stand-in)',
					type: 'chorusProApi',
					data: {
						environment: 'custom',
						baseUrl: piste.url,
						tokenUrl: `${piste.url}/api/oauth/token`,
						clientId: 'client-id',
						clientSecret: 'client-secret',
						login: 'TECH_1_test@cpro.fr',
						password: 'tech-password',
					},
				};
				await n8n.importCredentials([credential]);
				await n8n.importWorkflows([scheduledWorkflow]);
				await n8n.activate(scheduledWorkflow.id); // CLI: 2.x publish:workflow, 1.x update:workflow --active=true
				await n8n.start();

				const types = await n8n.loadedTypes();
				expect(types.credentials).toEqual(expect.arrayContaining(expectedCredentialTypes));
				expect(types.nodes).toEqual(expect.arrayContaining(expectedNodeTypes));

				const tokensBefore = piste.tokenRequests();
				await expect(n8n.testCredential(credential.id)).resolves.toEqual(
					expect.objectContaining({ status: 'OK' }),
				);
				expect(piste.tokenRequests()).toBe(tokensBefore + 1);

				const executions = await n8n.waitForExecutions({ workflowId: scheduledWorkflow.id }, 2, 60_000);
				expect(executions[0]).toEqual(expect.objectContaining({ status: 'success', mode: 'trigger' }));
				expect(executions[0].data?.resultData.runData.Tick[0].data?.main?.[0]?.[0].json).toEqual({ tick: true });

				await n8n.deactivate(scheduledWorkflow.id);
				const fromDb = await n8n.executionsFromDb(scheduledWorkflow.id);
				expect(fromDb.length).toBeGreaterThanOrEqual(2);
				expect(fromDb[0].data?.resultData.runData.Tick).toBeDefined();

				await n8n.stop();
				expect(n8n.isStarted).toBe(false);
			},
			E2E_TEST_TIMEOUT,
		);
	});
});
