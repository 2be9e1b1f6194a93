/**
 * The `n8n` CLI of one instance: each command is an n8n process run to its end (imports, `n8n execute`), with
 * its own free broker port so it can run beside a started server.
 */
import { promises as fs } from 'fs';
import { join } from 'path';

import type { N8nEnvironment } from './environment';
import { CommandError, run, tail, uniqueFreePort, type RunResult } from './proc';

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

export class N8nCli {
	private fixtureCount = 0;

	constructor(private readonly environment: N8nEnvironment) {}

	private get version(): string {
		return this.environment.runtime.version;
	}

	/** Runs `n8n <args>` to its end (own free broker port, so it can run beside a started server). */
	async cli(args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
		await this.environment.prepare();
		const env = this.environment.forProcess(await uniqueFreePort(), await uniqueFreePort());
		const { runtime, userFolder } = this.environment;
		return run(runtime.node, [runtime.n8nBin, ...args], {
			cwd: userFolder,
			env,
			timeoutMs: options.timeoutMs ?? 5 * 60_000,
		});
	}

	/** Like {@link cli}, but throws (with everything n8n printed) unless n8n exits with 0. */
	async cliOk(args: string[], options: { timeoutMs?: number } = {}): Promise<RunResult> {
		const result = await this.cli(args, options);
		if (result.exitCode !== 0) throw new CommandError(`n8n ${this.version} ${args[0]} failed`, result);
		return result;
	}

	private async writeFixture(kind: string, content: unknown): Promise<string> {
		const file = join(this.environment.userFolder, 'fixtures', `${kind}-${++this.fixtureCount}.json`);
		await fs.writeFile(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** `n8n import:credentials`; re-importing an id updates that credential. */
	async importCredentials(list: CredentialFixture[]): Promise<void> {
		const file = await this.writeFixture('credentials', list);
		await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow` (inactive; activation is the instance's). */
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
				`n8n ${this.version} execute ${workflowId} failed (exit code ${result.exitCode})` +
					(error ? `: ${error.message ?? ''} ${error.description ?? ''}` : '') +
					`\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
			);
		}
		return result.run;
	}
}
