import { spawn } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs bench/child/<script>.ts in a fresh Node process (ts-node, transpile only, --expose-gc) so that each
 * memory measurement starts from a clean heap, and returns the numbers it reports.
 */
export async function runChild<T = Record<string, number>>(
	script: string,
	args: unknown,
	env: NodeJS.ProcessEnv = {},
): Promise<T> {
	const child = spawn(
		process.execPath,
		['--expose-gc', '-r', 'ts-node/register/transpile-only', join(__dirname, `${script}.ts`)],
		{ cwd: ROOT, env: { ...process.env, ...env, BENCH_CHILD_ARGS: JSON.stringify(args) }, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
	if (code !== 0 || !line) throw new Error(`bench child ${script} failed (exit ${code}): ${err.slice(-2000)}`);
	return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

export function childArgs<T>(): T {
	return JSON.parse(process.env.BENCH_CHILD_ARGS ?? '{}') as T;
}
