import { INVOICE_STATUSES } from '../../shared/enums';
import { flag, integer, LANGUAGE, paymentRequestType, PICK, structureId, text } from '../../shared/fields';
import { LIMITS } from '../../shared/limits';
import type { Evidence, Field, Operation, Resource } from '../../shared/operation';

/**
 * Reference data (transverses "recuperer/*", docs/api-notes.md §5.3, and the two request-category searches, §5.4). Every list is
 * split into one item per element, so a workflow can filter or look values up directly.
 */
const resource = 'referential';

/** "Get VAT Rates" → "Get VAT rates": the action sentence of an operation name. */
const sentence = (name: string): string =>
	name
		.split(' ')
		.map((word, i) => (i === 0 || word === word.toUpperCase() ? word : word.toLowerCase()))
		.join(' ');

interface ReferentialList {
	operation: string;
	/** The operation's label; its action sentence is said from it. */
	name: string;
	/** What the list holds; the path is added in parentheses. */
	description: string;
	path: string;
	/** Key of the list in the answer: one output item per element. */
	list: string;
	fields?: Field[];
	/** The two request-category searches page with a `pagination` object (Go client, §2.2); the other lists come whole. */
	paged?: boolean;
	/** No source shows this answer: the list key is our reading (the evidence says so). */
	listKeyUnpublished?: boolean;
}

/** Every reference list is one POST under recuperer/ or rechercher/ whose list is split into items. */
function referential({ operation, name, description, path, list, fields = [], paged = false, listKeyUnpublished = false }: ReferentialList): Operation {
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
		...(paged
			? { pagination: { style: 'body', request: 'pagination', response: 'parametresRetour', list, maxPageSize: LIMITS.maxPageSize } }
			: { splitList: list }),
		fields,
		...(listKeyUnpublished ? { evidence: unpublishedListKey(list) } : {}),
	};
}

/**
 * A list key no source shows: the path is table 4.1's, the key is our reading. A wrong key does not empty the
 * result: the answer then comes out as is (pagination.ts `listOf`).
 */
const unpublishedListKey = (key: string): Evidence => ({
	level: 'unpublished',
	source: 'AIFE annex v6.1 table 4.1 (path only); no Swagger, AIFE example or public client shows this answer',
	note: `The list key ${key} is our reading; if Chorus Pro names it otherwise, the node outputs the answer as is.`,
});

const ACTIVE_ONLY = flag('estActif', 'Active Only', { description: 'Whether to return only active entries (estActif)' });

export const referentialOperations: Operation[] = [
	referential({ operation: 'getBillingFrameworks', name: 'Get Billing Frameworks', description: 'Billing frameworks, optionally for one payment request type', path: '/recuperer/cadrefacturation', list: 'listeCadreFacturation', fields: [paymentRequestType()] }),
	referential({ operation: 'getCurrencies', name: 'Get Currencies', description: 'Currency codes', path: '/recuperer/devises', list: 'listeDevises', fields: [LANGUAGE] }),
	referential({
		operation: 'getFluxSyntaxes',
		name: 'Get Flux Syntaxes',
		description: 'Flux syntaxes of one flux format',
		path: '/recuperer/syntaxeflux',
		list: 'listeSyntaxeFlux',
		fields: [
			{
				name: 'formatFlux',
				label: 'Flux Format',
				type: 'options',
				required: true,
				options: ['IN_DP_E1_STRUCT', 'IN_DP_E2_MIXTE', 'IN_DP_E2_FACTURX'],
				default: 'IN_DP_E1_STRUCT',
				description: 'formatFlux',
			},
		],
		listKeyUnpublished: true,
	}),
	referential({ operation: 'getDepositModes', name: 'Get Deposit Modes', description: 'Deposit modes', path: '/recuperer/modedepot', list: 'listeModeDepot' }),
	referential({ operation: 'getPaymentModes', name: 'Get Payment Modes', description: 'Payment modes', path: '/recuperer/modereglements', list: 'listeModePaiement' }),
	referential({ operation: 'getVatExemptionReasons', name: 'Get VAT Exemption Reasons', description: 'VAT exemption reasons', path: '/recuperer/motifs/exonerationtva', list: 'listeMotifsExonerationTva', fields: [LANGUAGE] }),
	referential({ operation: 'getCountries', name: 'Get Countries', description: 'Country codes', path: '/recuperer/pays', list: 'listePays', fields: [LANGUAGE] }),
	referential({ operation: 'getFluxFormats', name: 'Get Flux Formats', description: 'Flux formats', path: '/recuperer/formatflux', list: 'listeFormatFlux' }),
	referential({ operation: 'getVatRates', name: 'Get VAT Rates', description: 'VAT rate codes and values', path: '/recuperer/tauxtva', list: 'listeTauxTva', fields: [LANGUAGE] }),
	referential({ operation: 'getPaymentRequestTypes', name: 'Get Payment Request Types', description: 'Payment request types', path: '/recuperer/typedp', list: 'listeTypeDemandePaiement' }),
	referential({ operation: 'getWorksInvoiceTypes', name: 'Get Works Invoice Types', description: 'Works invoice types', path: '/recuperer/typefacturetravaux', list: 'listeTypeFactureTravaux' }),
	referential({ operation: 'getStructureIdentifierTypes', name: 'Get Structure Identifier Types', description: 'Structure identifier types', path: '/recuperer/typeidentifiant/structure', list: 'listeTypeIdentifiant' }),
	referential({
		operation: 'getAttachmentTypes',
		name: 'Get Attachment Types',
		description: 'Attachment types, optionally for one kind of object',
		path: '/recuperer/typespj',
		list: 'listeTypePieceJointe',
		fields: [
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
		],
	}),
	referential({ operation: 'getStructureTypes', name: 'Get Structure Types', description: 'Structure types', path: '/recuperer/typestructure', list: 'listeTypeStructure', listKeyUnpublished: true }),
	referential({
		operation: 'getValidBankAccounts',
		name: 'Get Valid Bank Accounts',
		description: 'Valid bank accounts of a structure',
		path: '/recuperer/coordbanc/valides',
		list: 'listeCoordonneeBancaire',
		fields: [
			structureId({ locator: PICK.myStructure, description: 'idStructureCPP of your structure (idStructure)' }),
		],
	}),
	referential({
		operation: 'searchRequestCategories',
		name: 'Search Request Categories',
		description: 'Categories of requests to the Chorus Pro support',
		path: '/rechercher/categorieSollicitation',
		list: 'listeCategories',
		fields: [text('codeCategorie', 'Category Code'), text('libelleCategorie', 'Category Label'), ACTIVE_ONLY],
		paged: true,
	}),
	referential({
		operation: 'searchRequestSubcategories',
		name: 'Search Request Subcategories',
		description: 'Subcategories of requests to the Chorus Pro support',
		path: '/rechercher/sousCategorieSollicitation',
		list: 'listeSousCategories',
		fields: [
			integer('idTechniqueCategorie', 'Category ID', { description: 'idTechniqueCategorie from Search Request Categories' }),
			text('code', 'Subcategory Code'),
			text('libelle', 'Subcategory Label'),
			ACTIVE_ONLY,
		],
		paged: true,
	}),
	referential({
		operation: 'getInvoiceToValidateRefusalReasons',
		name: 'Get Invoice to Validate Refusal Reasons',
		description: 'Reasons a validator may give to refuse an invoice of one billing framework',
		path: '/recuperer/motifs/refus/Facture/AValider',
		list: 'listeMotifRefusFactureAValider',
		fields: [
			{
				name: 'codeCadreFacturationAValider',
				label: 'Billing Framework',
				type: 'options',
				required: true,
				options: ['A9_FACTURE_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT'],
				default: 'A9_FACTURE_SOUSTRAITANT',
				description: 'Framework of the invoice to validate (codeCadreFacturationAValider)',
			},
		],
	}),
	referential({ operation: 'getStatesByPaymentRequestType', name: 'Get States by Payment Request Type', description: 'States a payment request of one type can have', path: '/recuperer/etat/typedp', list: 'listeEtatDemandePaiement', fields: [paymentRequestType({ required: true, default: 'FACTURE' })] }),
	referential({
		operation: 'getPossibleStatuses',
		name: 'Get Possible Statuses',
		description: 'Statuses a received invoice may be moved to from its current status',
		path: '/recuperer/etats/traitement',
		list: 'listeStatutsPossiblesPourTraitement',
		fields: [
			{
				name: 'statutCourant',
				label: 'Current Status',
				type: 'options',
				required: true,
				options: INVOICE_STATUSES,
				default: 'MISE_A_DISPOSITION',
				description: 'statutCourant',
			},
		],
	}),
];

export const referentialResource: Resource = { name: 'Referential', value: resource, description: 'Reference lists: currencies, VAT rates, frameworks… (référentiels)' };
