import { IDENTIFIER_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import type { Field } from '../../shared/operation';

/**
 * Commitment fields (engagements juridiques). The Engagements API of 16/07/2025 has no public Swagger
 * (reference §8, §16.3): the model below keeps the names the older rechercher service and OCA use
 * (`numeroEngagementJuridique` ≤ 50 characters, `libelleTypeEngagementJuridique` such as BON_DE_COMMANDE, state
 * COMMANDE) and the simulator (test/simulator/apis/engagements.ts) models exactly these bodies.
 */

export const COMMITMENT_TYPES = [
	{ name: 'Purchase Order (Bon De Commande)', value: 'BON_DE_COMMANDE' },
	{ name: 'Contract (Marché)', value: 'MARCHE' },
	{ name: 'Agreement (Convention)', value: 'CONVENTION' },
];

/**
 * Lifecycle of a commitment in the simulator and in the status dropdowns: BROUILLON (created) → COMMANDE
 * (validated, the only state the reference has seen, §11.6) → CLOTURE; ANNULE from BROUILLON or COMMANDE.
 */
export const COMMITMENT_STATES = ['BROUILLON', 'COMMANDE', 'CLOTURE', 'ANNULE'] as const;

export const commitmentId: Field = {
	name: 'id',
	label: 'Commitment ID',
	type: 'integer',
	required: true,
	in: 'path',
	description: 'Chorus Pro id of the commitment (idEngagementJuridique)',
};

export const commitmentNumber = (extra: Partial<Field> = {}): Field => ({
	name: 'numeroEngagementJuridique',
	label: 'Commitment Number',
	type: 'string',
	maxLength: LIMITS.commitmentNumberLength,
	description: 'The commitment (purchase order) number suppliers put in "Purchase Order Number" (numeroEngagementJuridique)',
	...extra,
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
		{ name: 'idServiceEmetteur', label: 'Issuing Service ID', type: 'integer', description: 'idServiceEmetteur' },
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
