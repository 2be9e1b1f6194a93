import { IDENTIFIER_TYPES } from '../../shared/enums';
import { amountRange, dateRange, PICK, text } from '../../shared/fields';
import { LIMITS } from '../../shared/limits';
import type { Field, Pagination } from '../../shared/operation';

/**
 * Commitment fields (engagements juridiques). The Engagements API of 16/07/2025 has no public Swagger
 * (docs/api-notes.md §8, §16.3): the model below keeps the names the legacy services, their AIFE examples and OCA use
 * (`numeroEngagementJuridique` ≤ 50 characters, `libelleTypeEngagementJuridique` such as BON_DE_COMMANDE, state
 * COMMANDE); the searches send exactly the filters of AIFE's example.
 */

export const COMMITMENT_TYPES = [
	{ name: 'Purchase Order (Bon De Commande)', value: 'BON_DE_COMMANDE' },
	{ name: 'Contract (Marché)', value: 'MARCHE' },
	{ name: 'Agreement (Convention)', value: 'CONVENTION' },
];

/**
 * Lifecycle of a commitment in the simulator and in the status dropdowns: BROUILLON (created) → COMMANDE
 * (validated, the only state our API notes have seen, docs/api-notes.md §11.6) → CLOTURE; ANNULE from BROUILLON or COMMANDE.
 */
export const COMMITMENT_STATES = ['BROUILLON', 'COMMANDE', 'CLOTURE', 'ANNULE'] as const;

export const commitmentId: Field = {
	name: 'id',
	label: 'Commitment ID',
	type: 'integer',
	required: true,
	locator: { list: 'searchCommitments' },
	in: 'path',
	description: 'Chorus Pro id of the commitment (idEngagementJuridique)',
};

export const COMMITMENT_NUMBER: Field = text('numeroEngagementJuridique', 'Commitment Number', {
	maxLength: LIMITS.commitmentNumberLength,
	description: 'The commitment (purchase order) number suppliers put in "Purchase Order Number" (numeroEngagementJuridique)',
});

/** The commitment's content: shared by Create (some required) and Update (all optional). */
export function commitmentContent(forCreate: boolean): Field[] {
	const required = forCreate;
	return [
		{
			name: 'libelleTypeEngagementJuridique',
			label: 'Commitment Type',
			type: 'options',
			required,
			options: COMMITMENT_TYPES,
			...(required ? { default: 'BON_DE_COMMANDE' } : {}),
			description: 'libelleTypeEngagementJuridique',
		},
		{
			name: 'idStructureEmettrice',
			label: 'Issuing Structure ID',
			type: 'integer',
			required,
			locator: PICK.myStructure,
			description: 'idStructureCPP of the public structure that commits the expense (idStructureEmettrice)',
		},
		{
			name: 'structureReceptriceEngagementJuridique',
			label: 'Supplier Identifier',
			type: 'string',
			required,
			description: 'Identifier (SIRET…) of the supplier the commitment is addressed to (structureReceptriceEngagementJuridique)',
		},
		{ name: 'dateEngagementJuridique', label: 'Commitment Date', type: 'date', required, description: 'dateEngagementJuridique' },
		{ name: 'montantHT', label: 'Amount Excl. VAT', type: 'number', required, description: 'montantHT' },
		{ name: 'idServiceEmetteur', label: 'Issuing Service ID', type: 'integer', locator: PICK.issuerService, description: 'idServiceEmetteur' },
		{
			name: 'typeIdentifiantStructureReceptrice',
			label: 'Supplier Identifier Type',
			type: 'options',
			options: IDENTIFIER_TYPES,
			description: 'typeIdentifiantStructureReceptrice (SIRET when not set)',
		},
		{ name: 'montantTTC', label: 'Amount Incl. VAT', type: 'number', description: 'montantTTC' },
		{ name: 'devise', label: 'Currency', type: 'string', placeholder: 'EUR', description: 'devise (EUR when not set)' },
		{ name: 'objet', label: 'Subject', type: 'string', description: 'What is ordered (objet)' },
		{
			name: 'lignesPoste',
			label: 'Lines (JSON)',
			type: 'json',
			description: 'Array of lines: [{ "numeroLigne": 1, "designation": "…", "quantite": 1, "montantHT": 100 }] (lignesPoste)',
		},
	];
}

/** The public sources of this node's request shapes (see `Operation.evidence`). */
export const SOURCES = {
	searchExample: 'https://communaute.chorus-pro.gouv.fr/rechercher-engagement-juridique/',
	detailExample: 'https://communaute.chorus-pro.gouv.fr/show-commiment-details/',
	oca: 'OCA/l10n-france: l10n_fr_chorus_account/models/account_move.py (_chorus_api_check_commitment_number)',
} as const;

/** Evidence of the 2025 operations: the path is the annex's, the rest is ours (`note`). */
export { annexPath } from '../../shared/evidence';

/**
 * The filters of AIFE's "rechercher engagement juridique" example (SOURCES.searchExample), the only published
 * commitment search body. `codeEngagementJuridique` is the commitment type code (the annex change log adds BAUX,
 * DECISIONS_DIVERSES, LISTE_DE_PRIX, SUBVENTIONS to it); the answers name it `libelleTypeEngagementJuridique`.
 */
export function searchFilters(): Field[] {
	return [
		{ ...COMMITMENT_NUMBER, top: true },
		{
			name: 'codeEngagementJuridique',
			label: 'Commitment Type Code',
			type: 'string',
			placeholder: 'BON_DE_COMMANDE',
			description: 'Type of commitment, e.g. BON_DE_COMMANDE, BAUX, DECISIONS_DIVERSES, LISTE_DE_PRIX, SUBVENTIONS (codeEngagementJuridique)',
		},
		{
			name: 'numeroMarcheEngagementJuridique',
			label: 'Contract Number',
			type: 'string',
			description: 'Number of the public contract the commitment belongs to (numeroMarcheEngagementJuridique)',
		},
		{
			name: 'structureReceptriceEngagementJuridique',
			label: 'Supplier Identifier',
			type: 'string',
			description: 'Identifier (SIRET…) of the supplier (structureReceptriceEngagementJuridique)',
		},
		{
			name: 'etatCourantEngagementJuridique',
			label: 'State',
			type: 'options',
			options: COMMITMENT_STATES,
			description: 'etatCourantEngagementJuridique (COMMANDE is the state OCA searches in production)',
		},
		...dateRange('periodeDateNotificationEJ', 'Notification Date'),
		...amountRange('montantTTC', 'Amount Incl. VAT'),
	];
}

/** Paging of the example: `parametresRecherche` in, `parametresRetour` out, sorted by `DateCreationEJ`. */
export const SEARCH_PAGINATION: Pagination = {
	style: 'body',
	request: 'parametresRecherche',
	response: 'parametresRetour',
	list: 'listeEngagementJuridique',
	maxPageSize: LIMITS.maxPageSize,
	sortColumns: ['DateCreationEJ'],
};
