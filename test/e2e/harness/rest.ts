/**
 * The HTTP client of a started main: the owner, a login session (`n8n-auth` cookie) for the internal REST API,
 * a public-API key (`X-N8N-API-KEY`), and what the tests ask through them.
 */
import { randomBytes } from 'crypto';

import type { N8nEnvironment } from './environment';
import type { RunData } from './cli';
import { sleep, tail } from './proc';
import type { N8nServer } from './server';
import { OWNER } from './versions';

export interface Execution {
	id: string | number;
	status: string;
	mode: string;
	workflowId: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: RunData['data'];
	[key: string]: unknown;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

type Auth = 'none' | 'cookie' | 'apiKey';

export class N8nRest {
	private cookie = '';
	private readonly browserId = randomBytes(12).toString('hex');
	private apiKey = '';

	constructor(
		private readonly environment: N8nEnvironment,
		private readonly server: N8nServer,
	) {}

	private get version(): string {
		return this.environment.runtime.version;
	}

	/** The session ends with the server process (the API key is stored in the database and stays valid). */
	forgetSession(): void {
		this.cookie = '';
	}

	/** 1.x: `POST /rest/owner/setup`; 2.x: the owner comes from the environment. Then login and an API key. */
	async setupOwnerAndApiKey(): Promise<void> {
		if (!this.environment.strategy.ownerFromEnvironment) {
			const response = await this.rawHttp('POST', '/rest/owner/setup', {
				body: { email: OWNER.email, firstName: OWNER.firstName, lastName: OWNER.lastName, password: OWNER.password },
			});
			// 400 once an owner exists (a restarted instance)
			if (response.status !== 200 && response.status !== 400) {
				throw await this.httpError('POST', '/rest/owner/setup', response);
			}
		}
		await this.login();
		if (!this.apiKey) {
			let scopes: string[] | undefined;
			const scopeResponse = await this.rawHttp('GET', '/rest/api-keys/scopes', { auth: 'cookie' });
			if (scopeResponse.status === 200) scopes = ((await scopeResponse.json()) as { data: string[] }).data;
			const created = await this.http<{ data: { rawApiKey: string } }>('POST', '/rest/api-keys', {
				auth: 'cookie',
				body: { label: `chorus-e2e-${Date.now()}`, expiresAt: null, ...(scopes ? { scopes } : {}) },
			});
			this.apiKey = created.data.rawApiKey;
		}
	}

	/** `POST /rest/login` as the owner (session cookie for the internal REST API). */
	async login(): Promise<void> {
		const response = await this.rawHttp('POST', '/rest/login', {
			body: { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password },
		});
		if (response.status !== 200) throw await this.httpError('POST', '/rest/login', response);
		const cookies = response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''];
		const auth = cookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error(`n8n ${this.version}: /rest/login set no n8n-auth cookie`);
		this.cookie = auth;
	}

	/** The owner's public-API key, available after {@link setupOwnerAndApiKey}. */
	get publicApiKey(): string {
		return this.apiKey;
	}

	private async rawHttp(method: string, path: string, options: { body?: unknown; auth?: Auth } = {}): Promise<Response> {
		const headers: Record<string, string> = { accept: 'application/json', 'browser-id': this.browserId };
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		if (options.auth === 'cookie') headers.cookie = this.cookie;
		if (options.auth === 'apiKey') headers['x-n8n-api-key'] = this.apiKey;
		return fetch(`${this.server.baseUrl}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: AbortSignal.timeout(120_000),
		});
	}

	private async httpError(method: string, path: string, response: Response): Promise<Error> {
		const body = await response.text().catch(() => '');
		return new Error(
			`n8n ${this.version}: ${method} ${path} answered ${response.status}: ${tail(body, 2000)}` +
				`\n--- n8n output ---\n${tail(this.server.output(), 4000)}`,
		);
	}

	/** A JSON request to the started server; throws (with the server's output) unless 2xx. */
	async http<T>(method: string, path: string, options: { body?: unknown; auth?: Auth } = {}): Promise<T> {
		const response = await this.rawHttp(method, path, options);
		if (!response.ok) throw await this.httpError(method, path, response);
		const text = await response.text();
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** A public-API request (`/api/v1…`, `X-N8N-API-KEY`). */
	api<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.http<T>(method, `/api/v1${path}`, { auth: 'apiKey', body });
	}

	/** The node types and credential types this n8n loaded (`/types/*.json`, logged in). */
	async loadedTypes(): Promise<{ nodes: string[]; credentials: string[] }> {
		const nodes = (await this.http<Array<{ name: string }>>('GET', '/types/nodes.json', { auth: 'cookie' })).map((n) => n.name);
		const credentials = (await this.http<Array<{ name: string }>>('GET', '/types/credentials.json', { auth: 'cookie' })).map(
			(c) => c.name,
		);
		return { nodes, credentials };
	}

	/**
	 * Waits until main serves the production webhook `path` (`/webhook/<path>`): an active workflow's webhooks
	 * are registered after /healthz/readiness answers. A CORS preflight (OPTIONS with an Origin) answers 204
	 * once the path is registered, 404 before, and starts no execution.
	 */
	async waitForWebhook(path: string, timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`${this.server.baseUrl}/webhook/${path}`, {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
			});
			if (response.status === 204) return;
			if (Date.now() > deadline) {
				throw new Error(`n8n ${this.version}: webhook ${path} not registered after ${timeoutMs} ms (${response.status})\n${tail(this.server.output(), 4000)}`);
			}
			await sleep(250);
		}
	}

	/** Executions with their data, newest first, through the public API (`GET /api/v1/executions`). */
	async executions(query: { workflowId?: string; status?: string; limit?: number } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		const limit = query.limit ?? 250;
		do {
			const params = new URLSearchParams({ includeData: 'true', limit: String(Math.min(limit - all.length, 250)) });
			if (query.workflowId) params.set('workflowId', query.workflowId);
			if (query.status) params.set('status', query.status);
			if (cursor) params.set('cursor', cursor);
			const page = await this.api<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${params}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor && all.length < limit);
		return all;
	}

	/** Waits until {@link executions} returns at least `count` executions matching `query`, none still to run or running. */
	async waitForExecutions(query: { workflowId?: string; status?: string }, count: number, timeoutMs = 120_000): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const list = await this.executions(query);
			// `new`: saved but not started yet (in queue mode, until a worker takes its job)
			if (list.length >= count && list.every((e) => e.finished || !['new', 'running'].includes(e.status))) return list;
			if (Date.now() > deadline) {
				throw new Error(
					`n8n ${this.version}: ${list.length}/${count} executions of ${JSON.stringify(query)} after ${timeoutMs} ms` +
						`\n--- n8n output ---\n${tail(this.server.output(), 6000)}`,
				);
			}
			await sleep(1000);
		}
	}

	/**
	 * Tests a saved credential the way the editor's "Test" button does: `GET /rest/credentials/:id?includeData=true`
	 * (secrets come back redacted), then `POST /rest/credentials/test` with it (n8n restores the secrets).
	 * Works in 1.x and 2.x. `typed`: fields the user typed again in the form of the saved credential before
	 * pressing "Retry".
	 */
	async testCredential(id: string, typed: Record<string, unknown> = {}): Promise<CredentialTestResult> {
		const saved = await this.http<{ data: { id: string; name: string; type: string; data?: Record<string, unknown> } }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
			{ auth: 'cookie' },
		);
		const { name, type, data } = saved.data;
		const result = await this.http<{ data: CredentialTestResult }>('POST', '/rest/credentials/test', {
			auth: 'cookie',
			body: { credentials: { id, name, type, data: { ...data, ...typed } } },
		});
		return result.data;
	}
}
