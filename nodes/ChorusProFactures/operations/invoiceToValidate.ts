import { BILLING_FRAMEWORKS, INVOICE_TYPES, SORT_COLUMNS, VALIDATOR_ACTIONS, WORKS_INVOICE_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import type { Operation, Resource } from '../../shared/operation';
import { INVOICE_DOWNLOAD, INVOICE_HISTORY } from './anyRole';
import { dateRange, integer, invoiceAmountRanges, invoiceId, invoiceStatuses, matchBySiren, paymentRequestType, PICK, text } from '../../shared/fields';

/** Invoices to validate: the validator's side (valideur, frameworks A9 / A12 and works invoices). */
const resource = 'invoiceToValidate';

export const invoiceToValidateOperations: Operation[] = [
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search invoices to validate',
		description: 'Invoices you see as a validator (rechercher/valideur)',
		api: 'factures',
		method: 'POST',
		path: '/rechercher/valideur',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'pagination',
			response: 'parametresRetour',
			list: 'listeFactures',
			maxPageSize: LIMITS.maxPageSize,
			sortColumns: SORT_COLUMNS.valideur,
		},
		fields: [
			paymentRequestType(),
			text('numeroFacture', 'Invoice Number'),
			invoiceStatuses(),
			integer('idFournisseur', 'Supplier Structure ID', { locator: PICK.anyStructure }),
			integer('idDestinataire', 'Recipient Structure ID', { locator: PICK.anyStructure }),
			integer('idServiceExecutant', 'Service ID', { locator: PICK.recipientService }),
			integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.myStructure }),
			integer('idStructureMoe', 'Project Manager (MOE) Structure ID', { locator: PICK.anyStructure }),
			integer('idStructureMoa', 'Project Owner (MOA) Structure ID', { locator: PICK.anyStructure }),
			...dateRange('periodeDateDepot', 'Deposit Date'),
			...dateRange('periodeDateFacture', 'Invoice Date'),
			{ name: 'listeTypeFacture', label: 'Invoice Types', type: 'multiOptions', options: INVOICE_TYPES },
			{ name: 'listeTypeFactureTravaux', label: 'Works Invoice Types', type: 'multiOptions', options: WORKS_INVOICE_TYPES },
			{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: BILLING_FRAMEWORKS },
			...invoiceAmountRanges('APayer'),
			text('numeroMarche', 'Contract Number'),
			text('numeroEngagement', 'Commitment Number'),
			matchBySiren('Destinataire'),
			matchBySiren('Fournisseur'),
		],
	},
	{
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get an invoice to validate',
		description: 'Full detail of one invoice as validator (consulter/valideur)',
		api: 'factures',
		method: 'POST',
		path: '/consulter/valideur',
		mutates: false,
		fields: [invoiceId({ name: 'identifiantFactureCPP' })],
	},
	{
		resource,
		operation: 'process',
		name: 'Validate or Refuse',
		action: 'Validate or refuse an invoice',
		description: 'Validate, refuse, reject or suspend an invoice waiting for your validation (traiter/factureAValider)',
		api: 'factures',
		method: 'POST',
		path: '/traiter/factureAValider',
		mutates: true,
		howToCheck: 'get the invoice history and see whether your decision is there.',
		fields: [
			invoiceId(),
			{ name: 'action', label: 'Action', type: 'options', required: true, options: VALIDATOR_ACTIONS, default: 'VALIDATION' },
			{
				name: 'motifRefus',
				label: 'Refusal Reason Code',
				type: 'string',
				required: true,
				showWhen: { action: ['REFUS'] },
				description: 'codeMotif from Transverse → Get Refusal Reasons (Invoice to Validate)',
			},
			text('complementInfo', 'Additional Information', { description: 'Free text sent with the decision (complementInfo)' }),
			text('typeValideur', 'Validator Type', { description: 'typeValideur (first or second validator)' }),
			integer('idValideur', 'Validator ID'),
		],
	},
	{
		resource,
		operation: 'getVisibleStatuses',
		name: 'Get Visible Statuses',
		action: 'Get the statuses a validator can see',
		description: 'Statuses of invoices visible to a validator (recuperer/statutsFactureVisibles/valideur)',
		api: 'factures',
		method: 'POST',
		path: '/recuperer/statutsFactureVisibles/valideur',
		mutates: false,
		splitList: 'listeStatutFacture',
		fields: [],
	},
	{ ...INVOICE_DOWNLOAD, resource },
	{ ...INVOICE_HISTORY, resource },
];

export const invoiceToValidateResource: Resource = { name: 'Invoice to Validate', value: resource, description: 'Invoices waiting for your validation (valideur)' };
