/**
 * One real n8n (one user folder = one sqlite database) driven headless: CLI imports and `n8n execute`, and
 * `n8n start` in the background on free 127.0.0.1 ports with an owner, a login session and a public-API key.
 */
import { randomBytes } from 'crypto';
import { existsSync, promises as fs } from 'fs';
import { join } from 'path';

import { deployPackage } from './deploy';
import {
	CommandError,
	cleanEnv,
	describeRun,
	progress,
	run,
	runOk,
	sleep,
	startBackground,
	stopPid,
	tail,
	uniqueFreePort,
	type Background,
	type RunResult,
} from './proc';
import type { Runtime } from './runtime';
import { readExecutions, sqliteRows } from './database';
import { majorStrategy, OWNER, type MajorStrategy } from './versions';

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	/** Plain values: n8n encrypts them with the instance's encryption key on import. */
	data: Record<string, unknown>;
}

/** A workflow as exported by n8n (`nodes`, `connections`, …); `id` is required to execute it by id. */
export interface WorkflowFixture {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	active?: boolean;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

/** The run object `n8n execute --rawOutput` prints (IRun). */
export interface RunData {
	status?: string;
	finished?: boolean;
	mode?: string;
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> }; error?: unknown; executionStatus?: string }>>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string; [key: string]: unknown };
		};
	};
	[key: string]: unknown;
}

export interface ExecuteResult {
	exitCode: number | null;
	/** The run JSON cut out of n8n's output; undefined when n8n printed none (e.g. it failed to start). */
	run: RunData | undefined;
	stdout: string;
	stderr: string;
}

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

export interface N8nOptions {
	/** Defaults to a new folder in `<cache>/tmp`; it is deleted by {@link N8nInstance.dispose} unless CHORUS_E2E_KEEP=1. */
	userFolder?: string;
	encryptionKey?: string;
	/** Deploy the packed package into the user folder (default true). */
	deploy?: boolean;
	/** Extra environment for every n8n process of this instance. */
	env?: NodeJS.ProcessEnv;
}

export { OWNER } from './versions';

const instances = new Set<N8nInstance>();

let staleSwept = false;

/** User folders of runs that died without cleaning up (older than 6 hours), once per process. */
async function removeStaleFolders(base: string): Promise<void> {
	if (staleSwept) return;
	staleSwept = true;
	const cutoff = Date.now() - 6 * 3600_000;
	for (const name of await fs.readdir(base).catch(() => [] as string[])) {
		if (!/^(n8n-\d|pack-)/.test(name)) continue;
		const stat = await fs.stat(join(base, name)).catch(() => undefined);
		if (stat && stat.mtimeMs < cutoff) await fs.rm(join(base, name), { recursive: true, force: true });
	}
}

/** Cuts the run JSON out of `n8n execute --rawOutput`'s logger output: from a line `{` to a line `}`. */
export function extractRunJson(output: string): RunData | undefined {
	const lines = output.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start].trimEnd() !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end].trimEnd() !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as RunData;
			} catch {
				/* a `}` inside the object: keep looking for the closing one */
			}
		}
	}
	return undefined;
}

/** The JSON items a node output (first run, first output by default). */
export function nodeOutput(runData: RunData | undefined, nodeName: string, runIndex = 0, output = 0): Array<Record<string, unknown>> {
	const nodeRun = runData?.data.resultData.runData[nodeName]?.[runIndex];
	return (nodeRun?.data?.main?.[output] ?? []).map((item) => item.json);
}

/** Whether every path answers 200 on 127.0.0.1:`port` (false while nothing listens there yet). */
async function answersAll(port: number, paths: string[]): Promise<boolean> {
	for (const path of paths) {
		try {
			const response = await fetch(`http://127.0.0.1:${port}${path}`);
			if (response.status !== 200) return false;
		} catch {
			return false;
		}
	}
	return true;
}

export class N8nInstance {
	readonly userFolder: string;
	readonly encryptionKey: string;
	private server: Background | undefined;
	private port = 0;
	private cookie = '';
	private readonly browserId = randomBytes(12).toString('hex');
	private apiKey = '';
	private ownerHash = '';
	private fixtureCount = 0;
	private readonly ownsFolder: boolean;

	private constructor(
		readonly runtime: Runtime,
		private readonly options: N8nOptions & { userFolder: string },
		ownsFolder: boolean,
	) {
		this.userFolder = options.userFolder;
		this.encryptionKey = options.encryptionKey ?? 'chorus-e2e-encryption-key-0001';
		this.ownsFolder = ownsFolder;
	}

	/** A fresh n8n user folder with the package deployed into it. */
	static async create(runtime: Runtime, options: N8nOptions = {}): Promise<N8nInstance> {
		const base = join(runtime.cacheRoot, 'tmp');
		await fs.mkdir(base, { recursive: true });
		await removeStaleFolders(base);
		const userFolder = options.userFolder ?? (await fs.mkdtemp(join(base, `n8n-${runtime.version}-`)));
		await fs.mkdir(join(userFolder, 'tmp'), { recursive: true });
		await fs.mkdir(join(userFolder, 'fixtures'), { recursive: true });
		const instance = new N8nInstance(runtime, { ...options, userFolder }, !options.userFolder);
		instances.add(instance);
		if (options.deploy !== false) await deployPackage(runtime, userFolder);
		return instance;
	}

	get major(): 1 | 2 {
		return this.runtime.major;
	}

	/** What this instance's major does its own way (versions.ts). */
	private get strategy(): MajorStrategy {
		return majorStrategy(this.major);
	}

	/** `http://127.0.0.1:<port>` of the server started by {@link start}. */
	get baseUrl(): string {
		if (!this.port) throw new Error('n8n is not started');
		return `http://127.0.0.1:${this.port}`;
	}

	get isStarted(): boolean {
		return !!this.server?.isRunning();
	}

	/** PID of `n8n start` (undefined when not started). */
	get pid(): number | undefined {
		return this.server?.pid;
	}

	/** Resolves when `n8n start` exits (at once when it is not running). */
	async waitForExit(): Promise<void> {
		if (this.server) await this.server.exited;
	}

	/** Everything `n8n start` printed so far. */
	serverOutput(): string {
		return this.server?.output() ?? '';
	}

	/** The environment of every n8n process of this instance ("quiet and local"). */
	env(port: number, brokerPort: number): NodeJS.ProcessEnv {
		const tmp = join(this.userFolder, 'tmp');
		const env: NodeJS.ProcessEnv = cleanEnv({
			PATH: this.runtime.path,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
			N8N_LOG_LEVEL: 'info', // `execute --rawOutput` prints the run through the logger at info level
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			TMPDIR: tmp,
			NODE_COMPILE_CACHE: join(this.runtime.cacheRoot, 'tmp', 'node-compile-cache'),
		});
		return { ...env, ...this.strategy.env(this.ownerHash), ...this.options.env };
	}

	private async prepareOwnerHash(): Promise<void> {
		if (!this.strategy.ownerFromEnvironment || this.ownerHash) return;
		const result = await runOk(
			this.runtime.node,
			['-e', 'process.stdout.write(require("bcryptjs").hashSync(process.argv[1], 10))', OWNER.password],
			{ cwd: this.runtime.dir, what: 'bcrypt the owner password' },
		);
		this.ownerHash = result.stdout.trim();
	}

	/** Runs `n8n <args>` to its end (own free broker port, so it can run beside a started server). */
	async cli(args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
		await this.prepareOwnerHash();
		const env = this.env(await uniqueFreePort(), await uniqueFreePort());
		return run(this.runtime.node, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env,
			timeoutMs: options.timeoutMs ?? 5 * 60_000,
		});
	}

	/** Like {@link cli}, but throws (with everything n8n printed) unless n8n exits with 0. */
	async cliOk(args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
		const result = await this.cli(args, options);
		if (result.exitCode !== 0) throw new CommandError(`n8n ${this.runtime.version} ${args[0]} failed`, result);
		return result;
	}

	private async writeFixture(kind: string, content: unknown): Promise<string> {
		const file = join(this.userFolder, 'fixtures', `${kind}-${++this.fixtureCount}.json`);
		await fs.writeFile(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** `n8n import:credentials`; re-importing an id updates that credential. */
	async importCredentials(list: CredentialFixture[]): Promise<void> {
		const file = await this.writeFixture('credentials', list);
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow` (inactive; use {@link activate}). */
	async importWorkflows(list: WorkflowFixture[]): Promise<void> {
		const file = await this.writeFixture(
			'workflows',
			list.map((wf) => ({ active: false, settings: { executionOrder: 'v1' }, pinData: {}, ...wf })),
		);
		await this.cliOk(['import:workflow', `--input=${file}`]);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput` (the workflow must start with a Manual Trigger). Exit code 1 and
	 * `run.status === 'error'` when a node throws; this does not throw, see {@link executeOk}.
	 */
	async execute(workflowId: string, options: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return {
			exitCode: result.exitCode,
			run: extractRunJson(result.stdout) ?? extractRunJson(result.stderr),
			stdout: result.stdout,
			stderr: result.stderr,
		};
	}

	/** {@link execute}, throwing with n8n's output unless the run succeeded. */
	async executeOk(workflowId: string, options: { timeoutMs?: number } = {}): Promise<RunData> {
		const result = await this.execute(workflowId, options);
		if (result.exitCode !== 0 || !result.run || result.run.data.resultData.error) {
			const error = result.run?.data.resultData.error;
			throw new Error(
				`n8n ${this.runtime.version} execute ${workflowId} failed (exit code ${result.exitCode})` +
					(error ? `: ${error.message ?? ''} ${error.description ?? ''}` : '') +
					`\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
			);
		}
		return result.run;
	}

	/** The node types and credential types this n8n loaded, from a started server (`/types/*.json`, logged in). */
	async loadedTypes(): Promise<{ nodes: string[]; credentials: string[] }> {
		const nodes = (await this.http<Array<{ name: string }>>('GET', '/types/nodes.json', { auth: 'cookie' })).map((n) => n.name);
		const credentials = (await this.http<Array<{ name: string }>>('GET', '/types/credentials.json', { auth: 'cookie' })).map(
			(c) => c.name,
		);
		return { nodes, credentials };
	}

	/**
	 * `n8n start` in the background on free 127.0.0.1 ports; resolves when /healthz/readiness answers 200,
	 * with an owner, a login session and a public-API key ready.
	 */
	async start(options: { timeoutMs?: number; port?: number } = {}): Promise<void> {
		if (this.server?.isRunning()) return;
		this.port = options.port || (await uniqueFreePort());
		// readiness answers 200 before the REST routes exist (1.x): wait for /rest/settings too
		await this.launch(['start'], this.port, ['/healthz/readiness', '/rest/settings'], options.timeoutMs);
		await this.setupOwnerAndApiKey();
	}

	/**
	 * `n8n worker --concurrency=<n>` in the background (queue mode: the instance's `env` option must carry the
	 * queue and PostgreSQL settings); resolves when the worker's health server answers /healthz/readiness.
	 * Stopped by {@link stop} like a server.
	 */
	async startWorker(options: { concurrency: number; timeoutMs?: number }): Promise<void> {
		if (this.server?.isRunning()) return;
		this.port = await uniqueFreePort();
		this.options.env = { ...this.options.env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' };
		await this.launch(['worker', `--concurrency=${options.concurrency}`], this.port, ['/healthz/readiness'], options.timeoutMs);
	}

	/** Starts `n8n <args>` with `port` as N8N_PORT; resolves when every path of `readiness` answers 200 there. */
	private async launch(args: string[], port: number, readiness: string[], timeoutMs = 180_000): Promise<void> {
		await this.prepareOwnerHash();
		const env = this.env(port, await uniqueFreePort());
		const started = Date.now();
		const what = `n8n ${this.runtime.version} ${args[0]}`;
		this.server = startBackground(this.runtime.node, [this.runtime.n8nBin, ...args], {
			cwd: this.userFolder,
			env,
			label: `${what} (port ${port})`,
		});
		const deadline = started + timeoutMs;
		for (;;) {
			if (!this.server.isRunning()) {
				throw new Error(`${what} exited early:\n${tail(this.server.output())}`);
			}
			if (await answersAll(port, readiness)) break;
			if (Date.now() > deadline) {
				const output = this.server.output();
				await this.stop();
				throw new Error(`${what}: not ready after ${Date.now() - started} ms:\n${tail(output)}`);
			}
			await sleep(250);
		}
		progress(`${what} ready on port ${port}, PID ${this.server.pid} (${Date.now() - started} ms)`);
	}

	/** 1.x: `POST /rest/owner/setup`; 2.x: the owner comes from the environment. Then login and an API key. */
	private async setupOwnerAndApiKey(): Promise<void> {
		if (!this.strategy.ownerFromEnvironment) {
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
		if (!auth) throw new Error(`n8n ${this.runtime.version}: /rest/login set no n8n-auth cookie`);
		this.cookie = auth;
	}

	/** The owner's public-API key (`X-N8N-API-KEY`), available after {@link start}. */
	get publicApiKey(): string {
		return this.apiKey;
	}

	private async rawHttp(
		method: string,
		path: string,
		options: { body?: unknown; auth?: 'none' | 'cookie' | 'apiKey' } = {},
	): Promise<Response> {
		const headers: Record<string, string> = { accept: 'application/json', 'browser-id': this.browserId };
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		if (options.auth === 'cookie') headers.cookie = this.cookie;
		if (options.auth === 'apiKey') headers['x-n8n-api-key'] = this.apiKey;
		return fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
			signal: AbortSignal.timeout(120_000),
		});
	}

	private async httpError(method: string, path: string, response: Response): Promise<Error> {
		const body = await response.text().catch(() => '');
		return new Error(
			`n8n ${this.runtime.version}: ${method} ${path} answered ${response.status}: ${tail(body, 2000)}` +
				`\n--- n8n output ---\n${tail(this.serverOutput(), 4000)}`,
		);
	}

	/** A JSON request to the started server; throws (with the server's output) unless 2xx. */
	async http<T>(
		method: string,
		path: string,
		options: { body?: unknown; auth?: 'none' | 'cookie' | 'apiKey' } = {},
	): Promise<T> {
		const response = await this.rawHttp(method, path, options);
		if (!response.ok) throw await this.httpError(method, path, response);
		const text = await response.text();
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** A public-API request (`/api/v1…`, `X-N8N-API-KEY`). */
	api<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.http<T>(method, `/api/v1${path}`, { auth: 'apiKey', body });
	}

	/**
	 * Activates a workflow (its triggers start). Server running: the public API; otherwise the CLI (2.x
	 * `publish:workflow`, 1.x `update:workflow --active=true`), picked up by the next {@link start}.
	 */
	async activate(workflowId: string): Promise<void> {
		await this.setActive(workflowId, true);
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.setActive(workflowId, false);
	}

	private async setActive(workflowId: string, active: boolean): Promise<void> {
		if (this.isStarted) await this.api('POST', `/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`);
		else await this.cliOk(this.strategy.activationArgs(workflowId, active));
	}

	/** A poll on demand: deactivate and activate again (activation polls at once). Server must run. */
	async pollNow(workflowId: string): Promise<void> {
		await this.deactivate(workflowId);
		await this.activate(workflowId);
	}

	/**
	 * Waits until main serves the production webhook `path` (`/webhook/<path>`): an active workflow's webhooks
	 * are registered after /healthz/readiness answers. A CORS preflight (OPTIONS with an Origin) answers 204
	 * once the path is registered, 404 before, and starts no execution.
	 */
	async waitForWebhook(path: string, timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const response = await fetch(`${this.baseUrl}/webhook/${path}`, {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
			});
			if (response.status === 204) return;
			if (Date.now() > deadline) {
				throw new Error(`n8n ${this.runtime.version}: webhook ${path} not registered after ${timeoutMs} ms (${response.status})\n${tail(this.serverOutput(), 4000)}`);
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
	async waitForExecutions(
		query: { workflowId?: string; status?: string },
		count: number,
		timeoutMs = 120_000,
	): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const list = await this.executions(query);
			// `new`: saved but not started yet (in queue mode, until a worker takes its job)
			if (list.length >= count && list.every((e) => e.finished || !['new', 'running'].includes(e.status))) return list;
			if (Date.now() > deadline) {
				throw new Error(
					`n8n ${this.runtime.version}: ${list.length}/${count} executions of ${JSON.stringify(query)} after ${timeoutMs} ms` +
						`\n--- n8n output ---\n${tail(this.serverOutput(), 6000)}`,
				);
			}
			await sleep(1000);
		}
	}

	/**
	 * Tests a saved credential the way the editor's "Test" button does: `GET /rest/credentials/:id?includeData=true`
	 * (secrets come back redacted), then `POST /rest/credentials/test` with it (n8n restores the secrets).
	 * Works in 1.x and 2.x; needs {@link start}.
	 */
	/** `typed`: fields the user typed again in the form of the saved credential before pressing "Retry". */
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

	/**
	 * Rows of an SQL query on this instance's sqlite database (read-only), e.g. `workflow_entity.staticData`.
	 * Execution data there is `flatted`-encoded: see {@link executionsFromDb}.
	 */
	dbQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
		return sqliteRows<T>(this.runtime, this.userFolder, sql, params);
	}

	/** Executions of a workflow read straight from the database (no server needed), newest first. */
	executionsFromDb(workflowId: string): Promise<Execution[]> {
		return readExecutions(this.runtime, this.userFolder, workflowId);
	}

	/** Stops `n8n start` by its PID (SIGTERM, then SIGKILL); safe to call twice. */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		await stopPid(server.pid, 20_000);
		this.cookie = '';
		progress(`n8n ${this.runtime.version} (PID ${server.pid}) stopped`);
	}

	/** Stops the server and removes the user folder (kept when CHORUS_E2E_KEEP=1, for debugging). */
	async dispose(): Promise<void> {
		await this.stop();
		instances.delete(this);
		if (this.ownsFolder && process.env.CHORUS_E2E_KEEP !== '1' && existsSync(this.userFolder)) {
			await fs.rm(this.userFolder, { recursive: true, force: true });
		} else if (process.env.CHORUS_E2E_KEEP === '1') {
			progress(`kept n8n user folder ${this.userFolder}`);
		}
	}
}

/** Stops and disposes every instance created in this jest worker (for `afterAll`). */
export async function disposeAll(): Promise<void> {
	await Promise.all([...instances].map((i) => i.dispose()));
}

export { describeRun };
