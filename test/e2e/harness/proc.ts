/**
 * Child processes for the end-to-end harness: every process is tracked by PID, its output is captured, and
 * every one still running can be stopped (SIGTERM, then SIGKILL) from a jest `afterAll`, or when the jest
 * worker exits.
 */
import { spawn, type ChildProcess } from 'child_process';
import { createServer } from 'net';

/**
 * The environment without what `npm run` / `npm test` / jest export (npm_config_*, npm_package_*,
 * npm_lifecycle_*, INIT_CWD, NODE_ENV=test, JEST_*): the project's settings (e.g. ignore-scripts, its local prefix) must not leak into the installs
 * and n8n processes the harness runs. The npm cache, registry and user config are kept.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const keep = /^npm_config_(cache|registry|userconfig)$/i;
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) && !keep.test(key)) continue;
		// jest sets NODE_ENV=test and JEST_WORKER_ID: n8n must not run in "test" mode
		if (/^(JEST_|TS_NODE_)/.test(key) || ['INIT_CWD', 'NODE_OPTIONS', 'NODE_ENV'].includes(key)) continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

/** Progress lines go straight to stderr: jest buffers `console.*`, and installs take minutes. */
export function progress(message: string): void {
	process.stderr.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export interface RunResult {
	command: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the process (SIGTERM then SIGKILL) after this long; the result then has `signal` set. */
	timeoutMs?: number;
	/** Data written to stdin, then stdin is closed. */
	input?: string;
	/** Echo the output live to stderr, prefixed (for long installs). */
	echo?: string;
	/** Run as this user and group (a root test starting PostgreSQL, which refuses root). */
	uid?: number;
	gid?: number;
}

const running = new Map<number, { child: ChildProcess; label: string }>();

/** The last `max` characters of a text, for error messages. */
export function tail(text: string, max = 6000): string {
	return text.length <= max ? text : `…(${text.length - max} characters cut)…\n${text.slice(-max)}`;
}

export function describeRun(result: RunResult): string {
	const status = result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`;
	return [
		`$ ${result.command}`,
		`(${status}, ${(result.durationMs / 1000).toFixed(1)} s)`,
		`--- stdout ---\n${tail(result.stdout)}`,
		`--- stderr ---\n${tail(result.stderr)}`,
	].join('\n');
}

export class CommandError extends Error {
	constructor(
		message: string,
		readonly result: RunResult,
	) {
		super(`${message}\n${describeRun(result)}`);
		this.name = 'CommandError';
	}
}

/** Runs a command to its end and resolves with its output, whatever its exit code. */
export function run(file: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const command = [file, ...args].join(' ');
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(file, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['pipe', 'pipe', 'pipe'],
			detached: true, // own process group: a SIGKILL also reaches its children (e.g. n8n's task runner)
			uid: options.uid,
			gid: options.gid,
		});
		if (child.pid === undefined) {
			child.once('error', reject);
			return;
		}
		const pid = child.pid;
		running.set(pid, { child, label: command });
		let stdout = '';
		let stderr = '';
		const echo = (chunk: string) => {
			if (!options.echo) return;
			for (const line of chunk.split('\n')) if (line.trim()) progress(`${options.echo} ${line}`);
		};
		child.stdout?.setEncoding('utf8').on('data', (d: string) => {
			stdout += d;
			echo(d);
		});
		child.stderr?.setEncoding('utf8').on('data', (d: string) => {
			stderr += d;
			echo(d);
		});
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(options.input ?? '');
		let timer: NodeJS.Timeout | undefined;
		if (options.timeoutMs) {
			timer = setTimeout(() => {
				stderr += `\n[harness] timeout after ${options.timeoutMs} ms: stopping PID ${pid}\n`;
				void stopPid(pid);
			}, options.timeoutMs);
		}
		child.once('error', (error) => {
			if (timer) clearTimeout(timer);
			running.delete(pid);
			reject(error);
		});
		child.once('close', (exitCode, signal) => {
			if (timer) clearTimeout(timer);
			running.delete(pid);
			resolve({ command, exitCode, signal, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

/** Runs a command and throws a {@link CommandError} (with its output) unless it exits with 0. */
export async function runOk(
	file: string,
	args: string[],
	options: RunOptions & { what?: string } = {},
): Promise<RunResult> {
	const result = await run(file, args, options);
	if (result.exitCode !== 0) throw new CommandError(`${options.what ?? 'command'} failed`, result);
	return result;
}

export interface Background {
	pid: number;
	label: string;
	/** Everything printed so far (stdout and stderr interleaved). */
	output(): string;
	/** Resolves when the process exits. */
	exited: Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>;
	isRunning(): boolean;
}

/** Starts a long-running process; stop it with {@link stopPid} (or {@link stopAll}). */
export function startBackground(
	file: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; label?: string; uid?: number; gid?: number },
): Background {
	const child = spawn(file, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
		uid: options.uid,
		gid: options.gid,
	});
	if (child.pid === undefined) throw new Error(`could not start ${file} ${args.join(' ')}`);
	const pid = child.pid;
	const label = options.label ?? [file, ...args].join(' ');
	running.set(pid, { child, label });
	let out = '';
	child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
	child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
	let alive = true;
	const exited = new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.once('close', (exitCode, signal) => {
			alive = false;
			running.delete(pid);
			resolve({ exitCode, signal });
		});
		child.once('error', (error) => {
			out += `\n[harness] ${String(error)}\n`;
		});
	});
	return { pid, label, output: () => out, exited, isRunning: () => alive };
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal); // the process group (we start every child detached, as a group leader)
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			/* already gone */
		}
	}
}

/**
 * Stops a process by its PID: SIGTERM (n8n shuts down gracefully and stops its task runner), then SIGKILL
 * to its process group after `graceMs`.
 */
export async function stopPid(pid: number, graceMs = 15_000): Promise<void> {
	const entry = running.get(pid);
	const closed = entry
		? new Promise<void>((resolve) => {
				if (entry.child.exitCode !== null || entry.child.signalCode !== null) resolve();
				else entry.child.once('close', () => resolve());
			})
		: undefined;
	if (!isAlive(pid) && !entry) return;
	try {
		process.kill(pid, 'SIGTERM');
	} catch {
		/* already gone */
	}
	const deadline = Date.now() + graceMs;
	while (isAlive(pid) && Date.now() < deadline) await sleep(100);
	if (isAlive(pid)) {
		progress(`PID ${pid} (${entry?.label ?? '?'}) ignored SIGTERM for ${graceMs} ms: SIGKILL`);
	}
	signalGroup(pid, 'SIGKILL'); // also reaps children left behind in the group
	if (closed) await Promise.race([closed, sleep(5000, true)]);
	running.delete(pid);
}

/** Stops every process the harness started in this jest worker and that is still running. */
export async function stopAll(): Promise<void> {
	await Promise.all([...running.keys()].map((pid) => stopPid(pid)));
}

/** PIDs and labels of the processes still running (for tests of the harness itself). */
export function runningProcesses(): Array<{ pid: number; label: string }> {
	return [...running.entries()].map(([pid, { label }]) => ({ pid, label }));
}

// Last resort when a jest worker exits without running afterAll: synchronous SIGKILL of the groups.
process.once('exit', () => {
	for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
});

/** `unref`: the timer does not keep the process (a jest worker) alive. */
export function sleep(ms: number, unref = false): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, ms);
		if (unref) timer.unref();
	});
}

/** A free TCP port on 127.0.0.1 (the OS picks it; there is a small race until the user binds it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

const handedOut = new Set<number>();

/** Like {@link freePort}, but never twice the same port in this process (n8n binds it a few seconds later). */
export async function uniqueFreePort(): Promise<number> {
	for (let i = 0; i < 50; i++) {
		const port = await freePort();
		if (!handedOut.has(port)) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error('no unique free port on 127.0.0.1');
}
