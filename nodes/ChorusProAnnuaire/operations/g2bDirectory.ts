import type { Field, Operation } from '../../shared/operation';
import { ppfChamps, ppfSearchOperation } from '../../shared/ppfSearch';

/**
 * The G2B directory (API Annuaire G2B, DGFiP annex table 4.1: ANN API 10–60 + healthcheck). Its Swagger is not
 * public; requests and answers follow the PPF annuaire OpenAPI 1.11.0 it relies on (reference §10.2): same
 * paths, PPF-style searches, RFC 7807 error bodies.
 */

const api = 'g2bAnnuaire' as const;

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

const ENTITY_TYPES = [
	{ name: 'Public (Publique)', value: 'Publique' },
	{ name: 'Private, VAT-Registered (Privée Assujettie)', value: 'Privée assujettie' },
];
const LEGAL_UNIT_STATES = [
	{ name: 'Active (A)', value: 'A' },
	{ name: 'Ceased (C)', value: 'C' },
];
const ESTABLISHMENT_STATES = [
	{ name: 'Active (A)', value: 'A' },
	{ name: 'Closed (F)', value: 'F' },
];

const siren = (extra: Partial<Field> = {}): Field => ({
	name: 'siren',
	label: 'SIREN',
	type: 'string',
	check: 'siren',
	placeholder: '702042755',
	description: 'SIREN of the legal unit, 9 digits',
	...extra,
});

const siret = (extra: Partial<Field> = {}): Field => ({
	name: 'siret',
	label: 'SIRET',
	type: 'string',
	check: 'siret',
	placeholder: '70204275500240',
	description: 'SIRET of the establishment, 14 digits',
	...extra,
});

const observationDate: Field = {
	name: 'dateObservation',
	label: 'Observation Date',
	type: 'date',
	in: 'query',
	description: 'Return the data in force on this date (dateObservation); today when empty',
};

export const g2bDirectoryOperations: Operation[] = [
	{
		resource: 'company',
		operation: 'get',
		name: 'Get',
		action: 'Get a company and its directory lines',
		description: 'Read a legal unit by SIREN with its active directory lines (ANN API 10, /siren/code-insee:{siren})',
		api,
		method: 'GET',
		path: '/siren/code-insee:{siren}',
		mutates: false,
		fields: [siren({ in: 'path', required: true }), observationDate, ppfChamps(SIREN_FIELDS, false)],
	},
	ppfSearchOperation(
		{
			resource: 'company',
			operation: 'search',
			name: 'Search',
			action: 'Search companies in the directory',
			description: 'Search legal units (SIREN) of the G2B directory with filters (ANN API 20, /siren/recherche)',
			api,
			path: '/siren/recherche',
		},
		[
			{ ...siren(), op: 'strict' },
			{ name: 'raisonSociale', label: 'Company Name', type: 'string', maxLength: 150, op: 'contient', description: 'Raison sociale' },
			{ name: 'typeEntite', label: 'Entity Type', type: 'options', options: ENTITY_TYPES, op: 'strict', description: 'typeEntite' },
			{ name: 'etatAdministratif', label: 'Administrative State', type: 'options', options: LEGAL_UNIT_STATES, op: 'strict', description: 'etatAdministratif' },
		],
		SIREN_FIELDS,
	),
	{
		resource: 'establishment',
		operation: 'get',
		name: 'Get',
		action: 'Get an establishment and its directory lines',
		description: 'Read an establishment by SIRET with its active directory lines (ANN API 30, /siret/code-insee:{siret})',
		api,
		method: 'GET',
		path: '/siret/code-insee:{siret}',
		mutates: false,
		fields: [
			siret({ in: 'path', required: true }),
			observationDate,
			ppfChamps(SIRET_FIELDS, false),
			{
				name: 'inclure',
				label: 'Include',
				type: 'multiOptions',
				in: 'query',
				options: [{ name: 'Legal Unit (SIREN)', value: 'siren' }],
				description: 'Related resources to include (inclure)',
			},
		],
	},
	ppfSearchOperation(
		{
			resource: 'establishment',
			operation: 'search',
			name: 'Search',
			action: 'Search establishments in the directory',
			description: 'Search establishments (SIRET) of the G2B directory with filters (ANN API 40, /siret/recherche)',
			api,
			path: '/siret/recherche',
		},
		[
			{ ...siret(), op: 'strict' },
			{ ...siren({ description: 'Only the establishments of this legal unit' }), op: 'strict' },
			{ name: 'denomination', label: 'Name', type: 'string', maxLength: 100, op: 'contient', description: 'Dénomination' },
			{
				name: 'typeEtablissement',
				label: 'Establishment Type',
				type: 'options',
				options: [
					{ name: 'Head Office (P)', value: 'P' },
					{ name: 'Secondary (S)', value: 'S' },
				],
				op: 'strict',
				description: 'typeEtablissement',
			},
			{ name: 'lignesAdresse', label: 'Address', type: 'string', maxLength: 600, op: 'contient', description: 'Address lines (lignesAdresse)' },
			{ name: 'codePostal', label: 'Postcode', type: 'string', maxLength: 10, op: 'contient', description: 'Code postal' },
			{ name: 'localite', label: 'City', type: 'string', maxLength: 100, op: 'contient', description: 'Localité' },
			{ name: 'subDivisionPays', label: 'Region', type: 'string', maxLength: 255, op: 'contient', description: 'Country subdivision (subDivisionPays)' },
			{ name: 'etatAdministratif', label: 'Administrative State', type: 'options', options: ESTABLISHMENT_STATES, op: 'strict', description: 'etatAdministratif' },
		],
		SIRET_FIELDS,
		[
			{
				// PPF annuaire OpenAPI 1.11.0, searchSiret.inclure: ["siren"], described as a future implementation.
				name: 'inclure',
				label: 'Include',
				type: 'multiOptions',
				options: [{ name: 'Legal Unit (SIREN)', value: 'siren' }],
				description: 'Related resources to include with each establishment (inclure); the directory announces it as a future implementation',
			},
		],
	),
	{
		resource: 'routingCode',
		operation: 'get',
		name: 'Get',
		action: 'Get a routing code',
		description: 'Read a routing code of an establishment with its directory line (ANN API 50, /code-routage/siret:{siret}/code:{identifiant-routage})',
		api,
		method: 'GET',
		path: '/code-routage/siret:{siret}/code:{identifiant-routage}',
		mutates: false,
		fields: [
			siret({ in: 'path', required: true }),
			{
				name: 'identifiantRoutage',
				label: 'Routing Code',
				type: 'string',
				in: 'path',
				key: 'identifiant-routage',
				required: true,
				maxLength: 100,
				check: 'routingCode',
				description: 'Identifier of the routing code (identifiantRoutage), often a service code',
			},
			observationDate,
			ppfChamps(ROUTING_CODE_FIELDS, false),
			{
				name: 'inclure',
				label: 'Include',
				type: 'multiOptions',
				in: 'query',
				options: [
					{ name: 'Legal Unit (SIREN)', value: 'siren' },
					{ name: 'Establishment (SIRET)', value: 'siret' },
				],
				description: 'Related resources to include (inclure)',
			},
		],
	},
	ppfSearchOperation(
		{
			resource: 'routingCode',
			operation: 'search',
			name: 'Search',
			action: 'Search routing codes',
			description: 'Search the routing codes of the directory, e.g. all those of a SIRET (ANN API 60, /code-routage/recherche)',
			api,
			path: '/code-routage/recherche',
		},
		[
			{ ...siret(), op: 'strict' },
			{ name: 'identifiantRoutage', label: 'Routing Code', type: 'string', maxLength: 100, op: 'contient', description: 'identifiantRoutage' },
			{ name: 'libelleCodeRoutage', label: 'Label', type: 'string', maxLength: 100, op: 'contient', description: 'libelleCodeRoutage' },
			{ name: 'etatAdministratif', label: 'Administrative State', type: 'options', options: ESTABLISHMENT_STATES, op: 'strict', description: 'etatAdministratif' },
			{ name: 'codePostal', label: 'Postcode', type: 'string', maxLength: 10, op: 'contient', description: 'Code postal' },
			{ name: 'localite', label: 'City', type: 'string', maxLength: 100, op: 'contient', description: 'Localité' },
		],
		ROUTING_CODE_FIELDS,
	),
	{
		resource: 'health',
		operation: 'checkDirectory',
		name: 'Check G2B Directory',
		action: 'Check the G2B directory API',
		description: 'Whether the G2B directory API answers with your credential (/healthcheck)',
		api,
		method: 'GET',
		path: '/healthcheck',
		mutates: false,
		fields: [],
		// Special: the healthcheck's answer is its status; the output says which API answered.
		hooks: { output: (_ctx, response) => [{ json: { api: 'Annuaire G2B', available: true, ...response } }] },
	},
];
