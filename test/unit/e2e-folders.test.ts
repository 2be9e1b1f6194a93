/**
 * The e2e suites make their folders in `<cache>/tmp`. On a fresh machine the first suite to run may be one that
 * does not install a runtime (the browser test's demo), so nothing has made `<cache>/tmp` yet: CI once failed
 * with ENOENT on `mkdtemp` for that reason. Every e2e folder goes through `scratchFolder`, which makes it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

import { scratchFolder } from '../e2e/harness/folder';

const E2E = join(__dirname, '..', 'e2e');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'locks' ? [] : sources(path);
		return name.endsWith('.ts') ? [path] : [];
	});
}

describe('e2e scratch folders', () => {
	let cache: string;
	beforeEach(() => (cache = mkdtempSync(join(tmpdir(), 'e2e-cache-'))));
	afterEach(() => rmSync(cache, { recursive: true, force: true }));

	it('are made in a cache that has no tmp folder yet', async () => {
		expect(existsSync(join(cache, 'tmp'))).toBe(false);
		const first = await scratchFolder(cache, 'n8n-2.41.1-demo-');
		const second = await scratchFolder(cache, 'n8n-2.41.1-demo-');
		expect(relative(cache, first)).toMatch(/^tmp[/\\]n8n-2\.41\.1-demo-\w{6}$/);
		expect(second).not.toBe(first);
		expect(existsSync(first) && existsSync(second)).toBe(true);
	});

	it('are all made through scratchFolder in the cache (no other mkdtemp under <cache>/tmp)', () => {
		const offenders = sources(E2E)
			.filter((file) => !file.endsWith(join('harness', 'folder.ts')))
			.filter((file) => /mkdtemp(Sync)?\(\s*join\(\s*(cacheRoot\(\)|[\w.]*cacheRoot)/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(E2E, file));
		expect(offenders).toEqual([]);
	});
});
