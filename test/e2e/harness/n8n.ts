/**
 * One real n8n (one user folder = one sqlite database) driven headless: CLI imports and `n8n execute`, and
 * `n8n start` in the background on free 127.0.0.1 ports with an owner, a login session and a public-API key.
 * This class is the facade the tests use; each concern has its module: the user folder (folder.ts), the
 * process environment (environment.ts), the CLI (cli.ts), the background process (server.ts), the REST and
 * public API (rest.ts), the sqlite database (database.ts), what differs between majors (versions.ts).
 */
import { N8nCli, type CredentialFixture, type ExecuteResult, type RunData, type WorkflowFixture } from './cli';
import { readExecutions, sqliteRows } from './database';
import { deployPackage } from './deploy';
import { N8nEnvironment } from './environment';
import { prepareUserFolder, removeUserFolder } from './folder';
import { describeRun, type RunResult } from './proc';
import { N8nRest, type CredentialTestResult, type Execution } from './rest';
import type { Runtime } from './runtime';
import { N8nServer } from './server';

export { extractRunJson, nodeOutput, type CredentialFixture, type ExecuteResult, type RunData, type WorkflowFixture } from './cli';
export type { CredentialTestResult, Execution } from './rest';
export { OWNER } from './versions';

export interface N8nOptions {
	/** Defaults to a new folder in `<cache>/tmp`; it is deleted by {@link N8nInstance.dispose} unless CHORUS_E2E_KEEP=1. */
	userFolder?: string;
	encryptionKey?: string;
	/** Deploy the packed package into the user folder (default true). */
	deploy?: boolean;
	/** Extra environment for every n8n process of this instance. */
	env?: NodeJS.ProcessEnv;
}

const instances = new Set<N8nInstance>();

export class N8nInstance {
	readonly userFolder: string;
	readonly encryptionKey: string;
	private readonly environment: N8nEnvironment;
	private readonly commands: N8nCli;
	private readonly server: N8nServer;
	private readonly rest: N8nRest;

	private constructor(
		readonly runtime: Runtime,
		options: N8nOptions & { userFolder: string },
		private readonly ownsFolder: boolean,
	) {
		this.userFolder = options.userFolder;
		this.encryptionKey = options.encryptionKey ?? 'chorus-e2e-encryption-key-0001';
		this.environment = new N8nEnvironment(runtime, this.userFolder, this.encryptionKey, options.env);
		this.commands = new N8nCli(this.environment);
		// the REST session dies with the server process
		this.server = new N8nServer(this.environment, () => this.rest.forgetSession());
		this.rest = new N8nRest(this.environment, this.server);
	}

	/** A fresh n8n user folder with the package deployed into it. */
	static async create(runtime: Runtime, options: N8nOptions = {}): Promise<N8nInstance> {
		const userFolder = await prepareUserFolder(runtime, options.userFolder);
		const instance = new N8nInstance(runtime, { ...options, userFolder }, !options.userFolder);
		instances.add(instance);
		if (options.deploy !== false) await deployPackage(runtime, userFolder);
		return instance;
	}

	get major(): 1 | 2 {
		return this.runtime.major;
	}

	// --- the process environment (environment.ts) and the CLI (cli.ts) ---

	/** The environment of every n8n process of this instance ("quiet and local"). */
	env(port: number, brokerPort: number): NodeJS.ProcessEnv {
		return this.environment.forProcess(port, brokerPort);
	}

	/** Runs `n8n <args>` to its end (own free broker port, so it can run beside a started server). */
	cli(args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
		return this.commands.cli(args, options);
	}

	/** Like {@link cli}, but throws (with everything n8n printed) unless n8n exits with 0. */
	cliOk(args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
		return this.commands.cliOk(args, options);
	}

	/** `n8n import:credentials`; re-importing an id updates that credential. */
	importCredentials(list: CredentialFixture[]): Promise<void> {
		return this.commands.importCredentials(list);
	}

	/** `n8n import:workflow` (inactive; use {@link activate}). */
	importWorkflows(list: WorkflowFixture[]): Promise<void> {
		return this.commands.importWorkflows(list);
	}

	/** `n8n execute --id=<id> --rawOutput`; does not throw when the run fails, see {@link executeOk}. */
	execute(workflowId: string, options: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		return this.commands.execute(workflowId, options);
	}

	/** {@link execute}, throwing with n8n's output unless the run succeeded. */
	executeOk(workflowId: string, options: { timeoutMs?: number } = {}): Promise<RunData> {
		return this.commands.executeOk(workflowId, options);
	}

	// --- the background process (server.ts) ---

	/** `http://127.0.0.1:<port>` of the server started by {@link start}. */
	get baseUrl(): string {
		return this.server.baseUrl;
	}

	get isStarted(): boolean {
		return this.server.isRunning;
	}

	/** PID of `n8n start` (undefined when not started). */
	get pid(): number | undefined {
		return this.server.pid;
	}

	/** Resolves when `n8n start` exits (at once when it is not running). */
	waitForExit(): Promise<void> {
		return this.server.waitForExit();
	}

	/** Everything `n8n start` printed so far. */
	serverOutput(): string {
		return this.server.output();
	}

	/**
	 * `n8n start` in the background on free 127.0.0.1 ports; resolves when /healthz/readiness answers 200,
	 * with an owner, a login session and a public-API key ready.
	 */
	async start(options: { timeoutMs?: number; port?: number } = {}): Promise<void> {
		if (this.isStarted) return;
		await this.server.startMain(options);
		await this.rest.setupOwnerAndApiKey();
	}

	/**
	 * `n8n worker --concurrency=<n>` in the background (queue mode: the instance's `env` option must carry the
	 * queue and PostgreSQL settings); resolves when the worker's health server answers /healthz/readiness.
	 * Stopped by {@link stop} like a server.
	 */
	async startWorker(options: { concurrency: number; timeoutMs?: number }): Promise<void> {
		if (this.isStarted) return;
		await this.server.startWorker(options);
	}

	/** Stops `n8n start` by its PID (SIGTERM, then SIGKILL); safe to call twice. */
	stop(): Promise<void> {
		return this.server.stop();
	}

	// --- the REST and public API of the started server (rest.ts) ---

	/** `POST /rest/login` as the owner (session cookie for the internal REST API). */
	login(): Promise<void> {
		return this.rest.login();
	}

	/** The owner's public-API key (`X-N8N-API-KEY`), available after {@link start}. */
	get publicApiKey(): string {
		return this.rest.publicApiKey;
	}

	/** A JSON request to the started server; throws (with the server's output) unless 2xx. */
	http<T>(method: string, path: string, options: { body?: unknown; auth?: 'none' | 'cookie' | 'apiKey' } = {}): Promise<T> {
		return this.rest.http<T>(method, path, options);
	}

	/** A public-API request (`/api/v1…`, `X-N8N-API-KEY`). */
	api<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.rest.api<T>(method, path, body);
	}

	/** The node types and credential types this n8n loaded, from a started server (`/types/*.json`, logged in). */
	loadedTypes(): Promise<{ nodes: string[]; credentials: string[] }> {
		return this.rest.loadedTypes();
	}

	/** Waits until main serves the production webhook `path` (a CORS preflight answers 204). */
	waitForWebhook(path: string, timeoutMs?: number): Promise<void> {
		return this.rest.waitForWebhook(path, timeoutMs);
	}

	/** Executions with their data, newest first, through the public API (`GET /api/v1/executions`). */
	executions(query: { workflowId?: string; status?: string; limit?: number } = {}): Promise<Execution[]> {
		return this.rest.executions(query);
	}

	/** Waits until {@link executions} returns at least `count` executions matching `query`, none still to run or running. */
	waitForExecutions(query: { workflowId?: string; status?: string }, count: number, timeoutMs?: number): Promise<Execution[]> {
		return this.rest.waitForExecutions(query, count, timeoutMs);
	}

	/** Tests a saved credential the way the editor's "Test" button does (`typed`: fields typed again before "Retry"). */
	testCredential(id: string, typed: Record<string, unknown> = {}): Promise<CredentialTestResult> {
		return this.rest.testCredential(id, typed);
	}

	// --- activation: the public API while the server runs, the CLI otherwise ---

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
		else await this.cliOk(this.environment.strategy.activationArgs(workflowId, active));
	}

	/** A poll on demand: deactivate and activate again (activation polls at once). Server must run. */
	async pollNow(workflowId: string): Promise<void> {
		await this.deactivate(workflowId);
		await this.activate(workflowId);
	}

	// --- the sqlite database (database.ts) ---

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

	/** Stops the server and removes the user folder (kept when CHORUS_E2E_KEEP=1, for debugging). */
	async dispose(): Promise<void> {
		await this.stop();
		instances.delete(this);
		await removeUserFolder(this.userFolder, this.ownsFolder);
	}
}

/** Stops and disposes every instance created in this jest worker (for `afterAll`). */
export async function disposeAll(): Promise<void> {
	await Promise.all([...instances].map((i) => i.dispose()));
}

export { describeRun };
