import { promises as fs } from 'fs';
import { join } from 'path';

import { buildFluxArchive } from '../../nodes/shared/archive';
import { childArgs } from './spawn';
import { peakBytes, report, startMeasure } from './memory';

/**
 * Our G2B flux archive (the code behind E-Reporting → Flux → Deposit Files) built from files on disk and
 * written to disk, like `tar czf` does, in a fresh process: wall time of the build + write and peak RSS growth.
 */
interface Args {
	dir: string;
	files: string[];
	out: string;
}

async function main(): Promise<void> {
	const { dir, files, out } = childArgs<Args>();
	const sources = files.map((name) => ({ name, read: async () => await fs.readFile(join(dir, name)) }));
	const before = startMeasure();
	const start = process.hrtime.bigint();
	const archive = await buildFluxArchive(sources, 'Factur-X', new Date());
	await fs.writeFile(out, archive);
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	report({ ms, growthBytes: peakBytes() - before, archiveBytes: archive.length });
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
