/**
 * The background process of one instance: `n8n start` (main) or `n8n worker`, on free 127.0.0.1 ports, polled
 * until ready; its output is kept for error messages.
 */
import type { N8nEnvironment } from './environment';
import { progress, sleep, startBackground, stopPid, tail, uniqueFreePort, type Background } from './proc';

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

export class N8nServer {
	private process: Background | undefined;
	private port = 0;

	constructor(
		private readonly environment: N8nEnvironment,
		/** Called once the process is stopped: what lived with it (the REST session) is gone too. */
		private readonly onStopped: () => void,
	) {}

	private get version(): string {
		return this.environment.runtime.version;
	}

	/** `http://127.0.0.1:<port>` of the server started by {@link startMain}. */
	get baseUrl(): string {
		if (!this.port) throw new Error('n8n is not started');
		return `http://127.0.0.1:${this.port}`;
	}

	get isRunning(): boolean {
		return !!this.process?.isRunning();
	}

	get pid(): number | undefined {
		return this.process?.pid;
	}

	/** Resolves when the process exits (at once when it is not running). */
	async waitForExit(): Promise<void> {
		if (this.process) await this.process.exited;
	}

	/** Everything the process printed so far. */
	output(): string {
		return this.process?.output() ?? '';
	}

	/** `n8n start`; resolves when its REST routes answer (the owner and session are the REST client's). */
	async startMain(options: { timeoutMs?: number; port?: number } = {}): Promise<void> {
		this.port = options.port || (await uniqueFreePort());
		// readiness answers 200 before the REST routes exist (1.x): wait for /rest/settings too
		await this.launch(['start'], this.port, ['/healthz/readiness', '/rest/settings'], options.timeoutMs);
	}

	/** `n8n worker --concurrency=<n>`; resolves when the worker's health server answers /healthz/readiness. */
	async startWorker(options: { concurrency: number; timeoutMs?: number }): Promise<void> {
		this.port = await uniqueFreePort();
		this.environment.add({ QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
		await this.launch(['worker', `--concurrency=${options.concurrency}`], this.port, ['/healthz/readiness'], options.timeoutMs);
	}

	/** Starts `n8n <args>` with `port` as N8N_PORT; resolves when every path of `readiness` answers 200 there. */
	private async launch(args: string[], port: number, readiness: string[], timeoutMs = 180_000): Promise<void> {
		await this.environment.prepare();
		const env = this.environment.forProcess(port, await uniqueFreePort());
		const started = Date.now();
		const what = `n8n ${this.version} ${args[0]}`;
		const { runtime, userFolder } = this.environment;
		this.process = startBackground(runtime.node, [runtime.n8nBin, ...args], {
			cwd: userFolder,
			env,
			label: `${what} (port ${port})`,
		});
		const deadline = started + timeoutMs;
		for (;;) {
			if (!this.process.isRunning()) {
				throw new Error(`${what} exited early:\n${tail(this.process.output())}`);
			}
			if (await answersAll(port, readiness)) break;
			if (Date.now() > deadline) {
				const output = this.process.output();
				await this.stop();
				throw new Error(`${what}: not ready after ${Date.now() - started} ms:\n${tail(output)}`);
			}
			await sleep(250);
		}
		progress(`${what} ready on port ${port}, PID ${this.process.pid} (${Date.now() - started} ms)`);
	}

	/** Stops the process by its PID (SIGTERM, then SIGKILL); safe to call twice. */
	async stop(): Promise<void> {
		const process = this.process;
		if (!process) return;
		this.process = undefined;
		await stopPid(process.pid, 20_000);
		this.onStopped();
		progress(`n8n ${this.version} (PID ${process.pid}) stopped`);
	}
}
