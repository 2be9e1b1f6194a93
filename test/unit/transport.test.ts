import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiGroup } from '../../nodes/shared/apis';
import { RequestPace } from '../../nodes/shared/pace';
import { tokenApplication } from '../../nodes/shared/tokenFlight';
import { apiRequest, parseRetryAfter, RETRY_POLICY } from '../../nodes/shared/transport';

/**
 * Unit tests of the transport's policy with a scripted `httpRequestWithAuthentication` that behaves like
 * n8n-core's: with `ignoreHttpStatusErrors` + `returnFullResponse` it returns { statusCode, headers, body };
 * otherwise it throws on status >= 400. Network failures throw like n8n does (NodeApiError-like objects whose
 * `httpCode` is the network code); the thrown objects carry the secret headers, to prove nothing leaks.
 */

const SECRET_HEADERS = { Authorization: 'Bearer tok-SECRET', 'cpro-account': 'bG9naW46U0VDUkVU' };

type Step =
	| { status?: number; body?: unknown; headers?: Record<string, string> }
	| { network: string }
	| { cutAfterHeaders: string };

function networkFailure(code: string) {
	return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), {
		httpCode: code,
		config: { headers: SECRET_HEADERS },
	});
}

/** The credential's values, and the application its stored tokens were minted for (the same values). */
const VALUES = { environment: 'custom', tokenUrl: 'http://127.0.0.1:1/token', clientId: 'client', clientSecret: 'SECRET-1' };
const MINTED_FOR = tokenApplication(VALUES);

/**
 * `stored`: the access token the credential holds before the first request is sent, then after it (another
 * execution may replace it meanwhile); `values` the rest of the stored credential.
 */
function context(steps: Step[], stored: { before: string; after?: string } = { before: 'tok-SECRET' }, values: IDataObject = VALUES) {
	const calls: IDataObject[] = [];
	const tokensSent: unknown[] = [];
	const fn = {
		getNode: () => ({ name: 'Chorus Pro', type: 'test', typeVersion: 1, position: [0, 0], parameters: {}, id: 'n' }),
		getCredentials: async () => ({
			...values,
			accessToken: calls.length > 0 ? (stored.after ?? stored.before) : stored.before,
			tokenApplication: MINTED_FOR,
		}),
		helpers: {
			httpRequestWithAuthentication: jest.fn(async (_type: string, options: IDataObject, extra?: { credentialsDecrypted?: { data?: IDataObject } }) => {
				calls.push(options);
				tokensSent.push(extra?.credentialsDecrypted?.data?.accessToken);
				const step = steps.shift();
				if (!step) throw new Error('unexpected request');
				if ('network' in step) throw networkFailure(step.network);
				// What n8n throws when the connection breaks after a 200's headers: the status that arrived, and the
				// network error (or axios' words for it) in the message.
				if ('cutAfterHeaders' in step) {
					throw Object.assign(new Error(step.cutAfterHeaders), { httpCode: '200', config: { headers: SECRET_HEADERS } });
				}
				const status = step.status ?? 200;
				if (options.ignoreHttpStatusErrors) return { statusCode: status, headers: step.headers ?? {}, body: step.body };
				if (status >= 400) throw Object.assign(new Error(`Request failed with status code ${status}`), { httpCode: String(status), config: { headers: SECRET_HEADERS } });
				return step.body;
			}),
		},
	} as unknown as IExecuteFunctions;
	return { fn, calls, tokensSent };
}

const read = { api: 'factures' as ApiGroup, method: 'POST' as const, path: '/rechercher/fournisseur', body: {}, mutates: false };
const write = { api: 'factures' as const, method: 'POST' as const, path: '/soumettre', body: {}, mutates: true, howToCheck: 'search it' };

function noSecret(error: unknown) {
	const text = JSON.stringify(error) + String((error as Error).message) + String((error as NodeApiError).description);
	expect(text).not.toMatch(/SECRET|bG9naW46/);
}

beforeAll(() => {
	// Keep the unit test fast: the policy's delays are asserted through Retry-After values, not waited for long.
	(RETRY_POLICY as { baseDelayMs: number }).baseDelayMs = 1;
});

describe('transport', () => {
	it('sends JSON with the Swagger content type to the API prefix', async () => {
		const { fn, calls } = context([{ body: { codeRetour: 0, libelle: 'TRA_MSG_00.000', x: 1 } }]);
		await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ x: 1 });
		expect(calls[0]).toMatchObject({
			method: 'POST',
			url: '/cpro/factures/v1/rechercher/fournisseur',
			json: true,
			headers: { 'Content-Type': 'application/json;charset=utf-8', Accept: 'application/json;charset=utf-8' },
		});
	});

	it('sends plain application/json to every API whose Swagger does not declare another content type', async () => {
		// Only the Factures and Structures Swaggers declare application/json;charset=utf-8 (consumes / produces).
		const expected: Record<string, string> = {
			factures: 'application/json;charset=utf-8',
			structures: 'application/json;charset=utf-8',
			transverses: 'application/json',
			facturesTravaux: 'application/json',
			utilisateurs: 'application/json',
			engagements: 'application/json',
			organisations: 'application/json',
			g2bAnnuaire: 'application/json',
			g2bFactures: 'application/json',
		};
		for (const [api, type] of Object.entries(expected)) {
			const { fn, calls } = context([{ body: { codeRetour: 0, libelle: 'TRA_MSG_00.000' } }]);
			await apiRequest.call(fn, { ...read, api: api as ApiGroup });
			expect([api, (calls[0].headers as IDataObject)['Content-Type'], (calls[0].headers as IDataObject).Accept]).toEqual([api, type, type]);
		}
	});

	it('turns codeRetour != 0 on HTTP 200 into a NodeApiError with the libelle', async () => {
		const { fn } = context([{ body: { codeRetour: 20002, libelle: 'Incohérence au niveau du statut' } }]);
		const error = await apiRequest.call(fn, read).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('Incohérence au niveau du statut');
		expect(error.message).toContain('20002');
	});

	it('treats the operation\'s "no result" codes as an empty answer', async () => {
		const { fn } = context([{ body: { codeRetour: 20000, libelle: 'TRA_MSG_00.015' } }]);
		await expect(apiRequest.call(fn, { ...read, noResultCodes: [20000] })).resolves.toMatchObject({ noResult: true });
	});

	it('retries a read on 503 and 429, honouring Retry-After, then succeeds', async () => {
		const { fn, calls } = context([
			{ status: 503, body: '' },
			{ status: 429, body: '', headers: { 'Retry-After': '0' } },
			{ body: { codeRetour: 0, ok: true } },
		]);
		await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ ok: true });
		expect(calls).toHaveLength(3);
	});

	it('bounds the retries of a read', async () => {
		const steps = Array.from({ length: 10 }, () => ({ status: 502, body: '<html>Bad gateway</html>' }));
		const { fn, calls } = context(steps);
		const error = await apiRequest.call(fn, read).catch((e) => e);
		expect(calls).toHaveLength(RETRY_POLICY.maxAttempts);
		expect(error.httpCode).toBe('502');
		noSecret(error);
	});

	it('does not retry a Retry-After longer than the total wait budget', async () => {
		const { fn, calls } = context([{ status: 429, headers: { 'retry-after': '3600' } }]);
		await expect(apiRequest.call(fn, read)).rejects.toThrow(/429/);
		expect(calls).toHaveLength(1);
	});

	it('never re-sends a submission after a 503 and says its fate is unknown', async () => {
		const { fn, calls } = context([{ status: 503 }, { body: { codeRetour: 0 } }]);
		const error = await apiRequest.call(fn, write).catch((e) => e);
		expect(calls).toHaveLength(1);
		expect(error.message).toMatch(/may or may not have been taken into account/);
		expect(error.message).toMatch(/NOT sent again/);
		expect(error.description).toContain('search it');
		noSecret(error);
	});

	it('never re-sends a submission after a timeout or a broken body', async () => {
		for (const step of [{ network: 'ECONNABORTED' } as Step, { body: '<html>Bad gateway</html>' }]) {
			const { fn, calls } = context([step, { body: { codeRetour: 0 } }]);
			await expect(apiRequest.call(fn, write)).rejects.toThrow(/may or may not/);
			expect(calls).toHaveLength(1);
		}
	});

	it('says a 429 on a submission filed nothing', async () => {
		const { fn, calls } = context([{ status: 429 }]);
		await expect(apiRequest.call(fn, write)).rejects.toThrow(/nothing was filed/);
		expect(calls).toHaveLength(1);
	});

	it('retries a read whose body is HTML or truncated JSON', async () => {
		const { fn, calls } = context([{ body: '{"codeRetour":0,"liste' }, { body: { codeRetour: 0, ok: 1 } }]);
		await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ ok: 1 });
		expect(calls).toHaveLength(2);
	});

	it.each([
		[401, /technical account/],
		[403, /Subscribe the "Factures" API/],
		[413, /too large/],
	])('explains HTTP %s in plain words', async (status, hint) => {
		const { fn } = context([{ status: status as number, body: { codeRetour: 1, libelle: 'x' } }, { status: status as number }]);
		const error = await apiRequest.call(fn, { ...read, sizeLimit: '10 MB per PDF' }).catch((e) => e);
		expect(error.description).toMatch(hint);
		expect(error.httpCode).toBe(String(status));
		noSecret(error);
	});

	it('retries a read after a dropped connection', async () => {
		const { fn, calls } = context([{ network: 'ECONNRESET' }, { body: { codeRetour: 0, ok: 2 } }]);
		await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ ok: 2 });
		expect(calls).toHaveLength(2);
	});

	it.each(['read ECONNRESET', 'stream has been aborted'])('retries a read whose connection broke after the headers (HTTP 200, "%s")', async (message) => {
		const { fn, calls } = context([{ cutAfterHeaders: message }, { body: { codeRetour: 0, ok: 4 } }]);
		await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ ok: 4 });
		expect(calls).toHaveLength(2);
	});

	it('never re-sends a submission whose connection broke after the headers, and says its fate is unknown', async () => {
		const { fn, calls } = context([{ cutAfterHeaders: 'read ECONNRESET' }, { body: { codeRetour: 0 } }]);
		const error = await apiRequest.call(fn, write).catch((e) => e);
		expect(calls).toHaveLength(1);
		expect(error.message).toMatch(/may or may not have been taken into account/);
		noSecret(error);
	});

	it('after a 401 sends once more with the token field emptied, so n8n mints a token instead of re-sending the refused one', async () => {
		const { fn, calls, tokensSent } = context([{ status: 401 }, { body: { codeRetour: 0, ok: 3 } }]);
		await expect(apiRequest.call(fn, write)).resolves.toMatchObject({ ok: 3 });
		expect(tokensSent).toEqual(['tok-SECRET', '']);
		// A second 401 is reported, not handed to n8n's own refresh (which would mint again and re-send).
		expect(calls.map((call) => call.ignoreHttpStatusErrors)).toEqual([true, true]);
	});

	it('after a 401 uses the token another execution stored meanwhile, without minting', async () => {
		const { fn, tokensSent } = context([{ status: 401 }, { body: { codeRetour: 0, ok: 4 } }], { before: 'tok-old', after: 'tok-new' });
		await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ ok: 4 });
		expect(tokensSent).toEqual(['tok-old', 'tok-new']);
	});

	it('does not send a token minted with other values: the credential was edited since (secret, client ID, environment)', async () => {
		for (const edited of [{ clientSecret: 'SECRET-2' }, { clientId: 'other-client' }, { environment: 'production' }, { tokenUrl: 'http://127.0.0.1:2/token' }]) {
			const { fn, tokensSent } = context([{ body: { codeRetour: 0, ok: 5 } }], { before: 'tok-old' }, { ...VALUES, ...edited });
			await expect(apiRequest.call(fn, read)).resolves.toMatchObject({ ok: 5 });
			// An empty token field: n8n calls preAuthentication, which mints with the values saved now.
			expect({ edited, tokensSent }).toEqual({ edited, tokensSent: [''] });
		}
		// The same values (and the technical account, which is no part of the PISTE token): the token is reused.
		const { fn, tokensSent } = context([{ body: { codeRetour: 0, ok: 6 } }], { before: 'tok-old' }, { ...VALUES, login: 'other', password: 'x' });
		await apiRequest.call(fn, read);
		expect(tokensSent).toEqual(['tok-old']);
	});

	it('reports a 401 that persists after one new token, without a third request', async () => {
		const { fn, calls } = context([{ status: 401 }, { status: 401 }]);
		const error = await apiRequest.call(fn, read).catch((e) => e);
		expect(error.httpCode).toBe('401');
		expect(calls).toHaveLength(2);
		noSecret(error);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('5')).toBe(5);
		expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8);
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

describe('request pace of one execution', () => {
	it('sends the first request alone, then the others together', async () => {
		const pace = new RequestPace();
		const log: string[] = [];
		let answerFirst!: () => void;
		const first = pace.send(async () => {
			log.push('first sent');
			await new Promise<void>((resolve) => (answerFirst = resolve));
			log.push('first answered');
		});
		const others = [1, 2].map(async (n) => await pace.send(async () => void log.push(`other ${n} sent`)));
		await new Promise((resolve) => setImmediate(resolve));
		expect(log).toEqual(['first sent']);
		answerFirst();
		await Promise.all([first, ...others]);
		expect(log).toEqual(['first sent', 'first answered', 'other 1 sent', 'other 2 sent']);
	});

	it('holds every later request of the execution back after a 429, not only the refused one', async () => {
		const pace = new RequestPace();
		await pace.send(async () => undefined);
		const heldAt = Date.now();
		pace.hold(80);
		const sentAfter = await pace.send(async () => Date.now() - heldAt);
		expect(sentAfter).toBeGreaterThanOrEqual(70);
	});

	it('holds the batch in the transport when a read gets a 429', async () => {
		const pace = new RequestPace();
		const { fn, calls } = context([{ status: 429, headers: { 'Retry-After': '1' } }, { body: { codeRetour: 0, ok: 1 } }]);
		// Measured from before the refused request starts, so a slow machine cannot shorten the observed hold.
		const startedAt = Date.now();
		const refused = apiRequest.call(fn, { ...read, pace });
		while (calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		// A sibling request of the same execution, started while the refused one waits for its Retry-After.
		const siblingRanAfter = await pace.send(async () => Date.now() - startedAt);
		expect(siblingRanAfter).toBeGreaterThanOrEqual(950);
		await expect(refused).resolves.toMatchObject({ ok: 1 });
	});
});
