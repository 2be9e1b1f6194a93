/**
 * Resource locators in real n8n, headless with `n8n execute`: a workflow saved before Invoice ID and Service ID
 * became locators (plain values, Factures at version 1) runs and sends the same requests as the same nodes saved
 * with locator values (`{ __rl, mode, value }`), without a node version step.
 */
import {
	describeE2E,
	E2E_SETUP_TIMEOUT,
	E2E_TEST_TIMEOUT,
	ensureRuntime,
	N8nInstance,
	nodeOutput,
	selectedVersions,
	stopEverything,
} from './harness';
import { chain, checkRun, chorus, manualTrigger, simulatorCredential, startTokenTap, type TokenTap } from './fixtures/chorus';
import { DEMO_IDS, startSimulator, type Simulator } from '../simulator/server';

let sim: Simulator;
let tap: TokenTap;

const SERVICE = 1_048_577;

/** The same two reads, saved the old way (plain values) and the new way (locators). */
function oldAndNew(id: string, idFacture: number) {
	const structure = DEMO_IDS.buyerWithService.idStructureCPP;
	return chain(id, 'E2E locators', [
		manualTrigger(),
		chorus('chorusProFactures', 'Invoice, plain value', { resource: 'receivedInvoice', operation: 'get', identifiantFactureCPP: idFacture }),
		chorus(
			'chorusProFactures',
			'Invoice, from list',
			{ resource: 'receivedInvoice', operation: 'get', identifiantFactureCPP: { __rl: true, mode: 'list', value: idFacture, cachedResultName: 'F-1' } },
			{ typeVersion: 1.1 },
		),
		chorus('chorusProTransverse', 'Service, plain value', { resource: 'structure', operation: 'getService', idStructure: structure, idService: SERVICE }),
		chorus('chorusProTransverse', 'Service, by ID', {
			resource: 'structure',
			operation: 'getService',
			idStructure: structure,
			idService: { __rl: true, mode: 'id', value: String(SERVICE) },
		}),
	]);
}

describeE2E('resource locators in real n8n: old saved values keep working', () => {
	beforeAll(async () => {
		sim = await startSimulator({ port: 0, seed: 'demo' });
		tap = await startTokenTap(sim.url);
	});

	afterAll(async () => {
		await stopEverything();
		await tap?.close();
		await sim?.close();
	}, 120_000);

	describe.each(selectedVersions())('n8n %s', (version) => {
		const tag = version.replace(/\./g, '');
		let n8n: N8nInstance;

		beforeAll(async () => {
			n8n = await N8nInstance.create(await ensureRuntime(version));
			await n8n.importCredentials([simulatorCredential(sim, tap.url)]);
		}, E2E_SETUP_TIMEOUT);

		afterAll(async () => {
			await n8n?.dispose();
		}, 120_000);

		it(
			'a plain Invoice ID and Service ID send the same requests as their locators',
			async () => {
				const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
				const wf = oldAndNew(`e2eLocators${tag}`.slice(0, 16), invoice.idFacture);
				await n8n.importWorkflows([wf]);
				const before = sim.requests.length;
				const result = await n8n.execute(wf.id);
				const bodies = (suffix: string) => sim.requests.slice(before).filter((r) => r.path.endsWith(suffix)).map((r) => r.body);
				checkRun(result, () => {
					expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({ exitCode: 0, status: 'success' });
					expect(bodies('/consulter/recipiendaire')).toEqual([
						expect.objectContaining({ identifiantFactureCPP: invoice.idFacture }),
						expect.objectContaining({ identifiantFactureCPP: invoice.idFacture }),
					]);
					const [oldInvoice, newInvoice] = bodies('/consulter/recipiendaire');
					expect(newInvoice).toEqual(oldInvoice);
					const [oldService, newService] = bodies('/consulter/service');
					expect(oldService).toEqual(expect.objectContaining({ idService: SERVICE }));
					expect(newService).toEqual(oldService);
					expect(nodeOutput(result.run, 'Invoice, from list')).toEqual(nodeOutput(result.run, 'Invoice, plain value'));
					expect(nodeOutput(result.run, 'Service, by ID')).toEqual(nodeOutput(result.run, 'Service, plain value'));
				});
			},
			E2E_TEST_TIMEOUT,
		);
	});
});
