import { DEPOSIT_MODES, USER_ROLES, WORKS_FRAMEWORKS, WORKS_INVOICE_TYPES } from '../../shared/enums';
import { comment, dateRange, integer, INVOICE_TOTAL, invoiceAmountRanges, invoiceStatuses, LANGUAGE, PICK, text } from '../../shared/fields';
import { LIMITS } from '../../shared/limits';
import type { Field, Operation, Resource } from '../../shared/operation';

/**
 * Works invoices (factures de travaux), "initiate or complete a billing file" group of table 4.1: the
 * supplier's reads and the submission. No Swagger exists for this API (docs/api-notes.md §4): `rechercher` follows the
 * AIFE example and Pastell; the other bodies follow the AIFE operation names and the Factures habits, and the
 * simulator (test/simulator/apis/facturesTravaux.ts) models exactly these bodies.
 */
const resource = 'worksInvoice';

export const worksInvoiceId: Field = {
	name: 'idFactureTravaux',
	label: 'Works Invoice ID',
	type: 'integer',
	required: true,
	locator: { list: 'searchWorksInvoices' },
	description: 'Chorus Pro id of the works invoice (idFactureTravaux)',
};

/**
 * What every works-invoice action that moves its status shares (the "process" and "in error" groups of table 4.1):
 * one POST with the invoice id first among its fields, never re-sent after an unknown outcome.
 */
export const WORKS_STATUS_CHANGE = {
	api: 'facturesTravaux',
	method: 'POST',
	mutates: true,
	howToCheck: 'get the works invoice (Works Invoice → Get) and look at its current status before running this item again.',
} as const;

const search: Operation = {
	resource,
	operation: 'search',
	name: 'Search',
	action: 'Search works invoices',
	description: 'Works invoices you issue, manage as project manager (MOE) or own as project owner (MOA) (rechercher)',
	api: 'facturesTravaux',
	method: 'POST',
	path: '/rechercher',
	mutates: false,
	pagination: {
		style: 'body',
		request: 'rechercheFactureTravaux',
		response: 'parametresRetour',
		list: 'listeFacturesTravaux',
		maxPageSize: LIMITS.maxPageSize,
		// "No result" is 20007 / GFT_MSG_01.075 for this search (docs/api-notes.md §2.2, §12.1).
		noResultCodes: [20007],
		// The one column AIFE's "search works invoice" example sorts on; no other column is published.
		sortColumns: ['TypeDemandePaiement'],
	},
	fields: [
		{
			name: 'roleUtilisateur',
			label: 'Search As',
			type: 'options',
			required: true,
			options: USER_ROLES,
			default: 'FOURNISSEUR',
			description: 'Your role on the invoices: supplier, project manager (MOE), project owner (MOA), validator or recipient (roleUtilisateur)',
		},
		integer('idStructureFournisseur', 'Supplier Structure ID', { locator: PICK.anyStructure, description: 'idStructureFournisseur' }),
		integer('idServiceFournisseur', 'Supplier Service ID', { description: 'idServiceFournisseur' }),
		integer('idStructureMoe', 'Project Manager Structure ID', { locator: PICK.anyStructure, description: 'Structure of the project manager (idStructureMoe)' }),
		integer('idServiceMoe', 'Project Manager Service ID', { locator: PICK.projectManagerService, description: 'idServiceMoe' }),
		integer('idStructureMoa', 'Project Owner Structure ID', { locator: PICK.anyStructure, description: 'Structure of the project owner (idStructureMoa)' }),
		integer('idServiceMoa', 'Project Owner Service ID', { locator: PICK.projectOwnerService, description: 'idServiceMoa' }),
		integer('idDestinataire', 'Recipient Structure ID', { locator: PICK.anyStructure, description: 'idDestinataire' }),
		integer('idServiceExecutant', 'Executing Service ID', { description: 'idServiceExecutant' }),
		integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.anyStructure, description: 'idStructureValideur' }),
		integer('idCoordonneeBancaire', 'Bank Account ID', { locator: PICK.supplierBankAccount, description: 'idCoordonneeBancaire' }),
		{ name: 'listeTypeFactureTravaux', label: 'Works Invoice Types', type: 'multiOptions', options: WORKS_INVOICE_TYPES },
		{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: WORKS_FRAMEWORKS, description: 'cadreFacturation' },
		invoiceStatuses({
			name: 'listeStatutCourant',
			description: 'Only works invoices whose current status is one of these (listeStatutCourant)',
		}),
		...dateRange('periodeDateDepot', 'Deposit Date'),
		...dateRange('periodeDateFactureTravaux', 'Invoice Date'),
		...dateRange('periodeDateHeureEtatCourant', 'Status Changed', 'dateTime'),
		...invoiceAmountRanges('APayer'),
		text('numeroFactureTravaux', 'Invoice Number', { description: 'numeroFactureTravaux' }),
		text('numeroMarche', 'Contract Number', { description: 'numeroMarche' }),
		text('numeroBonCommande', 'Purchase Order Number', { description: 'numeroBonCommande (commitment number)' }),
		{ name: 'modeDepot', label: 'Deposit Mode', type: 'options', options: DEPOSIT_MODES },
		text('numeroFluxDepot', 'Flux Number', { description: 'numeroFluxDepot' }),
		{
			name: 'uniquementSansPieceSuivante',
			label: 'Only Latest Piece',
			type: 'boolean',
			description: 'Whether to return only the pieces not followed by a newer one in their billing file (uniquementSansPieceSuivante)',
		},
		{
			name: 'avecSansService',
			label: 'With or Without Service',
			type: 'options',
			options: ['AVEC_ET_SANS_SERVICE', 'AVEC_SERVICE', 'SANS_SERVICE'],
			description: 'avecSansService',
		},
		{
			name: 'flagTelecharge',
			label: 'Already Downloaded',
			type: 'boolean',
			description: 'Whether to get the works invoices already downloaded (true) or only those not downloaded yet (false) (flagTelecharge)',
		},
	],
};

const get: Operation = {
	resource,
	operation: 'get',
	name: 'Get',
	action: 'Get a works invoice',
	description: 'Full detail of one works invoice: parties, framework, amounts, attachments, previous piece (consulter)',
	api: 'facturesTravaux',
	method: 'POST',
	path: '/consulter',
	mutates: false,
	fields: [
		worksInvoiceId,
		{ ...LANGUAGE, description: 'Language of the labels' },
	],
};

const getBillingFile: Operation = {
	resource,
	operation: 'getBillingFile',
	name: 'Get Billing File',
	action: 'Get the billing file of works invoices',
	description: 'Every piece of one billing file (dossier de facturation) with its payment-request history (consulter/dossierfacturation)',
	api: 'facturesTravaux',
	method: 'POST',
	path: '/consulter/dossierfacturation',
	mutates: false,
	// The answer is the list of the file's pieces: one item per piece.
	splitList: 'listeFactureTravaux',
	fields: [
		{
			name: 'idDossierFacturation',
			label: 'Billing File ID',
			type: 'integer',
			required: true,
			description: 'Id of the billing file, given by Search and Get (idDossierFacturation)',
		},
	],
};

const CHECK_SUBMISSION =
	'search your works invoices (Works Invoice → Search, filter "Invoice Number") and submit again only if it is not there.';

const submit: Operation = {
	resource,
	operation: 'submit',
	name: 'Submit',
	action: 'Submit a works invoice',
	description:
		'File a works invoice (draft statement, down-payment statement, final statement…) whose PDF was uploaded with Transverse → Attachment → Add File (soumettre)',
	api: 'facturesTravaux',
	method: 'POST',
	path: '/soumettre',
	mutates: true,
	howToCheck: CHECK_SUBMISSION,
	fields: [
		text('numeroFactureTravaux', 'Invoice Number', {
			description: 'Your number for this works invoice (numeroFactureTravaux)',
			required: true,
			maxLength: LIMITS.invoiceNumberLength,
		}),
		{ name: 'dateFactureTravaux', label: 'Invoice Date', type: 'date', required: true, description: 'dateFactureTravaux' },
		{
			name: 'typeFactureTravaux',
			label: 'Works Invoice Type',
			type: 'options',
			required: true,
			options: WORKS_INVOICE_TYPES,
			default: 'PROJET_DECOMPTE_MENSUEL',
			description: 'typeFactureTravaux',
		},
		{
			name: 'codeCadreFacturation',
			key: 'cadreDeFacturation.codeCadreFacturation',
			label: 'Billing Framework',
			type: 'options',
			required: true,
			options: WORKS_FRAMEWORKS,
			default: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR',
			description: 'cadreDeFacturation.codeCadreFacturation',
		},
		integer('idFournisseur', 'Supplier Structure ID', {
			description: 'Chorus Pro ID of your structure, as listed by Transverse → Structure → Get Active for Works Invoices (fournisseur.idFournisseur)',
			key: 'fournisseur.idFournisseur',
			required: true,
		}),
		text('codeDestinataire', 'Recipient SIRET', {
			description: 'SIRET of the public buyer (destinataire.codeDestinataire)',
			key: 'destinataire.codeDestinataire',
			required: true,
			check: 'siret',
		}),
		text('numeroMarche', 'Contract Number', {
			description: 'Works contract number (references.numeroMarche)',
			key: 'references.numeroMarche',
			required: true,
		}),
		...[INVOICE_TOTAL.excludingVat, INVOICE_TOTAL.includingVat, INVOICE_TOTAL.toPay].map((total) => ({ ...total, required: true })),
		{
			name: 'pieceJointePrincipaleId',
			label: 'Main Attachment ID',
			type: 'integer',
			required: true,
			in: 'none',
			description: 'pieceJointeId of the PDF uploaded with Transverse → Attachment → Add File (pieceJointePrincipale)',
		},
		integer('idServiceFournisseur', 'Supplier Service ID', { description: 'fournisseur.idServiceFournisseur', key: 'fournisseur.idServiceFournisseur' }),
		text('codeServiceExecutant', 'Recipient Service Code', { description: 'destinataire.codeServiceExecutant', key: 'destinataire.codeServiceExecutant' }),
		integer('idStructureMoe', 'Project Manager Structure ID', { locator: PICK.anyStructure, description: 'moe.idStructureMoe: the project manager who checks the statement', key: 'moe.idStructureMoe' }),
		integer('idServiceMoe', 'Project Manager Service ID', { locator: PICK.projectManagerService, description: 'moe.idServiceMoe', key: 'moe.idServiceMoe' }),
		integer('idStructureMoa', 'Project Owner Structure ID', { locator: PICK.anyStructure, description: 'moa.idStructureMoa', key: 'moa.idStructureMoa' }),
		integer('idServiceMoa', 'Project Owner Service ID', { locator: PICK.projectOwnerService, description: 'moa.idServiceMoa', key: 'moa.idServiceMoa' }),
		integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.anyStructure, description: 'For sub-contractor statements: the holder who validates (valideur.idStructureValideur)', key: 'valideur.idStructureValideur' }),
		integer('idDossierFacturation', 'Billing File ID', { description: 'Add this piece to an existing billing file (idDossierFacturation); a new file is opened otherwise' }),
		text('numeroBonCommande', 'Purchase Order Number', {
			description: 'references.numeroBonCommande (commitment number)',
			key: 'references.numeroBonCommande',
			maxLength: LIMITS.commitmentNumberLength,
		}),
		{
			name: 'deviseFacture',
			key: 'references.deviseFacture',
			label: 'Currency',
			type: 'options',
			loadOptionsMethod: 'getCurrencies',
			check: 'currency',
			description: 'Currency of the invoice amounts, an ISO 4217 code such as EUR (references.deviseFacture; EUR when not set)',
		},
		INVOICE_TOTAL.vat,
		comment({ description: 'Comment for the recipient (commentaire)' }),
	],
	hooks: {
		// Special: one parameter becomes a one-element list of objects that also carries the invoice number.
		prepare: (ctx, request) => {
			// The main attachment is a one-element list, as in factures soumettre (docs/api-notes.md §16.2 #1).
			request.body.pieceJointePrincipale = [
				{
					pieceJointePrincipaleId: ctx.params.pieceJointePrincipaleId,
					pieceJointePrincipaleDesignation: String(ctx.params.numeroFactureTravaux),
				},
			];
		},
	},
};

export const worksInvoiceOperations: Operation[] = [getBillingFile, get, search, submit];

export const worksInvoiceResource: Resource = { name: 'Works Invoice', value: resource, description: 'Search, read and submit works invoices (factures de travaux)' };
