/**
 * Installs this package into an n8n user folder the way n8n installs a community package: `npm pack`,
 * unpacked into `<userFolder>/.n8n/nodes/node_modules/<name>`, dev and peer dependencies stripped from its
 * package.json, then `npm install --ignore-scripts` of its runtime dependencies there.
 */
import { existsSync, promises as fs, readFileSync, rmSync } from 'fs';
import { join } from 'path';

import { scratchFolder } from './folder';
import { cleanEnv, progress, runOk } from './proc';
import { cacheRoot, NPM_BEFORE, REPO_ROOT, type Runtime } from './runtime';

interface PackageJson {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
}

export const PACKAGE_NAME = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson).name;

let packed: Promise<string> | undefined;

/** `npm pack` of the repository (once per process), after checking that `npm run build` produced every file. */
export function packPackage(): Promise<string> {
	packed ??= (async () => {
		const pkg = JSON.parse(await fs.readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;
		const declared = [...(pkg.n8n?.credentials ?? []), ...(pkg.n8n?.nodes ?? [])];
		const missing = declared.filter((file) => !existsSync(join(REPO_ROOT, file)));
		if (missing.length) {
			throw new Error(
				`the package is not built: ${missing.join(', ')} missing (run \`npm run build\`; \`npm test\` does it first)`,
			);
		}
		const dest = await scratchFolder(cacheRoot(), 'pack-');
		process.once('exit', () => rmSync(dest, { recursive: true, force: true }));
		const result = await runOk('npm', ['pack', '--json', '--ignore-scripts', `--pack-destination=${dest}`], {
			cwd: REPO_ROOT,
			env: cleanEnv(),
			what: 'npm pack',
			timeoutMs: 120_000,
		});
		const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{ filename: string }>;
		const tarball = join(dest, info.filename.replace(/^@/, '').replace(/\//, '-'));
		if (!existsSync(tarball)) throw new Error(`npm pack did not write ${tarball}:\n${result.stdout}`);
		return tarball;
	})();
	packed.catch(() => (packed = undefined));
	return packed;
}

/** Where n8n looks for community packages in a user folder. */
export function packageDir(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
}

/**
 * Deploys the packed package into `userFolder` (an n8n `N8N_USER_FOLDER`); returns the package folder.
 * A running n8n does not reload a redeployed package: restart it.
 */
export async function deployPackage(runtime: Runtime, userFolder: string): Promise<string> {
	const tarball = await packPackage();
	const dest = packageDir(userFolder);
	await fs.rm(dest, { recursive: true, force: true });
	await fs.mkdir(dest, { recursive: true });
	await runOk('tar', ['xzf', tarball, '--strip-components=1', '-C', dest], { what: 'unpack the package' });
	// the nodes folder of a user folder is itself an npm project in n8n (it installs packages there)
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	if (!existsSync(join(nodesDir, 'package.json'))) {
		await fs.writeFile(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	// what n8n does before installing a community package's dependencies: keep only the runtime ones
	const pkgFile = join(dest, 'package.json');
	const pkg = JSON.parse(await fs.readFile(pkgFile, 'utf8')) as PackageJson;
	delete pkg.devDependencies;
	delete pkg.peerDependencies;
	delete pkg.optionalDependencies;
	delete pkg.scripts;
	await fs.writeFile(pkgFile, JSON.stringify(pkg, null, 2));
	if (Object.keys(pkg.dependencies ?? {}).length) {
		const started = Date.now();
		await runOk(
			'npm',
			[
				'install',
				'--omit=dev',
				'--omit=peer',
				'--ignore-scripts',
				'--no-package-lock',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				`--before=${NPM_BEFORE}`,
			],
			{
				cwd: dest,
				env: cleanEnv({ PATH: runtime.path, npm_config_nodedir: runtime.nodeHome }),
				what: `npm install in ${dest}`,
				timeoutMs: 5 * 60_000,
			},
		);
		progress(`deployed ${PACKAGE_NAME}@${pkg.version} into ${dest} (dependencies in ${Date.now() - started} ms)`);
	}
	return dest;
}
