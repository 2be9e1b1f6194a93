import { LIMITS } from '../../shared/limits';
import type { Operation, Resource } from '../../shared/operation';

/** The structures the technical account is attached to (utilisateurs, docs/api-notes.md §7). */

export const myAccountOperations: Operation[] = [
	{
		resource: 'myAccount',
		operation: 'getStructureLinks',
		name: 'Get Structure Links',
		action: 'Get the structures my account is attached to',
		description: 'Structures and services your technical account is attached to, with roles and statuses (monCompte/recuperer/rattachements)',
		api: 'utilisateurs',
		method: 'POST',
		path: '/monCompte/recuperer/rattachements',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresRecherche',
			response: 'parametresRetour',
			list: 'listeStructureRattachement',
			maxPageSize: LIMITS.maxPageSize,
		},
		fields: [],
	},
];

export const myAccountResource: Resource = { name: 'My Account', value: 'myAccount', description: 'Structures your technical account is attached to (rattachements)' };
