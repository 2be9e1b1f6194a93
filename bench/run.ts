/**
 * `npm run bench`: every figure of issue 6 against the simulator on 127.0.0.1, ours beside a baseline in the
 * same run, A/B alternated. Prints one table, writes bench/results.json.
 *
 *   ts-node --transpile-only bench/run.ts             full workloads (5 rounds)
 *   ts-node --transpile-only bench/run.ts --smoke     tiny workloads, 1 round (what the smoke test runs)
 *   ... --only=tokens,engine                          a subset of the figures
 *   ... --parallel=20                                 "Parallel Requests" of the network figures (default: the node's)
 */
import { writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';

import { FULL, SMOKE, type BenchConfig } from './config';
import { archiveFigure } from './figures/archive';
import { engineFigure } from './figures/engine';
import { httpRequestNodeFigure } from './figures/httpRequestNode';
import { networkFigure } from './figures/network';
import { returnAllFigure } from './figures/returnAll';
import { tokenFigure } from './figures/tokens';
import { triggerFigure } from './figures/trigger';
import { uploadFigure } from './figures/upload';
import { formatTable, type BenchResults, type Row } from './report';

export const FIGURES: Record<string, (config: BenchConfig) => Promise<Row[]>> = {
	tokens: tokenFigure,
	engine: engineFigure,
	returnAll: returnAllFigure,
	trigger: triggerFigure,
	upload: uploadFigure,
	archive: archiveFigure,
	network: networkFigure,
	httpRequestNode: httpRequestNodeFigure,
};

export interface BenchOptions {
	only?: string[];
	/** Where to write results.json; none = do not write. */
	out?: string;
	log?: (line: string) => void;
}

export async function runBench(config: BenchConfig, options: BenchOptions = {}): Promise<BenchResults> {
	const log = options.log ?? (() => undefined);
	const names = options.only?.length ? options.only : Object.keys(FIGURES);
	const startedAt = new Date().toISOString();
	const rows: Row[] = [];
	for (const name of names) {
		const figure = FIGURES[name];
		if (!figure) throw new Error(`Unknown figure "${name}" (known: ${Object.keys(FIGURES).join(', ')})`);
		log(`running ${name}…`);
		rows.push(...(await figure(config)));
	}
	const results: BenchResults = {
		startedAt,
		finishedAt: new Date().toISOString(),
		mode: config.mode,
		repetitions: config.repetitions,
		machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: cpus().length },
		rows,
		misses: rows.filter((row) => row.verdict === 'MISS').length,
	};
	if (options.out) writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
	return results;
}

async function main(argv: string[]): Promise<void> {
	const smoke = argv.includes('--smoke');
	const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
	const parallel = argv.find((arg) => arg.startsWith('--parallel='))?.slice('--parallel='.length);
	const base = smoke ? SMOKE : FULL;
	const config = parallel ? { ...base, network: { ...base.network, parallel: Number(parallel) } } : base;
	// A smoke run must not overwrite the figures of the last full run.
	const out = smoke ? join(tmpdir(), 'chorus-pro-bench-smoke.json') : join(__dirname, 'results.json');
	const results = await runBench(config, { only, out, log: (line) => process.stderr.write(`${line}\n`) });
	process.stdout.write(`\nChorus Pro nodes — bench (${results.mode}, ${results.repetitions} rounds, A/B alternated, ${results.machine.cpus} CPUs, Node ${results.machine.node})\n\n`);
	process.stdout.write(`${formatTable(results.rows)}\n\nWritten: ${out}\n`);
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		// n8n-core leaves timers behind (its container); the bench is done, so it ends the process itself.
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exit(1);
		},
	);
}
