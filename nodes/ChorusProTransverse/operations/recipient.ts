import { STRUCTURE_KINDS } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import type { Operation, Resource } from '../../shared/operation';

/** Recipients: the public structures a supplier can invoice (docs/api-notes.md §5.4). */

export const recipientOperations: Operation[] = [
	{
		resource: 'recipient',
		operation: 'search',
		name: 'Search',
		action: 'Search invoice recipients',
		description: 'Public structures you can invoice, by SIRET, name, city or postcode (rechercher/destinataire)',
		api: 'transverses',
		method: 'POST',
		path: '/rechercher/destinataire',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresRecherche',
			response: 'parametresRetour',
			list: 'listeDestinataires',
			maxPageSize: LIMITS.maxPageSize,
		},
		fields: [
			{
				name: 'identifiant',
				label: 'Identifier',
				type: 'string',
				top: true,
				check: 'identifier',
				description: "The recipient's SIRET, or its other identifier (identifiant). A number is checked as a SIRET or SIREN, so a typo is an error, not a missing recipient.",
			},
			{ name: 'nomVilleCodePostal', label: 'Name, City or Postcode', type: 'string', description: 'nomVilleCodePostal' },
			{ name: 'typeStructure', label: 'Structure Type', type: 'options', options: STRUCTURE_KINDS, description: 'typeStructure' },
		],
	},
];

export const recipientResource: Resource = { name: 'Recipient', value: 'recipient', description: 'Find the public structures you can invoice (destinataires)' };
