/**
 * The Chorus Pro Trigger under `n8n start` (2.41.1 and 1.123.81) against one simulator: the credential
 * imports and its test passes; two activated workflows ("New Received Invoice", "Received Invoice Status
 * Changed" to SERVICE_FAIT) emit a newly received invoice, then its status change, exactly once each, read
 * back through n8n's public API. A poll is asked for by deactivating and activating the workflow (n8n polls at
 * activation), so the test does not wait for the minute of the schedule.
 */
import {
	E2E_TEST_TIMEOUT,
	sleep,
	tail,
	type Execution,
} from './harness';
import { chorus, CREDENTIAL, leakedSecrets, PACKAGE, registeredTypes, secretsOf, simulatorCredential, workflow } from './fixtures/chorus';
import { DEMO_IDS } from '../simulator/server';
import { e2eSuite } from './fixtures/suite';

const RECEIVED_SEARCH = '/rechercher/recipiendaire';
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
/** The nine node types of the package (the hidden chorusProTrigger stays for saved workflows), spelt out: a node missing from package.json's `n8n.nodes` fails here. */
const PACKAGE_NODE_TYPES = [
	'chorusProAnnuaire', 'chorusProEReporting', 'chorusProESignature', 'chorusProEngagements', 'chorusProFactures',
	'chorusProFacturesTrigger', 'chorusProTransverse', 'chorusProTravaux', 'chorusProTrigger',
].map((type) => `${PACKAGE}.${type}`).sort();

const { sim, tap, describeSuite, eachN8nVersion } = e2eSuite();

function triggerWorkflow(id: string, name: string, parameters: Record<string, unknown>) {
	return workflow(id, name, [chorus('chorusProTrigger', 'Chorus Pro Trigger', { pollTimes: EVERY_MINUTE, ...parameters })], []);
}

/** The items the trigger emitted, over all executions of a workflow: `idFacture|statut`. */
function emitted(executions: Execution[]): string[] {
	return executions.flatMap((e) =>
		(e.data?.resultData.runData['Chorus Pro Trigger']?.[0]?.data?.main?.[0] ?? []).map((item) => `${item.json.idFacture}|${item.json.statut}`),
	);
}

describeSuite('Chorus Pro Trigger in real n8n (n8n start)', () => {
	eachN8nVersion({}, ({ n8n, version, tag }) => {
		const newWf = triggerWorkflow(`e2eNewInv${tag}`.slice(0, 16), 'E2E new received invoice', {
			event: 'newReceivedInvoice',
			structureId: DEMO_IDS.buyerWithService.idStructureCPP,
		});
		const changedWf = triggerWorkflow(`e2eChanged${tag}`.slice(0, 16), 'E2E received invoice status changed', {
			event: 'receivedInvoiceStatusChanged',
			statuses: ['SERVICE_FAIT'],
		});

		/** Asks both workflows for a poll and waits until the simulator saw both searches. */
		async function pollBoth(): Promise<void> {
			const before = sim.counts(RECEIVED_SEARCH);
			await n8n.pollNow(newWf.id);
			await n8n.pollNow(changedWf.id);
			for (let i = 0; i < 60 && sim.counts(RECEIVED_SEARCH) < before + 2; i++) await sleep(500);
			expect(sim.counts(RECEIVED_SEARCH)).toBeGreaterThanOrEqual(before + 2);
		}

		it(
			'imports the credential, passes its test, and emits a new invoice then its status change exactly once each',
			async () => {
				await n8n.importCredentials([simulatorCredential(sim, tap.url)]);
				await n8n.importWorkflows([newWf, changedWf]);
				await n8n.activate(newWf.id);
				await n8n.activate(changedWf.id);
				const searchesBefore = sim.counts(RECEIVED_SEARCH);
				await n8n.start();
				try {
					// the server loaded every node and the credential of the package, the way users install it
					const types = await n8n.loadedTypes();
					// (n8n adds a `…Tool` variant of each action node for AI agents: not ours to list)
					const ours = types.nodes.filter((type) => type.startsWith(`${PACKAGE}.`) && !type.endsWith('Tool'));
					expect(ours.sort()).toEqual(PACKAGE_NODE_TYPES);
					expect(types.nodes).toEqual(expect.arrayContaining(registeredTypes().nodes));
					expect(types.credentials).toEqual(expect.arrayContaining(registeredTypes().credentials));

					// the credential's test (the editor's "Test" button) really calls PISTE and Chorus Pro: a token of its
					// own, then the technical account's proof and the test request (test/e2e/credential.test.ts)
					const checksBefore = sim.counts('/cpro/transverses/v1/health-check');
					await expect(n8n.testCredential(CREDENTIAL.id)).resolves.toEqual(expect.objectContaining({ status: 'OK' }));
					expect(sim.counts('/cpro/transverses/v1/health-check')).toBe(checksBefore + 2);
					expect(sim.tokensIssued()).toBeGreaterThanOrEqual(1);

					// activation polled once per workflow: the cursor starts now, nothing old is emitted
					for (let i = 0; i < 120 && sim.counts(RECEIVED_SEARCH) < searchesBefore + 2; i++) await sleep(500);
					expect(sim.counts(RECEIVED_SEARCH)).toBeGreaterThanOrEqual(searchesBefore + 2);
					expect(await n8n.executions({ workflowId: newWf.id })).toEqual([]);

					// a new invoice reaches the buyer
					const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
					await pollBoth();
					const arrivals = await n8n.waitForExecutions({ workflowId: newWf.id }, 1, 60_000);
					expect(arrivals[0]).toEqual(expect.objectContaining({ status: 'success', mode: 'trigger' }));
					expect(emitted(arrivals)).toEqual([`${invoice.idFacture}|MISE_A_DISPOSITION`]);
					const [item] = arrivals[0].data!.resultData.runData['Chorus Pro Trigger'][0].data!.main![0]!;
					expect(item.json).toEqual(expect.objectContaining({ idFacture: invoice.idFacture, numeroFacture: invoice.numeroFacture }));

					// the buyer processes it
					sim.store.setStatus(invoice.idFacture, 'SERVICE_FAIT');
					await pollBoth();
					const changes = await n8n.waitForExecutions({ workflowId: changedWf.id }, 1, 60_000);
					expect(emitted(changes)).toEqual([`${invoice.idFacture}|SERVICE_FAIT`]);

					// another poll with nothing new: still exactly once each
					await pollBoth();
					await sleep(3000); // an execution started by the last poll would be listed by now
					expect(emitted(await n8n.executions({ workflowId: newWf.id }))).toEqual([`${invoice.idFacture}|MISE_A_DISPOSITION`]);
					expect(emitted(await n8n.executions({ workflowId: changedWf.id }))).toEqual([`${invoice.idFacture}|SERVICE_FAIT`]);

					const leaks = leakedSecrets(
						[n8n.serverOutput(), JSON.stringify(await n8n.executions({}))],
						secretsOf(sim, tap),
					);
					expect(leaks).toEqual([]);
				} catch (error) {
					const message = error instanceof Error ? error.message : String(error);
					throw new Error(`${message}\n--- n8n ${version} printed ---\n${tail(n8n.serverOutput(), 6000)}`);
				}
			},
			E2E_TEST_TIMEOUT,
		);
	});
});
