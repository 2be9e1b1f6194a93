/**
 * The real-n8n end-to-end harness. Test files of this package use it through `../fixtures/suite.ts` (the simulator,
 * the token tap and one instance per version); the harness alone:
 *
 *   import { describeE2E, ensureRuntime, N8nInstance, selectedVersions, stopEverything } from './harness';
 *
 *   describeE2E('my node in real n8n', () => {
 *     afterAll(stopEverything);
 *     describe.each(selectedVersions())('n8n %s', (version) => {
 *       let n8n: N8nInstance;
 *       beforeAll(async () => { n8n = await N8nInstance.create(await ensureRuntime(version)); }, E2E_SETUP_TIMEOUT);
 *       ...
 *     });
 *   });
 *
 * Environment: CHORUS_SKIP_E2E=1 skips these tests; CHORUS_N8N_VERSIONS=2.41.1 tests one version;
 * CHORUS_N8N_CACHE moves the runtime cache; CHORUS_E2E_KEEP=1 keeps the n8n user folders.
 */
import { disposeAll } from './n8n';
import { progress, stopAll } from './proc';

export * from './deploy';
export { scratchFolder } from './folder';
export * from './n8n';
export * from './proc';
export * from './queue';
export * from './runtime';
export * from './services';
export * from './versions';

/** Timeout for a `beforeAll` that may install n8n from an empty cache (about 5 min each here; 2 cores). */
export const E2E_SETUP_TIMEOUT = 30 * 60_000;
/** Timeout for a test that runs a few n8n CLI commands (each starts n8n: 5–15 s). */
export const E2E_TEST_TIMEOUT = 5 * 60_000;

export const E2E_SKIPPED = process.env.CHORUS_SKIP_E2E === '1';

let skipNoticePrinted = false;

/** `describe`, or `describe.skip` with a clear notice when CHORUS_SKIP_E2E=1. */
export function describeE2E(name: string, fn: () => void): void {
	if (E2E_SKIPPED) {
		if (!skipNoticePrinted) {
			skipNoticePrinted = true;
			progress('END-TO-END TESTS SKIPPED (CHORUS_SKIP_E2E=1): the package was NOT tested in real n8n');
		}
		describe.skip(`${name} [skipped: CHORUS_SKIP_E2E=1]`, fn);
		return;
	}
	describe(name, fn);
}

/** Stops every n8n and other process the harness started in this worker, and removes the user folders. */
export async function stopEverything(): Promise<void> {
	await disposeAll();
	await stopAll();
}
