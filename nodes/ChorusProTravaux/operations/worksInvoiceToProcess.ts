import type { Operation, Resource } from '../../shared/operation';
import { WORKS_FRAMEWORKS, WORKS_REFUSAL_CODES } from '../../shared/enums';
import { comment } from '../../shared/fields';
import { WORKS_STATUS_CHANGE, worksInvoiceId } from './worksInvoice';

/**
 * "Process a works invoice" group of table 4.1: what the project manager (MOE) or the project owner (MOA)
 * does with a statement made available to them. Each call moves the invoice's status (docs/api-notes.md §11.1:
 * MISE_A_DISPOSITION_MOE → PRISE_EN_COMPTE_MOE, REFUSEE_MOE, A_COMPLETER…).
 */
const resource = 'worksInvoiceToProcess';

export const worksInvoiceToProcessOperations: Operation[] = [
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'requestRecycling',
		name: 'Request Recycling',
		action: 'Ask the supplier to recycle the previous piece',
		description: 'Send the previous piece of the billing file back to the supplier for correction (demander/recyclage)',
		path: '/demander/recyclage',
		// Optional: the AIFE example (communaute.chorus-pro.gouv.fr, "demander recyclage") sends only idFactureTravaux.
		fields: [worksInvoiceId, comment({ description: 'Why the previous piece must be corrected; the supplier sees it (commentaire)' })],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'takeIntoAccount',
		name: 'Take Into Account',
		action: 'Take a works invoice into account',
		description: 'Acknowledge a works invoice made available to you as MOE or MOA (prendreencompte)',
		path: '/prendreencompte',
		fields: [worksInvoiceId, comment({ description: 'Comment the other party sees (commentaire)' })],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'refuse',
		name: 'Refuse',
		action: 'Refuse a works invoice',
		description: 'Refuse a works invoice with a reason code (refuser); list the codes with Get Refusal Reasons',
		path: '/refuser',
		fields: [
			worksInvoiceId,
			{
				name: 'codeMotif',
				label: 'Refusal Reason',
				type: 'options',
				required: true,
				options: WORKS_REFUSAL_CODES,
				default: 'REF_FAC_TRAVAUX',
				description: 'codeMotif; the codes allowed depend on the billing framework (Get Refusal Reasons)',
			},
			comment({ description: 'Explanation for the supplier; needed with the reason "Other" (commentaire)' }),
		],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'suspendOrAskCompletion',
		name: 'Suspend or Ask Completion',
		action: 'Suspend a works invoice and ask the supplier to complete it',
		description: 'Put a works invoice on hold until the supplier adds what is missing (suspendre/demander/completer/factureTravaux)',
		path: '/suspendre/demander/completer/factureTravaux',
		fields: [worksInvoiceId, comment({ required: true, description: 'What the supplier must add (commentaire)' })],
	},
	{
		resource,
		operation: 'getRefusalReasons',
		name: 'Get Refusal Reasons',
		action: 'Get the refusal reasons of works invoices',
		description: 'Reason codes allowed to refuse a works invoice of one billing framework (recuperer/motifsrefus)',
		api: 'facturesTravaux',
		method: 'POST',
		path: '/recuperer/motifsrefus',
		mutates: false,
		splitList: 'listeMotifRefusFactureTravaux',
		fields: [
			{
				name: 'codeCadreFacturationTravaux',
				label: 'Billing Framework',
				type: 'options',
				required: true,
				options: WORKS_FRAMEWORKS,
				default: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR',
				description: 'codeCadreFacturationTravaux',
			},
		],
	},
];

export const worksInvoiceToProcessResource: Resource = { name: 'Works Invoice to Process', value: resource, description: 'Take into account, refuse or suspend a works invoice as project manager (MOE) or owner (MOA)' };
