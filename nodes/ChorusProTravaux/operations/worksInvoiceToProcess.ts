import type { Operation } from '../../shared/operation';
import { comment, WORKS_FRAMEWORKS, WORKS_REFUSAL_CODES, worksStatusChange } from './fields';

/**
 * "Process a works invoice" group of table 4.1: what the project manager (MOE) or the project owner (MOA)
 * does with a statement made available to them. Each call moves the invoice's status (reference §11.1:
 * MISE_A_DISPOSITION_MOE → PRISE_EN_COMPTE_MOE, REFUSEE_MOE, A_COMPLETER…).
 */
const resource = 'worksInvoiceToProcess';

const statusChange = worksStatusChange(resource);

export const worksInvoiceToProcessOperations: Operation[] = [
	statusChange(
		'requestRecycling',
		'Request Recycling',
		'Ask the supplier to recycle the previous piece',
		'Send the previous piece of the billing file back to the supplier for correction (demander/recyclage)',
		'/demander/recyclage',
		// Optional: the AIFE example (communaute.chorus-pro.gouv.fr, "demander recyclage") sends only idFactureTravaux.
		[comment(false, 'Why the previous piece must be corrected; the supplier sees it (commentaire)')],
	),
	statusChange(
		'takeIntoAccount',
		'Take Into Account',
		'Take a works invoice into account',
		'Acknowledge a works invoice made available to you as MOE or MOA (prendreencompte)',
		'/prendreencompte',
		[comment()],
	),
	statusChange(
		'refuse',
		'Refuse',
		'Refuse a works invoice',
		'Refuse a works invoice with a reason code (refuser); list the codes with Get Refusal Reasons',
		'/refuser',
		[
			{
				name: 'codeMotif',
				label: 'Refusal Reason',
				type: 'options',
				required: true,
				options: WORKS_REFUSAL_CODES,
				default: 'REF_FAC_TRAVAUX',
				description: 'codeMotif; the codes allowed depend on the billing framework (Get Refusal Reasons)',
			},
			comment(false, 'Explanation for the supplier; needed with the reason "Other" (commentaire)'),
		],
	),
	statusChange(
		'suspendOrAskCompletion',
		'Suspend or Ask Completion',
		'Suspend a works invoice and ask the supplier to complete it',
		'Put a works invoice on hold until the supplier adds what is missing (suspendre/demander/completer/factureTravaux)',
		'/suspendre/demander/completer/factureTravaux',
		[comment(true, 'What the supplier must add (commentaire)')],
	),
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
