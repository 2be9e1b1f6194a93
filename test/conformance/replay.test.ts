/**
 * Issue 9: every real public sample of the corpus is replayed through its node in n8n's real execution context
 * (test/harness). The node must send the sample's request (method, path, media type, body keys, nesting, types, and
 * the values its parameters determine) and read the sample's answer into the output it promises.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { CredentialStore, runNode } from '../harness/run';
import { ACTION_NODES, findOperation } from './catalog';
import { REPLAY_TOKEN_PATH, startReplayServer, type ReplayServer } from './replayServer';
import { expectedRequestBody, extraKeys, loadSamples, sourceKeys, shapeDifferences, sourcePlatform, valueDifferences, type Sample } from './samples';

const samples = loadSamples();
let server: ReplayServer;
/** One credential per platform a sample's data comes from (see `sourcePlatform`). */
let credentials: Record<ReturnType<typeof sourcePlatform>, CredentialStore>;

beforeAll(async () => {
	server = await startReplayServer();
	const credential = (customPlatform: string) =>
		new CredentialStore({
			environment: 'custom',
			customPlatform,
			baseUrl: server.url,
			tokenUrl: `${server.url}${REPLAY_TOKEN_PATH}`,
			clientId: 'replay-client',
			clientSecret: 'replay-secret',
			login: 'TECH_1_replay@cpro.fr',
			password: 'replay-password',
		});
	credentials = { production: credential('production'), qualification: credential('qualification') };
});

afterAll(async () => {
	await server.close();
});

function mediaType(contentType: string | undefined): string | undefined {
	return contentType?.split(';')[0].trim().toLowerCase();
}

async function replay(sample: Sample): Promise<INodeExecutionData[]> {
	server.play(sample.response.status, sample.response.body, sample.response.contentType);
	const [output] = await runNode(ACTION_NODES[sample.node].type(), {
		credentials: credentials[sourcePlatform(sample)],
		parameters: { resource: sample.resource, operation: sample.operation, ...sample.parameters },
		continueOnFail: sample.expect.error !== undefined,
	});
	return output;
}

describe('Replay corpus', () => {
	it('holds at least 40 samples, each naming its provenance and an operation that exists', () => {
		expect(samples.length).toBeGreaterThanOrEqual(40);
		for (const sample of samples) {
			expect({ id: sample.id, kind: sample.provenance.kind }).toEqual({
				id: sample.id,
				kind: expect.stringMatching(/^(recordedExchange|officialExample|sandboxObserved|swaggerExample)$/),
			});
			expect(sample.provenance.source.length).toBeGreaterThan(10);
			expect(findOperation(sample.node, sample.resource, sample.operation)?.api).toBe(sample.group);
		}
	});

	it('holds one sample per public source (AIFE page, client test method)', () => {
		const owners = new Map<string, string[]>();
		for (const sample of samples) for (const key of sourceKeys(sample)) owners.set(key, [...(owners.get(key) ?? []), sample.id]);
		expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
		// Every sample names at least one source the check can read, unless it is built from a Swagger.
		expect(samples.filter((s) => s.provenance.kind !== 'swaggerExample' && !sourceKeys(s).length).map((s) => s.id)).toEqual([]);
	});

	for (const sample of samples) {
		const divergence = sample.divergence ? ` — documented divergence: ${sample.divergence.reason}` : '';
		const title = `${sample.id} (${sample.provenance.kind})${divergence}`;
		if (sample.knownMismatch) {
			it.skip(`${title} — known mismatch, fixed by ${sample.knownMismatch}`, () => undefined);
			continue;
		}
		it(title, async () => {
			const output = await replay(sample);
			const sent = server.requests[0];
			expect(sent).toBeDefined();
			expect({ method: sent.method, path: sent.path }).toEqual({
				method: sample.request.method,
				path: sample.request.path,
			});
			if (sample.request.contentType) expect(mediaType(sent.contentType)).toBe(mediaType(sample.request.contentType));
			const body = expectedRequestBody(sample);
			if (body !== undefined) {
				expect({
					missingOrWrongType: shapeDifferences(body, sent.body),
					invented: extraKeys(body, sent.body).filter(
						(key) => !sample.request.allowedExtraKeys?.some((allowed) => key === `$.${allowed}`),
					),
					values: valueDifferences(body, sent.body, sample.request.ignoreValues),
				}).toEqual({ missingOrWrongType: [], invented: [], values: [] });
			}
			const json = output.map((item) => item.json);
			if (sample.expect.error !== undefined) {
				// What the user reads: the message and its hint.
				expect(`${json[0]?.error ?? ''} ${json[0]?.description ?? ''}`).toContain(sample.expect.error);
				return;
			}
			if (sample.expect.itemCount !== undefined) expect(json).toHaveLength(sample.expect.itemCount);
			if (sample.expect.items) expect(json.slice(0, sample.expect.items.length)).toMatchObject(sample.expect.items);
		});
	}
});
