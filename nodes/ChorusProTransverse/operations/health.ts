import type { Operation, Resource } from '../../shared/operation';

/** Whether the Chorus Pro API answers (docs/api-notes.md §5.1). */

export const healthOperations: Operation[] = [
	{
		resource: 'health',
		operation: 'check',
		name: 'Check',
		action: 'Check that the Chorus Pro API is available',
		description: 'Availability of the Chorus Pro API with your credential (GET health-check, no envelope)',
		api: 'transverses',
		method: 'GET',
		path: '/health-check',
		mutates: false,
		fields: [],
	},
];

export const healthResource: Resource = { name: 'Health', value: 'health', description: 'Check that Chorus Pro answers' };
