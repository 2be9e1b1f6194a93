import { DEPOSIT_MODES, INVOICE_STATUSES, USER_ROLES, WORKS_INVOICE_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import type { Field, Operation } from '../../shared/operation';
import { comment, integerField, textField, WORKS_FRAMEWORKS, worksInvoiceId } from './fields';

/**
 * Works invoices (factures de travaux), "initiate or complete a billing file" group of table 4.1: the
 * supplier's reads and the submission. No Swagger exists for this API (reference §4): `rechercher` follows the
 * AIFE example and Pastell; the other bodies follow the AIFE operation names and the Factures habits, and the
 * simulator (test/simulator/apis/facturesTravaux.ts) models exactly these bodies.
 */
const resource = 'worksInvoice';

function range(prefix: string, label: string, type: 'date' | 'dateTime' | 'number'): Field[] {
	const [from, to] = type === 'number' ? ['Min', 'Max'] : ['Du', 'Au'];
	const [fromLabel, toLabel] = type === 'number' ? ['Min', 'Max'] : ['From', 'To'];
	return [
		{ name: `${prefix}${from}`, label: `${label} ${fromLabel}`, type, description: `${prefix}${from}` },
		{
			name: `${prefix}${to}`,
			label: `${label} ${toLabel}`,
			type,
			description: `${prefix}${to}${type === 'number' ? '' : ' (inclusive)'}`,
			...(type === 'number' ? {} : { endOfDay: true }),
		},
	];
}

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
		// "No result" is 20007 / GFT_MSG_01.075 for this search (reference §2.2, §12.1).
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
		integerField('idStructureFournisseur', 'Supplier Structure ID', 'idStructureFournisseur'),
		integerField('idServiceFournisseur', 'Supplier Service ID', 'idServiceFournisseur'),
		integerField('idStructureMoe', 'Project Manager Structure ID', 'Structure of the project manager (idStructureMoe)'),
		integerField('idServiceMoe', 'Project Manager Service ID', 'idServiceMoe'),
		integerField('idStructureMoa', 'Project Owner Structure ID', 'Structure of the project owner (idStructureMoa)'),
		integerField('idServiceMoa', 'Project Owner Service ID', 'idServiceMoa'),
		integerField('idDestinataire', 'Recipient Structure ID', 'idDestinataire'),
		integerField('idServiceExecutant', 'Executing Service ID', 'idServiceExecutant'),
		integerField('idStructureValideur', 'Validator Structure ID', 'idStructureValideur'),
		integerField('idCoordonneeBancaire', 'Bank Account ID', 'idCoordonneeBancaire'),
		{ name: 'listeTypeFactureTravaux', label: 'Works Invoice Types', type: 'multiOptions', options: WORKS_INVOICE_TYPES },
		{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: WORKS_FRAMEWORKS, description: 'cadreFacturation' },
		{
			name: 'listeStatutCourant',
			label: 'Statuses',
			type: 'multiOptions',
			options: INVOICE_STATUSES,
			description: 'Only works invoices whose current status is one of these (listeStatutCourant)',
		},
		...range('periodeDateDepot', 'Deposit Date', 'date'),
		...range('periodeDateFactureTravaux', 'Invoice Date', 'date'),
		...range('periodeDateHeureEtatCourant', 'Status Changed', 'dateTime'),
		...range('montantHT', 'Amount Excl. VAT', 'number'),
		...range('montantTTC', 'Amount Incl. VAT', 'number'),
		...range('montantAPayer', 'Amount to Pay', 'number'),
		textField('numeroFactureTravaux', 'Invoice Number', 'numeroFactureTravaux'),
		textField('numeroMarche', 'Contract Number', 'numeroMarche'),
		textField('numeroBonCommande', 'Purchase Order Number', 'numeroBonCommande (commitment number)'),
		{ name: 'modeDepot', label: 'Deposit Mode', type: 'options', options: DEPOSIT_MODES },
		textField('numeroFluxDepot', 'Flux Number', 'numeroFluxDepot'),
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
		{ name: 'codeLangue', label: 'Language', type: 'options', options: ['FR', 'EN'], description: 'Language of the labels' },
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
		textField('numeroFactureTravaux', 'Invoice Number', 'Your number for this works invoice (numeroFactureTravaux)', {
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
		integerField('idFournisseur', 'Supplier Structure ID', 'Chorus Pro ID of your structure, as listed by Transverse → Structure → Get Active for Works Invoices (fournisseur.idFournisseur)', {
			key: 'fournisseur.idFournisseur',
			required: true,
		}),
		textField('codeDestinataire', 'Recipient SIRET', 'SIRET of the public buyer (destinataire.codeDestinataire)', {
			key: 'destinataire.codeDestinataire',
			required: true,
			check: 'siret',
		}),
		textField('numeroMarche', 'Contract Number', 'Works contract number (references.numeroMarche)', {
			key: 'references.numeroMarche',
			required: true,
		}),
		{ name: 'montantHtTotal', key: 'montantTotal.montantHtTotal', label: 'Total Excl. VAT', type: 'number', required: true },
		{ name: 'montantTtcTotal', key: 'montantTotal.montantTtcTotal', label: 'Total Incl. VAT', type: 'number', required: true },
		{ name: 'montantAPayer', key: 'montantTotal.montantAPayer', label: 'Amount to Pay', type: 'number', required: true },
		{
			name: 'pieceJointePrincipaleId',
			label: 'Main Attachment ID',
			type: 'integer',
			required: true,
			in: 'none',
			description: 'pieceJointeId of the PDF uploaded with Transverse → Attachment → Add File (pieceJointePrincipale)',
		},
		integerField('idServiceFournisseur', 'Supplier Service ID', 'fournisseur.idServiceFournisseur', { key: 'fournisseur.idServiceFournisseur' }),
		textField('codeServiceExecutant', 'Recipient Service Code', 'destinataire.codeServiceExecutant', { key: 'destinataire.codeServiceExecutant' }),
		integerField('idStructureMoe', 'Project Manager Structure ID', 'moe.idStructureMoe: the project manager who checks the statement', { key: 'moe.idStructureMoe' }),
		integerField('idServiceMoe', 'Project Manager Service ID', 'moe.idServiceMoe', { key: 'moe.idServiceMoe' }),
		integerField('idStructureMoa', 'Project Owner Structure ID', 'moa.idStructureMoa', { key: 'moa.idStructureMoa' }),
		integerField('idServiceMoa', 'Project Owner Service ID', 'moa.idServiceMoa', { key: 'moa.idServiceMoa' }),
		integerField('idStructureValideur', 'Validator Structure ID', 'For sub-contractor statements: the holder who validates (valideur.idStructureValideur)', { key: 'valideur.idStructureValideur' }),
		integerField('idDossierFacturation', 'Billing File ID', 'Add this piece to an existing billing file (idDossierFacturation); a new file is opened otherwise'),
		textField('numeroBonCommande', 'Purchase Order Number', 'references.numeroBonCommande (commitment number)', {
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
		{ name: 'montantTVA', key: 'montantTotal.montantTVA', label: 'Total VAT', type: 'number' },
		comment(false, 'Comment for the recipient (commentaire)'),
	],
	hooks: {
		// Special: one parameter becomes a one-element list of objects that also carries the invoice number.
		prepare: (ctx, request) => {
			// The main attachment is a one-element list, as in factures soumettre (reference §16.2 #1).
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
