/**
 * The user folder of an instance (`N8N_USER_FOLDER`: settings, sqlite database, deployed package): made in
 * `<cache>/tmp`, removed when the instance is disposed, and swept when a run died without removing it.
 */
import { existsSync, promises as fs } from 'fs';
import { join } from 'path';

import { progress } from './proc';
import type { Runtime } from './runtime';

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

/**
 * A new folder `<cache>/tmp/<prefix>XXXXXX`. `<cache>/tmp` is made first: on a fresh machine the first suite to
 * need a folder may run before any runtime has been installed (which is what made `tmp` before).
 */
export async function scratchFolder(cache: string, prefix: string): Promise<string> {
	const base = join(cache, 'tmp');
	await fs.mkdir(base, { recursive: true });
	return await fs.mkdtemp(join(base, prefix));
}

/** `given`, or a new folder in `<cache>/tmp`; with the `tmp` and `fixtures` folders the instance writes to. */
export async function prepareUserFolder(runtime: Runtime, given: string | undefined): Promise<string> {
	await fs.mkdir(join(runtime.cacheRoot, 'tmp'), { recursive: true });
	await removeStaleFolders(join(runtime.cacheRoot, 'tmp'));
	const userFolder = given ?? (await scratchFolder(runtime.cacheRoot, `n8n-${runtime.version}-`));
	await fs.mkdir(join(userFolder, 'tmp'), { recursive: true });
	await fs.mkdir(join(userFolder, 'fixtures'), { recursive: true });
	return userFolder;
}

/** Removes a folder the harness made (kept when CHORUS_E2E_KEEP=1, for debugging). */
export async function removeUserFolder(userFolder: string, madeByHarness: boolean): Promise<void> {
	if (madeByHarness && process.env.CHORUS_E2E_KEEP !== '1' && existsSync(userFolder)) {
		await fs.rm(userFolder, { recursive: true, force: true });
	} else if (process.env.CHORUS_E2E_KEEP === '1') {
		progress(`kept n8n user folder ${userFolder}`);
	}
}
