import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { apiPrefix } from './apis';

/**
 * The PISTE token and the proof the credential's Test gives of the values typed in its form.
 *
 * n8n runs a credential test as one request through `authenticate`, with the saved token restored into the
 * typed values: neither n8n 1.123 nor 2.41 calls `preAuthentication` for it while a token is stored (both mean
 * to, but their "is this a test" check does not match their own test node). So the test request carries
 * {@link CREDENTIAL_TEST_HEADER}; `authenticate` sees it and throws {@link tokenNeeded} (a 401, never sent);
 * n8n answers a 401 by calling `preAuthentication`, which then mints a fresh token with the typed client ID and
 * secret and calls Chorus Pro with the typed technical account, each refusal in our words. Only then does
 * `authenticate` let the test request go. The state of one test lives on the credential object n8n hands to
 * both methods (a symbol property: never saved, never shown), not in the module.
 */

/** Set by the credential's test request only; `authenticate` removes it, so it never reaches the network. */
export const CREDENTIAL_TEST_HEADER = 'x-chorus-pro-credential-test';

/** `reason`: PISTE's OAuth error code (`invalid_client`), else the HTTP status. */
export const secretsRefused = (reason: string): string =>
	`PISTE refused the client ID / client secret (${reason}). Check the OAuth credentials of your PISTE application and that it exists in the chosen environment.`;

export const ACCOUNT_REFUSED =
	'The PISTE token is valid but Chorus Pro refused the technical account: check its login and password, and whether the password expired';

export const TRANSVERSES_REFUSED =
	'Access refused: subscribe the Chorus Pro "Transverses" API in your PISTE application (and connect the application to the technical account in Chorus Pro)';

const PROOF = Symbol('chorusProCredentialTestProof');
const MINTED = Symbol('chorusProTokenMintedForThisRequest');

type Proof = 'requested' | 'proven';
type RequestState = ICredentialDataDecryptedObject & { [PROOF]?: Proof; [MINTED]?: string };

function mark(credentials: ICredentialDataDecryptedObject, key: typeof PROOF | typeof MINTED, value: string): void {
	// Not enumerable: n8n copies and saves the credential's own enumerable fields only.
	Object.defineProperty(credentials, key, { value, configurable: true, enumerable: false, writable: true });
}

export function proofState(credentials: ICredentialDataDecryptedObject): Proof | undefined {
	return (credentials as RequestState)[PROOF];
}

/** The test asks `preAuthentication` for a fresh token and a real call (see the module comment). */
export function requestProof(credentials: ICredentialDataDecryptedObject): void {
	mark(credentials, PROOF, 'requested');
}

/** Whether `token` was minted during this very request (the test of a credential that had no token yet). */
export function mintedForThisRequest(credentials: ICredentialDataDecryptedObject, token: unknown): boolean {
	return typeof token === 'string' && token !== '' && (credentials as RequestState)[MINTED] === token;
}

/**
 * An error shaped like the gateway's 401, thrown by `authenticate` before anything is sent: n8n answers it by
 * calling `preAuthentication` and authenticating the request again.
 */
export function tokenNeeded(reason: string): Error {
	return Object.assign(new Error(reason), { response: { status: 401 }, httpCode: '401' });
}

/** The `cpro-account` header: base64 of the UTF-8 bytes of `login:password` (reference §1.4). */
export function cproAccountHeader(credentials: ICredentialDataDecryptedObject): string {
	return Buffer.from(`${credentials.login}:${credentials.password}`, 'utf8').toString('base64');
}

function statusOf(error: unknown): number | undefined {
	const status = (error as { response?: { status?: number } }).response?.status;
	return typeof status === 'number' ? status : undefined;
}

/** One client-credentials request to PISTE; its errors are rebuilt so that none carries the client secret. */
export async function mintToken(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	tokenUrl: string,
): Promise<{ token: string; expiresInSeconds?: number }> {
	let response: { access_token?: string; expires_in?: number };
	try {
		response = (await http.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: {
				grant_type: 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				scope: 'openid',
			},
			json: true,
		})) as { access_token?: string; expires_in?: number };
	} catch (error) {
		// Rebuild the error from scratch: the original one carries the request body, i.e. the client secret.
		const status = statusOf(error);
		const reason = (error as { response?: { data?: { error?: string } } }).response?.data?.error;
		if (status === 400 || status === 401) {
			throw new Error(secretsRefused(reason ?? `HTTP ${status}`));
		}
		throw new Error(
			`Could not obtain a PISTE token from ${tokenUrl}${status ? ` (HTTP ${status})` : ''}. Check the environment and the token URL.`,
		);
	}
	if (!response?.access_token) {
		throw new Error(`The PISTE token endpoint ${tokenUrl} answered without an access_token.`);
	}
	const expiresIn = Number(response.expires_in);
	return { token: response.access_token, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined };
}

/** `mintToken`, remembering on the request's credential object that its token is brand new. */
export async function mintTokenForRequest(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	tokenUrl: string,
): Promise<{ token: string; expiresInSeconds?: number }> {
	const minted = await mintToken(http, credentials, tokenUrl);
	mark(credentials, MINTED, minted.token);
	return minted;
}

/**
 * The test's real call, made by `preAuthentication` itself so that a refusal reaches the user in our words on
 * every n8n major (n8n 1.x shows its generic "Authorization failed" for a 401 of the test request): the
 * Transverses health check, with the fresh token and the typed technical account.
 */
export async function proveTechnicalAccount(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
	token: string,
): Promise<void> {
	const url = `${baseUrl}${apiPrefix('transverses', credentials)}/health-check`;
	try {
		await http.helpers.httpRequest({
			method: 'GET',
			url,
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, 'cpro-account': cproAccountHeader(credentials) },
			json: true,
		});
	} catch (error) {
		// Rebuilt from scratch too: the original error carries the request headers (token, cpro-account).
		const status = statusOf(error);
		if (status === 401) throw new Error(ACCOUNT_REFUSED);
		if (status === 403) throw new Error(TRANSVERSES_REFUSED);
		throw new Error(
			status
				? `Chorus Pro answered HTTP ${status} to the health check ${url}. Check the API base URL and the Transverses base path.`
				: `Could not reach Chorus Pro at ${url}. Check the environment and the API base URL.`,
		);
	}
	mark(credentials, PROOF, 'proven');
}
