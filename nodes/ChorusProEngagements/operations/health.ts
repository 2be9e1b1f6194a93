import type { Operation, Resource } from '../../shared/operation';
import { annexPath } from './commitmentModel';

/** Whether the Engagements API answers with the credential. */
export const healthOperations: Operation[] = [
	{
		resource: 'health',
		operation: 'check',
		name: 'Check',
		action: 'Check that the Engagements API is available',
		description: 'Availability of the Engagements API with your credential (GET engagement/healthcheck)',
		api: 'engagements',
		method: 'GET',
		path: '/engagement/healthcheck',
		mutates: false,
		fields: [],
		evidence: annexPath('Prefix not published (our reading); GET and the answer are ours.'),
	},
];

export const healthResource: Resource = { name: 'Health', value: 'health', description: 'Check that the Engagements API answers' };
