import { INVOICE_STATUSES, PAYMENT_REQUEST_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import type { Field, Operation } from '../../shared/operation';
import { LANGUAGE } from './common';

/**
 * Reference data (transverses "recuperer/*", §5.3, and the two request-category searches, §5.4). Every list is
 * split into one item per element, so a workflow can filter or look values up directly.
 */
const resource = 'referential';

/** "Get VAT Rates" → "Get VAT rates": the action sentence of an operation name. */
const sentence = (name: string): string =>
	name
		.split(' ')
		.map((word, i) => (i === 0 || word === word.toUpperCase() ? word : word.toLowerCase()))
		.join(' ');

function referential(
	operation: string,
	name: string,
	description: string,
	path: string,
	list: string,
	fields: Field[] = [],
	extra: Partial<Operation> = {},
): Operation {
	return {
		resource,
		operation,
		name,
		action: sentence(name),
		description: `${description} (${path.slice(1)})`,
		api: 'transverses',
		method: 'POST',
		path,
		mutates: false,
		splitList: list,
		fields,
		...extra,
	};
}

/**
 * A list key no source shows: the path is table 4.1's, the key is our reading. A wrong key does not empty the
 * result: the answer then comes out as is (pagination.ts `listOf`).
 */
const unpublishedListKey = (key: string): Partial<Operation> => ({
	evidence: {
		level: 'unpublished',
		source: 'AIFE annex v6.1 table 4.1 (path only); no Swagger, AIFE example or public client shows this answer',
		note: `The list key ${key} is our reading; if Chorus Pro names it otherwise, the node outputs the answer as is.`,
	},
});

const paymentRequestType = (required: boolean): Field => ({
	name: 'typeDemandePaiement',
	label: 'Payment Request Type',
	type: 'options',
	required,
	options: PAYMENT_REQUEST_TYPES,
	default: required ? 'FACTURE' : '',
	description: 'typeDemandePaiement',
});

/** The two request-category searches page with a `pagination` object (Go client, §2.2). */
function categorySearch(operation: string, name: string, description: string, path: string, list: string, fields: Field[]): Operation {
	return {
		resource,
		operation,
		name,
		action: sentence(name),
		description: `${description} (${path.slice(1)})`,
		api: 'transverses',
		method: 'POST',
		path,
		mutates: false,
		pagination: { style: 'body', request: 'pagination', response: 'parametresRetour', list, maxPageSize: LIMITS.maxPageSize },
		fields,
	};
}

const active: Field = { name: 'estActif', label: 'Active Only', type: 'boolean', description: 'Whether to return only active entries (estActif)' };

export const referentialOperations: Operation[] = [
	referential('getBillingFrameworks', 'Get Billing Frameworks', 'Billing frameworks, optionally for one payment request type', '/recuperer/cadrefacturation', 'listeCadreFacturation', [paymentRequestType(false)]),
	referential('getCurrencies', 'Get Currencies', 'Currency codes', '/recuperer/devises', 'listeDevises', [LANGUAGE]),
	referential('getFluxSyntaxes', 'Get Flux Syntaxes', 'Flux syntaxes of one flux format', '/recuperer/syntaxeflux', 'listeSyntaxeFlux', [
		{
			name: 'formatFlux',
			label: 'Flux Format',
			type: 'options',
			required: true,
			options: ['IN_DP_E1_STRUCT', 'IN_DP_E2_MIXTE', 'IN_DP_E2_FACTURX'],
			default: 'IN_DP_E1_STRUCT',
			description: 'formatFlux',
		},
	], unpublishedListKey('listeSyntaxeFlux')),
	referential('getDepositModes', 'Get Deposit Modes', 'Deposit modes', '/recuperer/modedepot', 'listeModeDepot'),
	referential('getPaymentModes', 'Get Payment Modes', 'Payment modes', '/recuperer/modereglements', 'listeModePaiement'),
	referential('getVatExemptionReasons', 'Get VAT Exemption Reasons', 'VAT exemption reasons', '/recuperer/motifs/exonerationtva', 'listeMotifsExonerationTva', [LANGUAGE]),
	referential('getCountries', 'Get Countries', 'Country codes', '/recuperer/pays', 'listePays', [LANGUAGE]),
	referential('getFluxFormats', 'Get Flux Formats', 'Flux formats', '/recuperer/formatflux', 'listeFormatFlux'),
	referential('getVatRates', 'Get VAT Rates', 'VAT rate codes and values', '/recuperer/tauxtva', 'listeTauxTva', [LANGUAGE]),
	referential('getPaymentRequestTypes', 'Get Payment Request Types', 'Payment request types', '/recuperer/typedp', 'listeTypeDemandePaiement'),
	referential('getWorksInvoiceTypes', 'Get Works Invoice Types', 'Works invoice types', '/recuperer/typefacturetravaux', 'listeTypeFactureTravaux'),
	referential('getStructureIdentifierTypes', 'Get Structure Identifier Types', 'Structure identifier types', '/recuperer/typeidentifiant/structure', 'listeTypeIdentifiant'),
	referential('getAttachmentTypes', 'Get Attachment Types', 'Attachment types, optionally for one kind of object', '/recuperer/typespj', 'listeTypePieceJointe', [
		LANGUAGE,
		{
			name: 'typeObjet',
			label: 'Object Type',
			type: 'options',
			options: [
				'STRUCTURE', 'UTILISATEUR', 'CB', 'MANDAT', 'FICHE_RACCORDEMENT', 'EJ', 'MEMOIRE', 'DMD_RBST', 'TRANSVERSE',
				'FACTURE_TRAVAUX', 'FACTURE', 'DMDE_CPTE_DEV_SI_EXT', 'SOLLICITATION', 'CERTIFICAT', 'PJ_REJET_EDI',
			],
			description: 'typeObjet',
		},
	]),
	referential('getStructureTypes', 'Get Structure Types', 'Structure types', '/recuperer/typestructure', 'listeTypeStructure', [], unpublishedListKey('listeTypeStructure')),
	referential('getValidBankAccounts', 'Get Valid Bank Accounts', 'Valid bank accounts of a structure', '/recuperer/coordbanc/valides', 'listeCoordonneeBancaire', [
		{ name: 'idStructure', label: 'Structure ID', type: 'integer', required: true, locator: { list: 'searchMyStructures' }, description: 'idStructureCPP of your structure (idStructure)' },
	]),
	categorySearch('searchRequestCategories', 'Search Request Categories', 'Categories of requests to the Chorus Pro support', '/rechercher/categorieSollicitation', 'listeCategories', [
		{ name: 'codeCategorie', label: 'Category Code', type: 'string', description: 'codeCategorie' },
		{ name: 'libelleCategorie', label: 'Category Label', type: 'string', description: 'libelleCategorie' },
		active,
	]),
	categorySearch('searchRequestSubcategories', 'Search Request Subcategories', 'Subcategories of requests to the Chorus Pro support', '/rechercher/sousCategorieSollicitation', 'listeSousCategories', [
		{ name: 'idTechniqueCategorie', label: 'Category ID', type: 'integer', description: 'idTechniqueCategorie from Search Request Categories' },
		{ name: 'code', label: 'Subcategory Code', type: 'string', description: 'code' },
		{ name: 'libelle', label: 'Subcategory Label', type: 'string', description: 'libelle' },
		active,
	]),
	referential('getInvoiceToValidateRefusalReasons', 'Get Invoice to Validate Refusal Reasons', 'Reasons a validator may give to refuse an invoice of one billing framework', '/recuperer/motifs/refus/Facture/AValider', 'listeMotifRefusFactureAValider', [
		{
			name: 'codeCadreFacturationAValider',
			label: 'Billing Framework',
			type: 'options',
			required: true,
			options: ['A9_FACTURE_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT'],
			default: 'A9_FACTURE_SOUSTRAITANT',
			description: 'Framework of the invoice to validate (codeCadreFacturationAValider)',
		},
	]),
	referential('getStatesByPaymentRequestType', 'Get States by Payment Request Type', 'States a payment request of one type can have', '/recuperer/etat/typedp', 'listeEtatDemandePaiement', [paymentRequestType(true)]),
	referential('getPossibleStatuses', 'Get Possible Statuses', 'Statuses a received invoice may be moved to from its current status', '/recuperer/etats/traitement', 'listeStatutsPossiblesPourTraitement', [
		{
			name: 'statutCourant',
			label: 'Current Status',
			type: 'options',
			required: true,
			options: INVOICE_STATUSES,
			default: 'MISE_A_DISPOSITION',
			description: 'statutCourant',
		},
	]),
];
