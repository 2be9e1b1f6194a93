import type { Operation } from '../../shared/operation';
import { RECIPIENT_SEARCH_FRAMEWORKS, RECIPIENT_STATUS_TARGETS, SORT_COLUMNS, STATUSES_NEEDING_REASON, WORKS_INVOICE_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import { downloadInvoices, invoiceHistory } from './anyRole';
import { amountRange, dateRange, flag, id, invoiceId, languageField, paymentRequestType, statusFilter, text } from './fields';

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
			paymentRequestType(['FACTURE', 'FACTURE_TRAVAUX']),
			id('idDestinataire', 'Recipient Structure ID', 'idStructureCPP of the receiving structure (idDestinataire)'),
			id('idServiceExecutant', 'Service ID', 'Id of the executing service (idServiceExecutant)'),
			text('numeroFacture', 'Invoice Number'),
			...dateRange('periodeDateDepot', 'Deposit Date'),
			...dateRange('periodeDateFacture', 'Invoice Date'),
			...dateRange('periodeDateHeureEtatCourant', 'Status Changed', 'dateTime'),
			{ name: 'listeTypeFacture', label: 'Invoice Types', type: 'multiOptions', options: ['FACTURE', 'AVOIR'] },
			{ name: 'listeTypeFactureTravaux', label: 'Works Invoice Types', type: 'multiOptions', options: WORKS_INVOICE_TYPES },
			{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: RECIPIENT_SEARCH_FRAMEWORKS },
			statusFilter(),
			...amountRange('Apayer'),
			text('numeroMarche', 'Contract Number', 'numeroMarche'),
			text('numeroBonCommande', 'Purchase Order Number', 'numeroBonCommande (engagement number)'),
			flag('factureTelechargeeParDestinataire', 'Already Downloaded', 'Whether to get the invoices already downloaded (true) or only those not downloaded yet (false) (factureTelechargeeParDestinataire)'),
			id('idStructureValideur', 'Validator Structure ID'),
			{
				// Factures Swagger, RechercherFactureRecipiendaireParam.listeFournisseurs: CritereFournisseurPojo[].
				name: 'listeFournisseurs',
				label: 'Supplier Structure IDs',
				type: 'idList',
				itemKey: 'idFournisseur',
				description:
					'idStructureCPP of the suppliers whose invoices you want, comma-separated (listeFournisseurs[].idFournisseur); with "Match Suppliers by SIREN", every establishment of their SIREN',
			},
			flag('rechercheSirenFournisseur', 'Match Suppliers by SIREN', 'Whether to match suppliers by SIREN (the whole company) instead of SIRET (rechercheSirenFournisseur)'),
			flag('recupererTaille', 'Get Sizes', 'Whether to fill the size of each invoice (taille)'),
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
		fields: [invoiceId('identifiantFactureCPP'), languageField],
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
			text('numeroDPMandat', 'Payment Order Number', 'Mandate / payment order number (numeroDPMandat), usually with Mandated or Payment Sent'),
		],
	},
	downloadInvoices(resource),
	invoiceHistory(resource),
];
