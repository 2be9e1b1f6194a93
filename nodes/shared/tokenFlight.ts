import { createHash } from 'crypto';

/**
 * The one module-level state of the package (design.md): a per-process single flight of PISTE token requests.
 * The stored credential stays the source of truth for the token; this only stops one process from asking PISTE
 * for several tokens at once. Concurrent callers for the same PISTE application share one token request, and a
 * token this process obtained moments ago is handed out again instead of minting another: callers that read the
 * expired token from the credential just before the new one was saved then need no token of their own.
 *
 * Entries are keyed by a SHA-256 of the token URL, client id and client secret, so no secret is kept in clear
 * as a key; a token is dropped from memory at the first call after its reuse window.
 */

/** How long a token minted by this process is handed out again to callers that need a token. */
export const REUSE_WINDOW_MS = 30_000;

interface Minted {
	token: string;
	at: number;
	/** When PISTE says the token stops working (expires_in), in ms since the epoch. */
	expiresAt: number;
}

const inFlight = new Map<string, Promise<Minted>>();
const recent = new Map<string, Minted>();

export function applicationKey(tokenUrl: string, clientId: unknown, clientSecret: unknown): string {
	return createHash('sha256').update(`${tokenUrl}\n${String(clientId)}\n${String(clientSecret)}`).digest('hex');
}

/**
 * The PISTE application a credential's values name (environment, token URL, client ID and secret), as a hash.
 * The credential saves it beside the token it mints (`tokenApplication`): once the credential is edited to
 * another application, environment or secret, the stored token no longer matches and is not reused.
 */
export function tokenApplication(credentials: { [key: string]: unknown }): string {
	const where = `${String(credentials.environment ?? 'sandbox')} ${String(credentials.tokenUrl ?? '')}`;
	return applicationKey(where, credentials.clientId, credentials.clientSecret);
}

/**
 * A token for the application `key`: the one being requested right now, else one minted in the last moments
 * (unless it is `refused`, the token the caller was just refused with, or the caller needs a `fresh` one: the
 * credential test proves the client ID and secret by a token request of its own), else a new one from `mint`.
 */
export async function sharedToken(
	key: string,
	refused: string | undefined,
	mint: () => Promise<{ token: string; expiresInSeconds?: number }>,
	{ fresh = false }: { fresh?: boolean } = {},
): Promise<string> {
	const pending = inFlight.get(key);
	if (pending) return (await pending).token;
	const now = Date.now();
	for (const [other, minted] of recent) {
		if (now - minted.at >= REUSE_WINDOW_MS || now >= minted.expiresAt) recent.delete(other);
	}
	const last = recent.get(key);
	if (last && last.token !== refused && !fresh) return last.token;

	const request = mint().then(({ token, expiresInSeconds }) => {
		const at = Date.now();
		const minted = { token, at, expiresAt: at + (expiresInSeconds ?? 3600) * 1000 };
		recent.set(key, minted);
		return minted;
	});
	inFlight.set(key, request);
	try {
		return (await request).token;
	} finally {
		inFlight.delete(key);
	}
}

/** Tokens refused lately (token → when), so a second caller refused with the same one is recognised. */
const refusals = new Map<string, number>();

/**
 * The gateway refused `token`: never hand it out again (the next caller mints a new one). A refused token this
 * process neither minted nor saw refused before was minted elsewhere (another queue-mode worker, or before this
 * process started): the gateway expired tokens, so every token this process minted until now is dropped too,
 * or it would hand out its own expired one.
 */
export function refusedToken(token: unknown): void {
	const now = Date.now();
	for (const [other, at] of refusals) if (now - at >= REUSE_WINDOW_MS) refusals.delete(other);
	if (typeof token !== 'string' || refusals.has(token)) return;
	refusals.set(token, now);
	const ours = [...recent.values()].some((minted) => minted.token === token);
	for (const [key, minted] of recent) if (!ours || minted.token === token) recent.delete(key);
}

/** Forgets every token this process minted (tests and the bench start each measure from a cold process). */
export function forgetMintedTokens(): void {
	recent.clear();
	refusals.clear();
}
