/**
 * The workflow the browser test and the screenshots open beside the demo's examples: the forms they look at
 * (invoice submission, a service of a structure) and a recipient search with a mistyped SIRET (the error).
 */
import { chorus, manualTrigger, workflow } from '../fixtures/chorus';
import { DEMO_IDS } from '../../simulator/server';

export const EDITOR_WORKFLOW_ID = 'chorusEditorTour';

/** The structure the received invoice search filters on: one with services in the simulator's demo data. */
export const RECIPIENT_STRUCTURE = DEMO_IDS.buyerWithService.idStructureCPP;

/** 21750001600019 with its last digit changed: the Luhn check fails, so nothing is sent to Chorus Pro. */
export const MISTYPED_SIRET = '21750001600018';

export const NODE = {
	submit: 'Submit invoice',
	service: 'Get service',
	typo: 'Find recipient (typo)',
	received: 'Search received invoices',
} as const;

/**
 * Each Chorus Pro node right after the trigger: "Execute step" on one runs that one only. The received invoice
 * search has its Recipient Structure ID and Service ID filters added (pickers inside the Filters collection).
 */
export const editorWorkflow = () =>
	workflow(
		EDITOR_WORKFLOW_ID,
		'Chorus Pro: editor tour',
		[
			manualTrigger('Run now'),
			chorus('chorusProFactures', NODE.submit, { resource: 'emittedInvoice', operation: 'submit' }, { typeVersion: 1.1 }),
			chorus('chorusProTransverse', NODE.service, {
				resource: 'structure',
				operation: 'getService',
			}),
			chorus('chorusProTransverse', NODE.typo, {
				resource: 'recipient',
				operation: 'search',
				identifiant: MISTYPED_SIRET,
				limit: 1,
			}),
			chorus('chorusProFactures', NODE.received, {
				resource: 'receivedInvoice',
				operation: 'search',
				additionalFields: {
					idDestinataire: { __rl: true, mode: 'id', value: String(RECIPIENT_STRUCTURE) },
					idServiceExecutant: { __rl: true, mode: 'list', value: '' },
				},
			}),
		],
		Object.values(NODE).map((node) => ['Run now', node]),
	);
