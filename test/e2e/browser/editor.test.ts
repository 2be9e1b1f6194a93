/**
 * The demo's editor (real n8n 2.41.1, the packed package, the simulator) in headless Chromium, through its UI:
 * Currency and Service open as lists loaded from the simulator (Service follows Structure ID), a picker inside
 * Filters lists the services of the structure beside it, and the node panel shows the trigger with the Factures
 * actions. One n8n, one browser for the whole file.
 */
import { join } from 'path';

import { describeE2E, E2E_SETUP_TIMEOUT, E2E_TEST_TIMEOUT, REPO_ROOT, stopEverything } from '../harness';
import { setUpDemo, type Demo } from '../fixtures/demo';
import { DEMO_IDS } from '../../simulator/server';
import { DEVISES } from '../../simulator/referentials';
import { triggerProperties } from '../../../nodes/ChorusProTrigger/properties';
import { Editor } from './editor';
import { EDITOR_WORKFLOW_ID, editorWorkflow, NODE, RECIPIENT_STRUCTURE } from './workflow';

/** The code in a label such as "Euro (EUR)". */
const codeOf = (label: string) => /\(([^()]+)\)$/.exec(label)?.[1];

describeE2E('the editor in a browser (n8n 2.41.1, demo set-up)', () => {
	let demo: Demo;
	let editor: Editor;

	beforeAll(async () => {
		demo = await setUpDemo({
			examplesDir: join(REPO_ROOT, 'examples'),
			extraWorkflows: [editorWorkflow()],
		});
		await demo.n8n.start();
		editor = await Editor.open(demo.n8n);
	}, E2E_SETUP_TIMEOUT);

	// each check starts from the freshly loaded canvas, whatever the one before left open
	beforeEach(() => editor.openWorkflow(EDITOR_WORKFLOW_ID), E2E_TEST_TIMEOUT);

	afterAll(async () => {
		await editor?.close();
		await demo?.stop();
		await stopEverything();
	}, E2E_TEST_TIMEOUT);

	it(
		'Currency of invoice submission opens as the list of currencies the simulator serves',
		async () => {
			// counted before the node opens: the editor may load the list as soon as it draws the field
			const before = demo.sim.counts('/recuperer/devises');
			await editor.openNode(NODE.submit);
			const list = await editor.openList('deviseFacture', 'getCurrencies');
			await editor.closeList();
			await editor.closeNode();

			expect(list.labels.map(codeOf)).toEqual(DEVISES.map((d) => d.codeDevise));
			expect(list.labels).toContain('Euro (EUR)');
			// loaded through the node's loadOptions method from the simulator, not a list written in the node
			expect(demo.sim.counts('/recuperer/devises')).toBeGreaterThan(before);
		},
		E2E_TEST_TIMEOUT,
	);

	it(
		'Service lists the services of the Structure ID typed, and refreshes when Structure ID changes',
		async () => {
			const first = DEMO_IDS.buyerWithService.idStructureCPP;
			const second = DEMO_IDS.buyerWithEngagementOrService.idStructureCPP;
			const servicesOf = (id: number) =>
				demo.sim.store
					.structure(id)!
					.services.map((s) => s.codeService)
					.sort();
			expect(servicesOf(first)).not.toEqual(servicesOf(second)); // the two lists tell the structures apart

			await editor.openNode(NODE.service);
			const shown = async (id: number) => {
				const list = await editor.openList('idService', 'searchStructureServices', { parameter: 'idStructure', value: String(id) });
				await editor.closeList();
				return {
					codes: list.labels.map((l) => l.split(' — ')[0]).sort(),
					methods: list.methods,
				};
			};
			const forFirst = await shown(first);
			const forSecond = await shown(second);
			await editor.closeNode();

			expect(forFirst.codes).toEqual(servicesOf(first));
			expect(forSecond.codes).toEqual(servicesOf(second));
			expect(forSecond.methods).toContain('searchStructureServices');
			const asked = demo.sim.requests
				.filter((r) => r.path.endsWith('/rechercher/services'))
				.map((r) => (r.body as { idStructure: number }).idStructure);
			expect(asked).toEqual(expect.arrayContaining([first, second]));
		},
		E2E_TEST_TIMEOUT,
	);

	it(
		'a picker inside Filters lists the services of the Recipient Structure ID set beside it',
		async () => {
			await editor.openNode(NODE.received);
			const list = await editor.openList('idServiceExecutant', 'searchRecipientServices');
			await editor.closeList();
			await editor.closeNode();

			const codes = demo.sim.store
				.structure(RECIPIENT_STRUCTURE)!
				.services.map((s) => s.codeService)
				.sort();
			expect(list.labels.map((l) => l.split(' — ')[0]).sort()).toEqual(codes);
			expect(list.methods).toContain('searchRecipientServices');
			const asked = demo.sim.requests.filter((r) => r.path.endsWith('/rechercher/services')).map((r) => (r.body as { idStructure: number }).idStructure);
			expect(asked).toContain(RECIPIENT_STRUCTURE);
		},
		E2E_TEST_TIMEOUT,
	);

	it(
		'the node panel lists the trigger with the Factures actions',
		async () => {
			const names = await editor.searchNodePanel('Chorus Pro');
			const page = await editor.openNodePanelEntry('Chorus Pro Factures');
			await editor.closeNodePanel();

			// one entry for the Factures actions and the trigger; the first release's type stays hidden
			expect(names.filter((n) => n === 'Chorus Pro Factures')).toHaveLength(1);
			expect(names).not.toContain('Chorus Pro Trigger');
			expect(page.actions).toEqual(expect.arrayContaining(['Submit a PDF invoice', 'Search received invoices']));
			const events = triggerProperties.find((p) => p.name === 'event')!.options as Array<{
				name: string;
			}>;
			// n8n lists a trigger's events as "On <event in lower case>"
			expect(page.triggers).toEqual(events.map((e) => `On ${e.name.toLowerCase()}`));
		},
		E2E_TEST_TIMEOUT,
	);
});
