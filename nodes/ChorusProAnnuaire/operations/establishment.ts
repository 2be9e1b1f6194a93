import { oneOf } from '../../shared/fields';
import type { Operation, Resource } from '../../shared/operation';
import { ppfChamps, ppfSearch } from '../../shared/ppfSearch';
import {
	api,
	DIRECTORY_SIREN,
	DIRECTORY_SIRET,
	ESTABLISHMENT_STATES,
	include,
	LEGAL_UNIT_INCLUDED,
	observationDate,
	SIRET_FIELDS,
} from './g2bDirectory';

/** Establishments (SIRET) of the G2B directory: ANN API 30 and 40. */

const ESTABLISHMENT_TYPES = [
	{ name: 'Head Office (P)', value: 'P' },
	{ name: 'Secondary (S)', value: 'S' },
];

export const establishmentOperations: Operation[] = [
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
			{ ...DIRECTORY_SIRET, in: 'path', required: true },
			observationDate,
			ppfChamps(SIRET_FIELDS, false),
			include([LEGAL_UNIT_INCLUDED], { in: 'query' }),
		],
	},
	{
		resource: 'establishment',
		operation: 'search',
		name: 'Search',
		action: 'Search establishments in the directory',
		description: 'Search establishments (SIRET) of the G2B directory with filters (ANN API 40, /siret/recherche)',
		api,
		path: '/siret/recherche',
		...ppfSearch({
			filters: [
				{ ...DIRECTORY_SIRET, op: 'strict' },
				{ ...DIRECTORY_SIREN, description: 'Only the establishments of this legal unit', op: 'strict' },
				{ name: 'denomination', label: 'Name', type: 'string', maxLength: 100, op: 'contient', description: 'Dénomination' },
				{ ...oneOf('typeEtablissement', 'Establishment Type', ESTABLISHMENT_TYPES, { description: 'typeEtablissement' }), op: 'strict' },
				{ name: 'lignesAdresse', label: 'Address', type: 'string', maxLength: 600, op: 'contient', description: 'Address lines (lignesAdresse)' },
				{ name: 'codePostal', label: 'Postcode', type: 'string', maxLength: 10, op: 'contient', description: 'Code postal' },
				{ name: 'localite', label: 'City', type: 'string', maxLength: 100, op: 'contient', description: 'Localité' },
				{ name: 'subDivisionPays', label: 'Region', type: 'string', maxLength: 255, op: 'contient', description: 'Country subdivision (subDivisionPays)' },
				{ name: 'etatAdministratif', label: 'Administrative State', type: 'options', options: ESTABLISHMENT_STATES, op: 'strict', description: 'etatAdministratif' },
			],
			champs: SIRET_FIELDS,
			extraFields: [
				// PPF annuaire OpenAPI 1.11.0, searchSiret.inclure: ["siren"], described as a future implementation; in the body.
				include([LEGAL_UNIT_INCLUDED], {
					description: 'Related resources to include with each establishment (inclure); the directory announces it as a future implementation',
				}),
			],
		}),
	},
];

export const establishmentResource: Resource = { name: 'Establishment (SIRET)', value: 'establishment', description: 'Establishments of the G2B directory (annuaire, établissement)' };
