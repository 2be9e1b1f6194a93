/**
 * The package in n8n 2.x queue mode (jest project `e2e-queue`): one main, two workers (`n8n worker
 * --concurrency=10`), Redis and PostgreSQL of their own, the package deployed into every process's nodes
 * folder. Through a Webhook on main, 20 executions of a workflow of Chorus Pro operations run at the same
 * time (a barrier at the token tap holds the first Chorus Pro call of each until all 20 wait there, which only
 * happens when both workers run 10 each): all succeed, and the token requests, cold and after the simulator
 * expired every token, stay within one per worker. The trigger, active on main, emits each new invoice once
 * while the workers run its executions, and after a restart of main neither re-emits nor loses one.
 */
import { E2E_SETUP_TIMEOUT, ensureRuntime, QueueMode, selectedVersions, sleep, tail, type Execution } from '../harness';
import { chain, chorus, leakedSecrets, secretsOf, setFields, simulatorCredential } from '../fixtures/chorus';
import { e2eSuite } from '../fixtures/suite';
import { TOKEN_PATH } from '../../simulator/auth';
import { G2B_IDS } from '../../simulator/seed-g2b';
import { DEMO_IDS } from '../../simulator/server';

const WORKERS = 2;
const CONCURRENCY = 10;
const RUNS = 20;
const WEBHOOK_PATH = 'chorus-queue-mode';
const RECEIVED_SEARCH = '/rechercher/recipiendaire';
const TEST_TIMEOUT = 10 * 60_000;

const once = { executeOnce: true };

/** Webhook → five Chorus Pro operations → the answer (the run number it was sent, and what the operations read). */
const webhookWorkflow = chain('e2eQueueWebhook1', 'E2E queue mode: webhook', [
	{
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: 'c0a7e2e0-5a1e-4c4e-9e2e-000000000014',
		parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
	},
	chorus('chorusProTransverse', 'Currencies', { resource: 'referential', operation: 'getCurrencies' }, once),
	chorus('chorusProTransverse', 'VAT rates', { resource: 'referential', operation: 'getVatRates' }, once),
	chorus('chorusProTransverse', 'Health', { resource: 'health', operation: 'check' }, once),
	chorus('chorusProTransverse', 'SIRET information', { resource: 'structure', operation: 'getSiretInformation', siretStructure: DEMO_IDS.buyerWithService.siret }, once),
	chorus('chorusProAnnuaire', 'Company', { resource: 'company', operation: 'get', siren: G2B_IDS.buyer.siren }, once),
	{
		...setFields('Answer', {
			run: "={{ $('Webhook').first().json.body.run }}",
			currencies: "={{ $('Currencies').all().length }}",
			siren: "={{ $('Company').first().json.siren }}",
		}),
		executeOnce: true,
	},
]);

/** The trigger on main; each emitted invoice is read again by a worker. */
const triggerWorkflow = chain('e2eQueueTrigger1', 'E2E queue mode: new received invoice', [
	chorus('chorusProTrigger', 'Chorus Pro Trigger', {
		pollTimes: { item: [{ mode: 'everyMinute' }] },
		event: 'newReceivedInvoice',
		structureId: DEMO_IDS.buyerWithService.idStructureCPP,
	}),
	chorus('chorusProFactures', 'Read invoice', { resource: 'receivedInvoice', operation: 'get', identifiantFactureCPP: '={{ $json.idFacture }}' }),
]);

/** The invoices the trigger emitted over all executions (`idFacture`), oldest execution first. */
function emitted(executions: Execution[]): number[] {
	return [...executions]
		.sort((a, b) => Number(a.id) - Number(b.id))
		.flatMap((e) => (e.data?.resultData.runData['Chorus Pro Trigger']?.[0]?.data?.main?.[0] ?? []).map((item) => Number(item.json.idFacture)));
}

/** 2.x only: queue mode with n8n 1.x is described in the README (its runtime is tested by the `e2e` project). */
const versions = selectedVersions().filter((v) => v.startsWith('2.'));

const chorusPro = e2eSuite();

chorusPro.describeSuite('n8n queue mode: main + 2 workers, Redis, PostgreSQL', () => {
	describe.each(versions)('n8n %s', (version) => {
		let queue: QueueMode;

		beforeAll(async () => {
			queue = await QueueMode.create(await ensureRuntime(version), { workers: WORKERS, concurrency: CONCURRENCY });
			await queue.main.importCredentials([simulatorCredential(chorusPro.sim, chorusPro.tap.url)]);
			await queue.main.importWorkflows([webhookWorkflow, triggerWorkflow]);
			await queue.main.activate(webhookWorkflow.id); // published before start: main registers its webhook as it starts
			// the CLI runs migrated the database: main and the workers can start side by side
			await Promise.all([queue.main.start(), queue.startWorkers()]);
			await queue.main.waitForWebhook(WEBHOOK_PATH);
		}, E2E_SETUP_TIMEOUT);

		afterAll(async () => {
			await queue?.dispose();
		}, 120_000);

		/** Everything the processes printed, for a failure message. */
		function printed(): string {
			const all = [queue.main, ...queue.workers];
			return all.map((n, i) => `--- ${i ? `worker ${i}` : 'main'} ---\n${tail(n.serverOutput(), 3000)}`).join('\n');
		}

		async function withOutput<T>(fn: () => Promise<T>): Promise<T> {
			try {
				return await fn();
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				throw new Error(`${message}\n${printed()}`);
			}
		}

		/**
		 * Sends RUNS webhook calls at once; returns how many executions held a Chorus Pro call at the same time,
		 * the answers, the new executions and the token requests the simulator received meanwhile.
		 */
		async function runConcurrently() {
			const tokensBefore = chorusPro.sim.counts(TOKEN_PATH);
			const known = new Set((await queue.main.executions({ workflowId: webhookWorkflow.id })).map((e) => e.id));
			const barrier = chorusPro.tap.holdUntil('/cpro/', RUNS, 120_000);
			const answers = await Promise.all(
				Array.from({ length: RUNS }, async (_, run) => {
					const response = await fetch(`${queue.main.baseUrl}/webhook/${WEBHOOK_PATH}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ run }),
						signal: AbortSignal.timeout(240_000),
					}).catch((error: Error) => error);
					if (response instanceof Error) return { status: 0, body: { error: response.message } };
					return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined };
				}),
			);
			const held = await barrier;
			const all = await queue.main.waitForExecutions({ workflowId: webhookWorkflow.id }, known.size + RUNS);
			const executions = all.filter((e) => !known.has(e.id));
			return { held, answers, executions, tokenRequests: chorusPro.sim.counts(TOKEN_PATH) - tokensBefore };
		}

		// in this order: the credential holds no token yet; then the token it holds was expired by the simulator
		const phases: Array<[string, () => void]> = [
			['cold', () => undefined],
			['after the simulator expired every token', () => chorusPro.sim.expireTokens()],
		];
		it.each(phases)(
			`%s: ${RUNS} concurrent webhook executions all succeed, on both workers, with at most one token request per worker`,
			(_, arrange) =>
				withOutput(async () => {
					arrange();
					const result = await runConcurrently();
					expect(result.executions.map((e) => `${e.id}: ${e.status}`)).toEqual(result.executions.map((e) => `${e.id}: success`));
					expect(result.answers).toEqual(
						Array.from({ length: RUNS }, (_, run) => ({
							status: 200,
							body: expect.objectContaining({ run: String(run), siren: G2B_IDS.buyer.siren }),
						})),
					);
					// all 20 held a Chorus Pro call at once: both workers were running 10 executions each
					expect(result.held).toBe(RUNS);
					const ranOn = result.executions.map((e) => queue.workerOf(e.id));
					expect(ranOn.filter((w) => w < 0)).toEqual([]);
					expect(new Set(ranOn).size).toBe(WORKERS);
					expect(result.tokenRequests).toBeGreaterThanOrEqual(1);
					expect(result.tokenRequests).toBeLessThanOrEqual(WORKERS);
				}),
			TEST_TIMEOUT,
		);

		it(
			'polls on main, emits each new invoice exactly once on the workers, and after a restart of main neither re-emits nor loses one',
			() =>
				withOutput(async () => {
					const { main } = queue;
					const searches = () => chorusPro.sim.counts(RECEIVED_SEARCH);
					/** Runs `poll` and waits until the simulator saw the trigger's search. */
					const polled = async (poll: () => Promise<void>) => {
						const before = searches();
						await poll();
						for (let i = 0; i < 240 && searches() <= before; i++) await sleep(250);
						expect(searches()).toBeGreaterThan(before);
					};
					/** Waits until the trigger's executions, all finished, emitted `expected` (each id once). */
					const emittedAre = async (expected: number[]) => {
						const executions = await main.waitForExecutions({ workflowId: triggerWorkflow.id }, expected.length);
						expect(emitted(executions)).toEqual(expected);
						return executions;
					};

					// activation polls at once: the cursor starts now, nothing already there is emitted
					await polled(() => main.activate(triggerWorkflow.id));
					const first = chorusPro.sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
					await polled(() => main.pollNow(triggerWorkflow.id));
					await emittedAre([first.idFacture]);

					// main stops; an invoice arrives meanwhile; main starts again (activation polls at start)
					await main.stop();
					const whileDown = chorusPro.sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
					await polled(() => main.start());
					await emittedAre([first.idFacture, whileDown.idFacture]);

					// a poll with nothing new, then one with a new invoice: neither re-emits an old one
					await polled(() => main.pollNow(triggerWorkflow.id));
					const last = chorusPro.sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
					await polled(() => main.pollNow(triggerWorkflow.id));
					const executions = await emittedAre([first.idFacture, whileDown.idFacture, last.idFacture]);

					// the workers ran them, each a successful execution that read the invoice again
					expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
					expect(executions.map((e) => queue.workerOf(e.id)).filter((w) => w < 0)).toEqual([]);
					const invoices = [first, whileDown, last];
					const reads = [...executions]
						.sort((a, b) => Number(a.id) - Number(b.id))
						.map((e) => JSON.stringify(e.data?.resultData.runData['Read invoice']?.[0]?.data?.main?.[0]?.[0]?.json ?? null));
					reads.forEach((read, i) => expect(read).toContain(invoices[i].numeroFacture));

					const outputs = [main, ...queue.workers].map((n) => n.serverOutput());
					expect(leakedSecrets([...outputs, JSON.stringify(executions)], secretsOf(chorusPro.sim, chorusPro.tap))).toEqual([]);
				}),
			TEST_TIMEOUT,
		);
	});
});
