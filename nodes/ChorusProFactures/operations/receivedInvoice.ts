import type { Operation, Resource } from '../../shared/operation';
import { RECIPIENT_SEARCH_FRAMEWORKS, RECIPIENT_STATUS_TARGETS, SORT_COLUMNS, STATUSES_NEEDING_REASON, WORKS_INVOICE_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import { INVOICE_DOWNLOAD, INVOICE_HISTORY } from './anyRole';
import { dateRange, flag, GET_SIZES, integer, invoiceAmountRanges, invoiceId, invoiceStatuses, LANGUAGE, matchBySiren, paymentRequestType, PICK, text } from '../../shared/fields';

/** Received invoices: the public buyer's side (récipiendaire). */
const resource = 'receivedInvoice';

export const receivedInvoiceOperations: Operation[] = [
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search received invoices',
		description: 'Invoices received by your structures, with filters (rechercher/recipiendaire)',
		api: 'factures',
		method: 'POST',
		path: '/rechercher/recipiendaire',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'paramRecherche',
			response: '',
			list: 'listeFactures',
			maxPageSize: LIMITS.maxPageSize,
			sortColumns: SORT_COLUMNS.recipiendaire,
		},
		fields: [
			paymentRequestType({ options: ['FACTURE', 'FACTURE_TRAVAUX'] }),
			integer('idDestinataire', 'Recipient Structure ID', { locator: PICK.myStructure, description: 'Your structure that received the invoices (idDestinataire)' }),
			integer('idServiceExecutant', 'Service ID', { locator: PICK.recipientService, description: 'The service of Recipient Structure ID the invoices are addressed to (idServiceExecutant)' }),
			text('numeroFacture', 'Invoice Number'),
			...dateRange('periodeDateDepot', 'Deposit Date'),
			...dateRange('periodeDateFacture', 'Invoice Date'),
			...dateRange('periodeDateHeureEtatCourant', 'Status Changed', 'dateTime'),
			{ name: 'listeTypeFacture', label: 'Invoice Types', type: 'multiOptions', options: ['FACTURE', 'AVOIR'] },
			{ name: 'listeTypeFactureTravaux', label: 'Works Invoice Types', type: 'multiOptions', options: WORKS_INVOICE_TYPES },
			{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: RECIPIENT_SEARCH_FRAMEWORKS },
			invoiceStatuses(),
			...invoiceAmountRanges('Apayer'),
			text('numeroMarche', 'Contract Number', { description: 'numeroMarche' }),
			text('numeroBonCommande', 'Purchase Order Number', { description: 'numeroBonCommande (engagement number)' }),
			flag('factureTelechargeeParDestinataire', 'Already Downloaded', { description: 'Whether to get the invoices already downloaded (true) or only those not downloaded yet (false) (factureTelechargeeParDestinataire)' }),
			integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.anyStructure }),
			{
				// Factures Swagger, RechercherFactureRecipiendaireParam.listeFournisseurs: CritereFournisseurPojo[].
				name: 'listeFournisseurs',
				label: 'Supplier Structure IDs',
				type: 'idList',
				itemKey: 'idFournisseur',
				description:
					'idStructureCPP of the suppliers whose invoices you want, comma-separated (listeFournisseurs[].idFournisseur); with "Match Suppliers by SIREN", every establishment of their SIREN',
			},
			matchBySiren('Fournisseur'),
			GET_SIZES,
		],
	},
	{
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a received invoice',
		description: 'Full detail of one received invoice: parties, amounts, lines, attachments (consulter/recipiendaire)',
		api: 'factures',
		method: 'POST',
		path: '/consulter/recipiendaire',
		mutates: false,
		fields: [invoiceId({ name: 'identifiantFactureCPP' }), { ...LANGUAGE, description: 'Language of the labels in the answer' }],
	},
	{
		resource,
		operation: 'setStatus',
		name: 'Set Status',
		action: 'Set the status of a received invoice',
		description: 'Process a received invoice: service done, mandated, payment sent, suspend, reject… (traiter/recue)',
		api: 'factures',
		method: 'POST',
		path: '/traiter/recue',
		mutates: true,
		howToCheck: 'get the invoice history (Received Invoice → Get History) and see whether the new status is there.',
		fields: [
			invoiceId(),
			{
				name: 'nouveauStatut',
				label: 'New Status',
				type: 'options',
				required: true,
				options: RECIPIENT_STATUS_TARGETS,
				default: 'SERVICE_FAIT',
				description: 'The allowed targets depend on the current status (Transverse → Get Possible Statuses)',
			},
			{
				name: 'motif',
				label: 'Reason',
				type: 'string',
				required: true,
				showWhen: { nouveauStatut: STATUSES_NEEDING_REASON },
				description: 'Why the invoice is suspended or rejected; the supplier sees it (motif)',
			},
			// Swagger spelling (TraiterUneFactureRecueParam.numeroDPMandat); the pre-PISTE AIFE page "process received
			// invoice" writes NumeroDPMandat with every key capitalised: where the two disagree, the Swagger wins.
			text('numeroDPMandat', 'Payment Order Number', { description: 'Mandate / payment order number (numeroDPMandat), usually with Mandated or Payment Sent' }),
		],
	},
	{ ...INVOICE_DOWNLOAD, resource },
	{ ...INVOICE_HISTORY, resource },
];

export const receivedInvoiceResource: Resource = { name: 'Received Invoice', value: resource, description: 'Invoices your public structure receives (récipiendaire)' };
