import type { Operation } from '../../shared/operation';

/** Whether the Chorus Pro API answers (§5.1). */

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
