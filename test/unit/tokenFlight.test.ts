/**
 * The per-process token single flight when several processes share one credential (n8n queue mode): a token
 * refused that another worker minted must not make this worker hand out the token it minted itself before the
 * gateway expired them all; a token this process saw refused already changes nothing the second time.
 */
import { forgetMintedTokens, refusedToken, sharedToken } from '../../nodes/shared/tokenFlight';

const KEY = 'application';

function minter(...tokens: string[]) {
	const calls: string[] = [];
	const mint = async () => {
		const token = tokens[calls.length];
		calls.push(token);
		return { token, expiresInSeconds: 3600 };
	};
	return { mint, calls };
}

describe('token single flight across processes', () => {
	beforeEach(forgetMintedTokens);

	it("mints a new token when the token refused was another worker's, instead of its own older one", async () => {
		const { mint, calls } = minter('ours-cold', 'ours-after-expiry');
		expect(await sharedToken(KEY, undefined, mint)).toBe('ours-cold');
		// the credential held the other worker's token; the gateway refused it (every token expired)
		refusedToken('theirs-cold');
		expect(await sharedToken(KEY, undefined, mint)).toBe('ours-after-expiry');
		expect(calls).toEqual(['ours-cold', 'ours-after-expiry']);
	});

	it('still mints once per expiry in one process: a caller refused with the same token reuses the new one', async () => {
		const { mint, calls } = minter('first', 'second', 'third');
		expect(await sharedToken(KEY, undefined, mint)).toBe('first');
		refusedToken('first');
		expect(await sharedToken(KEY, undefined, mint)).toBe('second');
		// a caller that read `first` before `second` was saved is refused with it too
		refusedToken('first');
		expect(await sharedToken(KEY, undefined, mint)).toBe('second');
		expect(calls).toEqual(['first', 'second']);
	});
});
