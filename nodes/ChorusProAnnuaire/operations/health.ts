import type { Operation, Resource } from '../../shared/operation';
import { api as g2bAnnuaire } from './g2bDirectory';

/** Whether the two directory APIs answer with the credential (their healthcheck resources). */
export const healthOperations: Operation[] = [
	{
		resource: 'health',
		operation: 'checkDirectory',
		name: 'Check G2B Directory',
		action: 'Check the G2B directory API',
		description: 'Whether the G2B directory API answers with your credential (/healthcheck)',
		api: g2bAnnuaire,
		method: 'GET',
		path: '/healthcheck',
		mutates: false,
		fields: [],
		// Special: the healthcheck's answer is its status; the output says which API answered.
		hooks: { output: (_ctx, response) => [{ json: { api: 'Annuaire G2B', available: true, ...response } }] },
	},
	{
		resource: 'health',
		operation: 'checkOrganisations',
		name: 'Check Organisations API',
		action: 'Check the Référentiel des Organisations API',
		description: 'Whether the Référentiel des Organisations API answers with your credential (healthcheck)',
		api: 'organisations',
		method: 'GET',
		path: '/healthcheck',
		mutates: false,
		fields: [],
		// Special: the healthcheck answers nothing but its status; the output says which API answered.
		hooks: { output: () => [{ json: { api: 'Référentiel des Organisations', available: true } }] },
	},
];

export const healthResource: Resource = { name: 'Health', value: 'health', description: 'Check that the APIs answer (healthcheck)' };
