import type { Operation, Resource } from '../../shared/operation';
import { ppfChamps, ppfSearch } from '../../shared/ppfSearch';
import { api, DIRECTORY_SIREN, ENTITY_TYPES, LEGAL_UNIT_STATES, observationDate, SIREN_FIELDS } from './g2bDirectory';

/** Legal units (SIREN) of the G2B directory: ANN API 10 and 20. */

export const companyOperations: Operation[] = [
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
		fields: [{ ...DIRECTORY_SIREN, in: 'path', required: true }, observationDate, ppfChamps(SIREN_FIELDS, false)],
	},
	{
		resource: 'company',
		operation: 'search',
		name: 'Search',
		action: 'Search companies in the directory',
		description: 'Search legal units (SIREN) of the G2B directory with filters (ANN API 20, /siren/recherche)',
		api,
		path: '/siren/recherche',
		...ppfSearch({
			filters: [
				{ ...DIRECTORY_SIREN, op: 'strict' },
				{ name: 'raisonSociale', label: 'Company Name', type: 'string', maxLength: 150, op: 'contient', description: 'Raison sociale' },
				{ name: 'typeEntite', label: 'Entity Type', type: 'options', options: ENTITY_TYPES, op: 'strict', description: 'typeEntite' },
				{ name: 'etatAdministratif', label: 'Administrative State', type: 'options', options: LEGAL_UNIT_STATES, op: 'strict', description: 'etatAdministratif' },
			],
			champs: SIREN_FIELDS,
		}),
	},
];

export const companyResource: Resource = { name: 'Company (SIREN)', value: 'company', description: 'Legal units of the G2B directory (annuaire, unité légale)' };
