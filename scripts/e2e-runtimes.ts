/**
 * Installs (or checks) the real n8n runtimes used by the end-to-end tests, without running the tests:
 *   npm run e2e:runtimes                       both versions
 *   npm run e2e:runtimes -- 1.123.81           one version
 * The cache folder is <repo>/.cache/n8n-runtimes, or $CHORUS_N8N_CACHE.
 */
import { ensureRuntime, N8N_VERSIONS, type N8nVersion } from '../test/e2e/harness/runtime';

async function main(): Promise<void> {
	const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	const versions = args.length ? (args as N8nVersion[]) : [...N8N_VERSIONS];
	for (const version of versions) {
		if (!N8N_VERSIONS.includes(version)) throw new Error(`unknown n8n version ${version} (known: ${N8N_VERSIONS.join(', ')})`);
		const started = Date.now();
		const runtime = await ensureRuntime(version);
		process.stdout.write(
			`n8n ${version}: ${runtime.dir} (Node ${runtime.node}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
		);
	}
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
