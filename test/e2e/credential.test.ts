/**
 * The credential's test in real n8n (2.41.1 and 1.123.81) under `n8n start`, against the simulator behind the
 * token tap, driven the way the editor drives it: a saved credential passes its test; then the user opens it,
 * types a new value in one field and presses "Retry" (`POST /rest/credentials/test` with the saved id, the
 * typed field and the other secrets redacted, which n8n restores from the database). Whatever token is stored,
 * the test must prove what was typed: a fresh token request with the typed client ID / secret, then a real
 * call with the typed technical account, each refusal reported with our message.
 */
import { E2E_SETUP_TIMEOUT, E2E_TEST_TIMEOUT, ensureRuntime, N8nInstance, selectedVersions, tail } from './harness';
import { CREDENTIAL, leakedSecrets, secretsOf, sha256, simulatorCredential } from './fixtures/chorus';
import { e2eSuite } from './fixtures/suite';
import { SIM_CREDENTIALS } from '../simulator/auth';

const HEALTH_CHECK = '/cpro/transverses/v1/health-check';
const SECRETS_REFUSED = /^PISTE refused the client ID \/ client secret/;
const ACCOUNT_REFUSED = /^The PISTE token is valid but Chorus Pro refused the technical account/;

const started = e2eSuite();

started.describeSuite('The credential test in real n8n proves the values typed in the form', () => {
	describe.each(selectedVersions())('n8n %s', (version) => {
		let n8n: N8nInstance;

		beforeAll(async () => {
			n8n = await N8nInstance.create(await ensureRuntime(version));
			await n8n.importCredentials([simulatorCredential(started.sim, started.tap.url)]);
			await n8n.start();
		}, E2E_SETUP_TIMEOUT);

		afterAll(async () => {
			await n8n?.dispose();
		}, 120_000);

		/**
		 * "Retry" after typing `typed` into the saved credential: the test's result, the token requests and the
		 * health checks it made. Fields not typed are sent redacted (n8n restores them); the good values are typed
		 * again for the fields a test may have changed in the database (n8n 1.x saves what a test used).
		 */
		async function retry(typed: Record<string, string>) {
			const { sim, tap } = started;
			const good = sim.credentials;
			const tokensBefore = tap.tokenRequests.length;
			const checksBefore = sim.counts(HEALTH_CHECK);
			const result = await n8n.testCredential(CREDENTIAL.id, { clientSecret: good.clientSecret, login: good.login, password: good.password, ...typed });
			return { result, tokenRequests: tap.tokenRequests.slice(tokensBefore), healthChecks: sim.counts(HEALTH_CHECK) - checksBefore };
		}

		/** A test of this instance, failing with what n8n printed. */
		function step(name: string, body: () => Promise<void>): void {
			it(
				name,
				async () => {
					try {
						await body();
					} catch (error) {
						const message = error instanceof Error ? error.message : String(error);
						throw new Error(`${message}\n--- n8n ${version} printed ---\n${tail(n8n.serverOutput(), 6000)}`);
					}
				},
				E2E_TEST_TIMEOUT,
			);
		}

		const fromGoodSecret = (status: number) => ({ clientId: SIM_CREDENTIALS.clientId, clientSecretSha256: sha256(SIM_CREDENTIALS.clientSecret), status });
		const wrongSecret = `${SIM_CREDENTIALS.clientSecret}-typo`;

		step('the saved credential (no token yet) passes: one token, then the proof and the test call', async () => {
			const saved = await retry({});
			expect(saved.result).toEqual(expect.objectContaining({ status: 'OK' }));
			expect(saved.tokenRequests).toEqual([fromGoodSecret(200)]);
			expect(saved.healthChecks).toBe(2);
		});

		step('a wrong client secret typed over the stored token asks PISTE with it and fails with our message', async () => {
			const secret = await retry({ clientSecret: wrongSecret });
			expect(secret.result).toEqual({ status: 'Error', message: expect.stringMatching(SECRETS_REFUSED) });
			expect(secret.tokenRequests).toEqual([{ clientId: SIM_CREDENTIALS.clientId, clientSecretSha256: sha256(wrongSecret), status: 400 }]);
			expect(secret.healthChecks).toBe(0);
		});

		step('the good secret typed again passes with a fresh token from it', async () => {
			const again = await retry({});
			expect(again.result).toEqual(expect.objectContaining({ status: 'OK' }));
			expect(again.tokenRequests).toEqual([fromGoodSecret(200)]);
			expect(again.healthChecks).toBe(2);
		});

		for (const [field, typed] of [
			['password', { password: `${SIM_CREDENTIALS.password}-typo` }],
			['login', { login: 'TECH_1_AUTRE@cpro.fr' }],
		] as const) {
			step(`a wrong technical account ${field} fails with our message after a fresh token`, async () => {
				const account = await retry(typed);
				expect(account.result).toEqual({ status: 'Error', message: expect.stringMatching(ACCOUNT_REFUSED) });
				expect(account.tokenRequests).toEqual([fromGoodSecret(200)]);
				expect(account.healthChecks).toBe(1);
			});
		}

		step('the good values pass again, and no secret reached n8n\'s output', async () => {
			expect((await retry({})).result).toEqual(expect.objectContaining({ status: 'OK' }));
			expect(leakedSecrets([n8n.serverOutput()], [...secretsOf(started.sim, started.tap), wrongSecret])).toEqual([]);
		});
	});
});
