import type { Operation, Resource } from '../../shared/operation';
import { ppfChamps, ppfSearch } from '../../shared/ppfSearch';
import { api, DIRECTORY_SIRET, ESTABLISHMENT_STATES, include, LEGAL_UNIT_INCLUDED, observationDate, ROUTING_CODE_FIELDS } from './g2bDirectory';

/** Routing codes of the G2B directory: ANN API 50 and 60. */

export const routingCodeOperations: Operation[] = [
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
			{ ...DIRECTORY_SIRET, in: 'path', required: true },
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
			include([LEGAL_UNIT_INCLUDED, { name: 'Establishment (SIRET)', value: 'siret' }], { in: 'query' }),
		],
	},
	{
		resource: 'routingCode',
		operation: 'search',
		name: 'Search',
		action: 'Search routing codes',
		description: 'Search the routing codes of the directory, e.g. all those of a SIRET (ANN API 60, /code-routage/recherche)',
		api,
		path: '/code-routage/recherche',
		...ppfSearch({
			filters: [
				{ ...DIRECTORY_SIRET, op: 'strict' },
				{ name: 'identifiantRoutage', label: 'Routing Code', type: 'string', maxLength: 100, op: 'contient', description: 'identifiantRoutage' },
				{ name: 'libelleCodeRoutage', label: 'Label', type: 'string', maxLength: 100, op: 'contient', description: 'libelleCodeRoutage' },
				{ name: 'etatAdministratif', label: 'Administrative State', type: 'options', options: ESTABLISHMENT_STATES, op: 'strict', description: 'etatAdministratif' },
				{ name: 'codePostal', label: 'Postcode', type: 'string', maxLength: 10, op: 'contient', description: 'Code postal' },
				{ name: 'localite', label: 'City', type: 'string', maxLength: 100, op: 'contient', description: 'Localité' },
			],
			champs: ROUTING_CODE_FIELDS,
		}),
	},
];

export const routingCodeResource: Resource = { name: 'Routing Code', value: 'routingCode', description: 'Routing codes of the G2B directory (code routage)' };
