/**
 * Issue 9: every API group's base path can be overridden in the credential (one advanced section), and the four G2B
 * fields of saved credentials keep working.
 */
import { ChorusProApi } from '../../credentials/ChorusProApi.credentials';
import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import { API_GROUPS, apiPrefix, BASE_PATHS_COLLECTION, type ApiGroup } from '../../nodes/shared/apis';
import { CredentialStore, runNode } from '../harness/run';
import { startSimulator } from '../simulator/server';

const groups = Object.keys(API_GROUPS) as ApiGroup[];

describe('API base paths in the credential', () => {
	it.each(groups)('%s: the credential overrides its prefix, the default applies otherwise', (api) => {
		const credential = new ChorusProApi();
		const field = API_GROUPS[api] as { overrideField?: string };
		const data = field.overrideField
			? { [field.overrideField]: ' /custom/path/ ' }
			: { [BASE_PATHS_COLLECTION]: { [api]: ' /custom/path/ ' } };
		expect(apiPrefix(api, data)).toBe('/custom/path');
		expect(apiPrefix(api, {})).toBe(API_GROUPS[api].prefix);
		expect(apiPrefix(api, { [BASE_PATHS_COLLECTION]: { [api]: '  ' } })).toBe(API_GROUPS[api].prefix);
		// The field a user fills exists in the credential: top level (G2B, saved credentials) or in the collection.
		const collection = credential.properties.find((p) => p.name === BASE_PATHS_COLLECTION);
		const names = field.overrideField
			? credential.properties.map((p) => p.name)
			: ((collection?.options ?? []) as Array<{ name: string }>).map((o) => o.name);
		expect(names).toContain(field.overrideField ?? api);
	});

	it('keeps the four G2B field names of saved credentials', () => {
		const names = new ChorusProApi().properties.map((p) => p.name);
		expect(names).toEqual(expect.arrayContaining(['g2bAnnuairePath', 'g2bFluxPath', 'g2bFacturesPath', 'eReportingPath']));
	});

	it('a node sends its request under the overridden path, through n8n', async () => {
		const sim = await startSimulator();
		try {
			const credentials = new CredentialStore({ ...sim.credentialData(), [BASE_PATHS_COLLECTION]: { transverses: '/cpro/transverses/v9' } });
			await runNode(new ChorusProTransverse(), {
				credentials,
				parameters: { resource: 'health', operation: 'check' },
				continueOnFail: true,
			});
			expect(sim.requests.map((r) => r.path)).toContain('/cpro/transverses/v9/health-check');
		} finally {
			await sim.close();
		}
	});
});
