import type { Operation } from '../../shared/operation';
import { ppfChamps, ppfSearchOperation } from '../../shared/ppfSearch';
import { api, ESTABLISHMENT_STATES, observationDate, DIRECTORY_SIREN, DIRECTORY_SIRET, SIRET_FIELDS } from './g2bDirectory';

/** Establishments (SIRET) of the G2B directory: ANN API 30 and 40. */

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
			{ ...DIRECTORY_SIRET, op: 'strict' },
			{ ...DIRECTORY_SIREN, description: 'Only the establishments of this legal unit', op: 'strict' },
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
];
