import { manyOf, siren, siret } from '../../shared/fields';
import type { Field, OptionValue } from '../../shared/operation';

/**
 * The G2B directory (API Annuaire G2B, DGFiP annex table 4.1: ANN API 10–60 + healthcheck). Its Swagger is not
 * public; requests and answers follow the PPF annuaire OpenAPI 1.11.0 it relies on (reference §10.2): same
 * paths, PPF-style searches, RFC 7807 error bodies.
 */

export const api = 'g2bAnnuaire' as const;

/** Field lists of the OpenAPI (`champSiren`, `champSiret`, `champCodeRoutage`). */
export const SIREN_FIELDS = [
	'siren', 'raisonSociale', 'typeEntite', 'diffusible', 'etatAdministratif', 'dateDefinition', 'dateDebutEffet',
	'masque', 'idInstance', 'creePar',
] as const;
export const SIRET_FIELDS = [
	'siret', 'siren', 'denomination', 'typeEtablissement', 'adresse', 'diffusible', 'etatAdministratif', 'moa',
	'moaUniquement', 'gestionStatutMiseEnPaiement', 'gestionEngagementJuridique',
	'gestionEngagementJuridiqueOuService', 'gestionCodeService', 'dateDefinition', 'dateDebutEffet', 'masque',
	'idInstance', 'creePar',
] as const;
export const ROUTING_CODE_FIELDS = [
	'siret', 'typeIdentifiantRoutage', 'libelleCodeRoutage', 'identifiantRoutage', 'gestionEngagementJuridique',
	'etatAdministratif', 'adresse', 'dateDefinition', 'dateDebutEffet', 'masque', 'idInstance', 'creePar',
] as const;

export const ENTITY_TYPES = [
	{ name: 'Public (Publique)', value: 'Publique' },
	{ name: 'Private, VAT-Registered (Privée Assujettie)', value: 'Privée assujettie' },
];
export const LEGAL_UNIT_STATES = [
	{ name: 'Active (A)', value: 'A' },
	{ name: 'Ceased (C)', value: 'C' },
];
export const ESTABLISHMENT_STATES = [
	{ name: 'Active (A)', value: 'A' },
	{ name: 'Closed (F)', value: 'F' },
];

/** The directory's SIREN and SIRET, each with an example. */
export const DIRECTORY_SIREN: Field = siren({ placeholder: '702042755', description: 'SIREN of the legal unit, 9 digits' });
export const DIRECTORY_SIRET: Field = siret({ placeholder: '70204275500240', description: 'SIRET of the establishment, 14 digits' });

export const observationDate: Field = {
	name: 'dateObservation',
	label: 'Observation Date',
	type: 'date',
	in: 'query',
	description: 'Return the data in force on this date (dateObservation); today when empty',
};

/** `inclure`: the related resources returned with the answer (a query parameter of the reads, a body key of a search). */
export const include = (options: OptionValue[], more: Partial<Field> = {}): Field =>
	manyOf('inclure', 'Include', options, { description: 'Related resources to include (inclure)', ...more });

export const LEGAL_UNIT_INCLUDED: OptionValue = { name: 'Legal Unit (SIREN)', value: 'siren' };
