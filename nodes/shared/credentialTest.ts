import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The proof the credential's Test gives of the values typed in its form.
 *
 * n8n runs a credential test as one request through `authenticate`, with the saved token restored into the
 * typed values: neither n8n 1.123 nor 2.41 calls `preAuthentication` for it while a token is stored (seen in
 * both; their CredentialsHelper means to, but it looks for a test node of type `n8n-nodes-base.noOp` and the
 * lazily loaded NoOp node is named `noOp`). So the test request carries
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

/** Remembers on the request's credential object that its token was minted during this request. */
export function markMinted(credentials: ICredentialDataDecryptedObject, token: string): void {
	mark(credentials, MINTED, token);
}

/** The technical account answered the test's call: the test request may go. */
export function markProven(credentials: ICredentialDataDecryptedObject): void {
	mark(credentials, PROOF, 'proven');
}
