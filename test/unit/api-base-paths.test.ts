/**
 * Issue 9: every API group's base path can be overridden in the credential (one advanced section), and the four G2B
 * fields of saved credentials keep working; a 404 hint and the credential test know it.
 */
import { ChorusProApi } from '../../credentials/ChorusProApi.credentials';
import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import type { INode } from 'n8n-workflow';

import { API_GROUPS, apiPrefix, BASE_PATHS_COLLECTION, type ApiGroup } from '../../nodes/shared/apis';
import { httpError } from '../../nodes/shared/errors';
import { CredentialStore, runNode, testCredential } from '../harness/run';
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

	it.each(groups)('%s: a 404 hint names the credential setting of its base path, as the form labels it', (api) => {
		const node = { name: 'Chorus Pro', type: 'chorusPro', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
		const hint = httpError({ status: 404, body: '' }, { node, api, path: '/x' }).description ?? '';
		const credential = new ChorusProApi();
		const field = API_GROUPS[api] as { overrideField?: string };
		const collection = credential.properties.find((p) => p.name === BASE_PATHS_COLLECTION);
		const setting = field.overrideField
			? credential.properties.find((p) => p.name === field.overrideField)
			: ((collection?.options ?? []) as Array<{ name: string; displayName: string }>).find((o) => o.name === api);
		expect(setting).toBeDefined();
		expect(hint).toContain(`"${setting?.displayName}"`);
		if (!field.overrideField) expect(hint).toContain(`"${collection?.displayName}"`);
		// Two settings never share a label: the hint points at exactly one.
		const labels = [
			...credential.properties.map((p) => p.displayName),
			...((collection?.options ?? []) as Array<{ displayName: string }>).map((o) => o.displayName),
		];
		expect(labels.filter((label) => label === setting?.displayName)).toHaveLength(1);
	});

	it('the credential test calls the Transverses health check under the overridden base path, through n8n', async () => {
		const sim = await startSimulator();
		try {
			const plain = await testCredential(sim.credentialData());
			const spaced = await testCredential({ ...sim.credentialData(), [BASE_PATHS_COLLECTION]: { transverses: ' cpro/transverses/v1/ ' } });
			await testCredential({ ...sim.credentialData(), [BASE_PATHS_COLLECTION]: { transverses: '/cpro/transverses/v9' } });
			expect([plain.status, spaced.status]).toEqual(['OK', 'OK']);
			// Each test: the proof of the technical account, then (when it passed) the test request itself.
			expect(sim.requests.map((r) => r.path).filter((path) => path.endsWith('/health-check'))).toEqual([
				'/cpro/transverses/v1/health-check',
				'/cpro/transverses/v1/health-check',
				'/cpro/transverses/v1/health-check',
				'/cpro/transverses/v1/health-check',
				'/cpro/transverses/v9/health-check',
			]);
		} finally {
			await sim.close();
		}
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
