import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { cproAccountHeader, resolveUrls } from '../../credentials/ChorusProApi.credentials';
import { describeNetwork } from './errors';

/**
 * The credential test ("Test" / "Retry" in the credential form) proves the secrets typed in the form: a fresh PISTE
 * token from the client ID and secret, then a real Chorus Pro call with that token and the technical account.
 *
 * Why a node-level test rather than the credential's `test` request: n8n runs a `test` request through the
 * credential's preAuthentication, which keeps the stored token while it is set, so an edited credential with a
 * wrong secret would still pass; and n8n 1.x reports a refused technical account with its own generic sentence.
 * Every node names this function in `credentials[].testedBy`.
 */

const HEALTH_CHECK = '/cpro/transverses/v1/health-check';

interface Answer {
	statusCode: number;
	body: unknown;
}

/** One request that answers with its status instead of throwing on HTTP errors (the error would carry the secret). */
async function call(fn: ICredentialTestFunctions, options: Record<string, unknown>): Promise<Answer | string> {
	try {
		return (await fn.helpers.request({ ...options, json: true, simple: false, resolveWithFullResponse: true })) as Answer;
	} catch (error) {
		return describeNetwork((error as { code?: string }).code);
	}
}

/** PISTE's token for the typed client ID and secret, or the sentence that says why there is none. */
async function freshToken(
	fn: ICredentialTestFunctions,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ token: string } | { problem: string }> {
	const { tokenUrl } = resolveUrls(credentials);
	const answer = await call(fn, {
		method: 'POST',
		uri: tokenUrl,
		form: {
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
			scope: 'openid',
		},
	});
	if (typeof answer === 'string') {
		return { problem: `Could not reach the PISTE token URL ${tokenUrl} (${answer}). Check the environment and the token URL.` };
	}
	const body = (answer.body ?? {}) as { access_token?: unknown; error?: unknown };
	if (answer.statusCode === 400 || answer.statusCode === 401) {
		const reason = typeof body.error === 'string' ? body.error : `HTTP ${answer.statusCode}`;
		return {
			problem: `PISTE refused the client ID / client secret (${reason}). Check the OAuth credentials of your PISTE application and that it exists in the chosen environment.`,
		};
	}
	if (answer.statusCode !== 200 || typeof body.access_token !== 'string' || !body.access_token) {
		return { problem: `The PISTE token URL ${tokenUrl} answered HTTP ${answer.statusCode} without a token. Check the environment and the token URL.` };
	}
	return { token: body.access_token };
}

/** The outcome of the real call, in the words a user can act on. */
function healthCheckResult(answer: Answer | string, baseUrl: string): INodeCredentialTestResult {
	if (typeof answer === 'string') {
		return { status: 'Error', message: `PISTE issued a token, but ${baseUrl} could not be reached (${answer}). Check the API base URL.` };
	}
	switch (answer.statusCode) {
		case 200:
			return {
				status: 'OK',
				message: 'Connection tested successfully: PISTE issued a token for this client ID and secret, and Chorus Pro accepted the technical account',
			};
		case 401:
			return {
				status: 'Error',
				message:
					'The PISTE token is valid but Chorus Pro refused the technical account: check its login and password, and whether the password expired',
			};
		case 403:
			return {
				status: 'Error',
				message:
					'Access refused: subscribe the Chorus Pro "Transverses" API in your PISTE application (and connect the application to the technical account in Chorus Pro)',
			};
		default:
			return { status: 'Error', message: `Chorus Pro answered HTTP ${answer.statusCode} to the connection test (${HEALTH_CHECK}). Try again later.` };
	}
}

export async function chorusProApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = credential.data ?? {};
	const minted = await freshToken(this, credentials);
	if ('problem' in minted) return { status: 'Error', message: minted.problem };
	const { baseUrl } = resolveUrls(credentials);
	const answer = await call(this, {
		method: 'GET',
		uri: `${baseUrl}${HEALTH_CHECK}`,
		headers: {
			Accept: 'application/json;charset=utf-8',
			Authorization: `Bearer ${minted.token}`,
			'cpro-account': cproAccountHeader(credentials),
		},
	});
	return healthCheckResult(answer, baseUrl);
}

/** Every Chorus Pro node's `methods.credentialTest` (its `credentials` entry says `testedBy: 'chorusProApiTest'`). */
export const chorusProCredentialTest = { chorusProApiTest };
