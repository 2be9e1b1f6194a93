/**
 * Proves the engine-level harness: a test-only node runs through n8n-core's real ExecuteContext /
 * PollContext / LoadOptionsContext, with the real ChorusProApi preAuthentication + authenticate, against a
 * tiny local server that plays PISTE's token endpoint and the Chorus Pro gateway.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import {
	CredentialStore,
	binaryBuffer,
	binaryItem,
	capturedLogs,
	loadOptions,
	runNode,
	runPoll,
	testCredential,
} from '../harness/run';
import { ACCOUNT_REFUSED } from '../../nodes/shared/credentialTest';

// --- a tiny PISTE + Chorus Pro --------------------------------------------------------------------------

const CLIENT_ID = 'harness-client-id';
const CLIENT_SECRET = 'harness-client-secret-S3cr3t';
const LOGIN = 'TECH_1_harness@cpro.fr';
const PASSWORD = 'tech-password-P4ss';
const CPRO_ACCOUNT = Buffer.from(`${LOGIN}:${PASSWORD}`, 'utf8').toString('base64');

interface FakePiste {
	baseUrl: string;
	tokenRequests: number;
	apiRequests: number;
	/** Tokens the gateway currently accepts. */
	validTokens: Set<string>;
	/** Invalidates every token minted so far (the test's "expiry"). */
	expireTokens(): void;
	close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
	response.writeHead(status, { 'Content-Type': 'application/json' });
	response.end(JSON.stringify(body));
}

async function startFakePiste(): Promise<FakePiste> {
	let minted = 0;
	const state = {
		tokenRequests: 0,
		apiRequests: 0,
		validTokens: new Set<string>(),
	};
	const server: Server = createServer((request, response) => {
		void (async () => {
			const body = await readBody(request);
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');

			if (request.method === 'POST' && url.pathname === '/token') {
				state.tokenRequests++;
				const form = new URLSearchParams(body.toString('utf8'));
				if (
					form.get('grant_type') !== 'client_credentials' ||
					form.get('client_id') !== CLIENT_ID ||
					form.get('client_secret') !== CLIENT_SECRET
				) {
					return sendJson(response, 401, { error: 'invalid_client' });
				}
				const token = `token-${++minted}`;
				state.validTokens.add(token);
				return sendJson(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
			}

			state.apiRequests++;
			const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
			if (bearer === undefined || !state.validTokens.has(bearer)) {
				return sendJson(response, 401, { error: 'invalid_token' });
			}
			if (request.headers['cpro-account'] !== CPRO_ACCOUNT) {
				return sendJson(response, 401, { codeRetour: 401, libelle: 'Compte technique invalide' });
			}
			if (request.method === 'GET' && url.pathname === '/cpro/transverses/v1/health-check') {
				return sendJson(response, 200, { status: 'UP', token: bearer });
			}
			if (request.method === 'POST' && url.pathname === '/cpro/echo') {
				// Echo the bytes reversed, so the output cannot be the input by accident.
				response.writeHead(200, { 'Content-Type': 'application/pdf' });
				return response.end(Buffer.from(body).reverse());
			}
			if (request.method === 'GET' && url.pathname === '/cpro/structures') {
				return sendJson(response, 200, {
					structures: [
						{ id: 1, label: 'Mairie de Test' },
						{ id: 2, label: 'Lycée Exemple' },
					],
				});
			}
			return sendJson(response, 404, { error: 'not found' });
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		get tokenRequests() {
			return state.tokenRequests;
		},
		get apiRequests() {
			return state.apiRequests;
		},
		validTokens: state.validTokens,
		expireTokens: () => state.validTokens.clear(),
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

// --- test-only nodes --------------------------------------------------------------------------------------

const baseDescription: Omit<INodeTypeDescription, 'name' | 'displayName' | 'properties'> = {
	group: ['transform'],
	version: 1,
	description: 'Harness test node',
	defaults: { name: 'Harness' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'chorusProApi', required: true }],
};

class HealthCheckNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Harness Health Check',
		name: 'harnessHealthCheck',
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				options: [
					{ name: 'Health Check', value: 'health' },
					{ name: 'Echo Binary', value: 'echoBinary' },
				],
				// Never set by the tests: proves defaults come from the properties through getNodeParameter.
				default: 'health',
			},
			{
				displayName: 'Binary Property',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
			},
		],
	};

	methods = {
		loadOptions: {
			async getStructures(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'chorusProApi',
					{ method: 'GET', url: '/cpro/structures', json: true },
				)) as { structures: Array<{ id: number; label: string }> };
				return response.structures.map(({ id, label }) => ({ name: label, value: id }));
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < items.length; index++) {
			try {
				const operation = this.getNodeParameter('operation', index) as string;
				if (operation === 'health') {
					const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'chorusProApi', {
						method: 'GET',
						url: '/cpro/transverses/v1/health-check',
						json: true,
					})) as IDataObject;
					output.push({ json: { ...body, operation }, pairedItem: { item: index } });
				} else {
					const property = this.getNodeParameter('binaryPropertyName', index) as string;
					const input = this.helpers.assertBinaryData(index, property);
					const bytes = await this.helpers.getBinaryDataBuffer(index, property);
					const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'chorusProApi', {
						method: 'POST',
						url: '/cpro/echo',
						headers: { 'Content-Type': 'application/octet-stream' },
						body: bytes,
						encoding: 'arraybuffer',
						json: false,
					})) as ArrayBuffer;
					const binary = await this.helpers.prepareBinaryData(
						Buffer.from(answer),
						`reversed-${input.fileName ?? 'file'}`,
						'application/pdf',
					);
					output.push({ json: { size: bytes.length }, binary: { data: binary }, pairedItem: { item: index } });
				}
			} catch (error) {
				if (this.continueOnFail()) {
					output.push({ json: {}, error, pairedItem: { item: index } });
					continue;
				}
				throw error;
			}
		}
		return [output];
	}
}

class CountingPollNode implements INodeType {
	description: INodeTypeDescription = {
		...baseDescription,
		displayName: 'Harness Poll',
		name: 'harnessPoll',
		polling: true,
		inputs: [],
		properties: [],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const staticData = this.getWorkflowStaticData('node');
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'chorusProApi', {
			method: 'GET',
			url: '/cpro/transverses/v1/health-check',
			json: true,
		})) as IDataObject;
		const polls = ((staticData.polls as number | undefined) ?? 0) + 1;
		staticData.polls = polls;
		staticData.lastStatus = body.status;
		// Emit on odd polls only: a poll that returns null must still keep its static data in an active workflow.
		return polls % 2 === 1 ? [[{ json: { polls, mode: this.getMode() } }]] : null;
	}
}

// --- tests -----------------------------------------------------------------------------------------------

describe('engine harness (n8n-core ExecuteContext + real ChorusProApi credential)', () => {
	let piste: FakePiste;
	const healthNode = new HealthCheckNode();
	const pollNode = new CountingPollNode();

	const credentialData = () => ({
		environment: 'custom',
		baseUrl: piste.baseUrl,
		tokenUrl: `${piste.baseUrl}/token`,
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		login: LOGIN,
		password: PASSWORD,
	});

	const secrets = [CLIENT_SECRET, PASSWORD, CPRO_ACCOUNT];
	const expectNoSecretIn = (text: string) => {
		for (const secret of secrets) expect(text).not.toContain(secret);
	};

	beforeAll(async () => {
		piste = await startFakePiste();
	});
	afterAll(async () => {
		await piste.close();
	});

	it('mints one token for ten executions when the credential store persists it', async () => {
		const store = new CredentialStore(credentialData());
		const tokensBefore = piste.tokenRequests;

		for (let execution = 0; execution < 10; execution++) {
			const [[item]] = await runNode(healthNode, { credentials: store });
			expect(item.json).toEqual({ status: 'UP', token: 'token-1', operation: 'health' });
		}

		expect(piste.tokenRequests - tokensBefore).toBe(1);
		expect(store.writes).toBe(1);
		expect(store.data.accessToken).toBe('token-1');
		// Stored encrypted, like n8n's credentials table.
		expect(store.toCredentials().data).not.toContain('token-1');
	});

	it('after expiry, n8n gets a 401, refreshes exactly once, retries and persists the new token', async () => {
		const store = new CredentialStore(credentialData());
		await runNode(healthNode, { credentials: store });
		const tokensBefore = piste.tokenRequests;
		const apiBefore = piste.apiRequests;
		const oldToken = store.data.accessToken;

		piste.expireTokens();
		const [[item]] = await runNode(healthNode, { credentials: store });

		expect(piste.tokenRequests - tokensBefore).toBe(1);
		expect(piste.apiRequests - apiBefore).toBe(2); // the 401, then the retry
		expect(store.data.accessToken).not.toBe(oldToken);
		expect(item.json.token).toBe(store.data.accessToken);

		// The next executions reuse the refreshed token.
		await runNode(healthNode, { credentials: store });
		await runNode(healthNode, { credentials: store });
		expect(piste.tokenRequests - tokensBefore).toBe(1);
	});

	it('reports a wrong client secret with the credential message and without any secret', async () => {
		const wrongSecret = 'wrong-secret-Zz9';
		const store = new CredentialStore({ ...credentialData(), clientSecret: wrongSecret });

		const error = await runNode(healthNode, { credentials: store }).then(
			() => {
				throw new Error('expected the execution to fail');
			},
			(caught: unknown) => caught as Error & { description?: string },
		);

		expect(error.message).toContain('PISTE refused the client ID / client secret (invalid_client)');
		const everything = `${error.message} ${error.description ?? ''} ${error.stack ?? ''} ${inspect(error, { depth: 10 })}`;
		expect(everything).not.toContain(wrongSecret);
		expectNoSecretIn(everything);
		expect(store.writes).toBe(0);
		expect(store.data.accessToken ?? '').toBe('');

		// With "continue on fail" the same error becomes an item, as n8n shows it.
		const [[item]] = await runNode(healthNode, { credentials: store, continueOnFail: true });
		expect(item.json.error).toContain('PISTE refused the client ID / client secret');
	});

	it('round-trips binary data through the real binary helpers and BinaryDataService', async () => {
		const store = new CredentialStore(credentialData());
		const pdf = Buffer.from('%PDF-1.7\nharness facture\n%%EOF', 'latin1');
		const input = await binaryItem(pdf, 'facture.pdf', 'application/pdf');
		expect(input.binary?.data).toMatchObject({
			fileName: 'facture.pdf',
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});

		const [[item]] = await runNode(healthNode, {
			credentials: store,
			parameters: { operation: 'echoBinary' },
			items: [input],
		});

		expect(item.json).toEqual({ size: pdf.length });
		expect(item.binary?.data).toMatchObject({ fileName: 'reversed-facture.pdf', mimeType: 'application/pdf' });
		expect(await binaryBuffer(item)).toEqual(Buffer.from(pdf).reverse());

		// Same through the `binary` shortcut, under another property name read from a node parameter.
		const [[again]] = await runNode(healthNode, {
			credentials: store,
			parameters: { operation: 'echoBinary', binaryPropertyName: 'attachment' },
			binary: { attachment: { content: pdf, fileName: 'facture.pdf' } },
		});
		expect(await binaryBuffer(again)).toEqual(Buffer.from(pdf).reverse());
	});

	it('keeps poll static data between polls of an active workflow, not of manual runs', async () => {
		const store = new CredentialStore(credentialData());
		const staticData: IDataObject = {};

		const first = await runPoll(pollNode, { credentials: store, staticData, mode: 'trigger' });
		expect(first).toEqual([[{ json: { polls: 1, mode: 'trigger' } }]]);
		const second = await runPoll(pollNode, { credentials: store, staticData, mode: 'trigger' });
		expect(second).toBeNull();
		expect(staticData).toEqual({ polls: 2, lastStatus: 'UP' });
		const third = await runPoll(pollNode, { credentials: store, staticData, mode: 'trigger' });
		expect(third).toEqual([[{ json: { polls: 3, mode: 'trigger' } }]]);

		// A manual test run starts from the stored static data but n8n does not save its changes.
		const manual = await runPoll(pollNode, { credentials: store, staticData, mode: 'manual' });
		expect(manual).toBeNull(); // polls 4: even
		expect(staticData.polls).toBe(3);
		const manualAgain = await runPoll(pollNode, { credentials: store, staticData, mode: 'manual' });
		expect(manualAgain).toBeNull(); // polls 4 again: the manual change was not kept
	});

	it('runs loadOptions methods through LoadOptionsContext with the credential', async () => {
		const store = new CredentialStore(credentialData());
		const options = await loadOptions(healthNode, 'getStructures', { credentials: store });
		expect(options).toEqual([
			{ name: 'Mairie de Test', value: 1 },
			{ name: 'Lycée Exemple', value: 2 },
		]);
	});

	describe('testCredential (CredentialsTester logic)', () => {
		it('accepts good credentials', async () => {
			await expect(testCredential(credentialData())).resolves.toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
		});

		it('tells a wrong technical account (gateway 401) apart from a wrong client secret', async () => {
			const result = await testCredential({ ...credentialData(), password: 'expired-password' });
			expect(result.status).toBe('Error');
			// n8n 1.12x's NodeApiError drops `cause`, so CredentialsTester never reaches the `responseCode` rules; the
			// credential's preAuthentication proves the technical account itself and throws our message (on 2.x too).
			expect(result.message).toBe(ACCOUNT_REFUSED);
			expect(result.message).not.toContain('PISTE refused the client ID');
		});

		it('sees the 401 in the NodeApiError itself (httpCode) even though the rules cannot', async () => {
			const store = new CredentialStore({ ...credentialData(), password: 'expired-password' });
			const error = (await runNode(healthNode, { credentials: store }).catch((e: unknown) => e)) as {
				httpCode?: string;
				description?: string;
			};
			expect(error.httpCode).toBe('401');
			expect(error.description).toBe('Request failed with status code 401');
		});

		it('reports a wrong client secret with the preAuthentication message', async () => {
			const result = await testCredential({ ...credentialData(), clientSecret: 'nope-secret' });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('PISTE refused the client ID / client secret');
			expect(result.message).not.toContain('nope-secret');
		});
	});

	it('captures n8n logs, and no log line carries a secret', () => {
		const logs = capturedLogs();
		expect(logs.length).toBeGreaterThan(0); // ErrorReporter logged the failed credential tests
		for (const line of logs) {
			expectNoSecretIn(line);
			expect(line).not.toContain('wrong-secret-Zz9');
			expect(line).not.toContain('nope-secret');
		}
	});
});
