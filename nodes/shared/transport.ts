import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ICredentialsDecrypted,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { apiInfo, apiPrefix, PLAIN_JSON, type ApiGroup } from './apis';
import { jsonBody } from './jsonBody';
import {
	businessError,
	httpError,
	rateLimitedWriteError,
	unknownOutcomeError,
	type ErrorContext,
	type FailedExchange,
} from './errors';
import type { RequestPace } from './pace';
import { refusedToken, tokenApplication } from './tokenFlight';

export const CREDENTIAL_TYPE = 'chorusProApi';

/** Every n8n context our nodes make requests from. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;


export interface ApiRequest {
	api: ApiGroup;
	method: IHttpRequestMethods;
	/** Path under the API prefix, starting with `/`. */
	path: string;
	body?: IDataObject | IDataObject[];
	/** A body already encoded (multipart/form-data), sent as is with its content type instead of `body`. */
	encodedBody?: { data: Buffer; contentType: string };
	qs?: IDataObject;
	/**
	 * True when the request creates or changes something (soumettre, déposer, traiter, compléter…). Such a
	 * request is never re-sent after an answer that leaves its fate unknown.
	 */
	mutates: boolean;
	/** `codeRetour` values meaning "no result" for this operation (docs/api-notes.md §2.2): an empty answer, not an error. */
	noResultCodes?: readonly number[];
	/**
	 * `error` names of a plain API's HTTP 400 array that mean "nothing there" for this request (the Référentiel des
	 * Organisations answers an empty attachment list with `[{"error":"NotFoundReference",…}]`): an empty answer.
	 */
	noResultErrors?: readonly string[];
	/** Shown on HTTP 413, e.g. "10 MB per PDF". */
	sizeLimit?: string;
	/** For mutating requests: how the user can check whether it went through. */
	howToCheck?: string;
	timeoutMs?: number;
	/** Shared by the requests of one execution: a 429 holds all of them back (pace.ts). */
	pace?: RequestPace;
}

/** Bounded retry for reads: at most 4 attempts and 60 s of waiting in all. */
export const RETRY_POLICY = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxTotalWaitMs: 60_000,
	retryStatuses: [429, 502, 503, 504] as readonly number[],
	retryNetworkCodes: ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN'] as readonly string[],
};

const DEFAULT_TIMEOUT_MS = 120_000;

function header(headers: unknown, name: string): string | undefined {
	if (!headers || typeof headers !== 'object') return undefined;
	const found = Object.entries(headers as Record<string, unknown>).find(
		([key]) => key.toLowerCase() === name,
	);
	return found ? String(found[1]) : undefined;
}

/** Retry-After as seconds or an HTTP date (RFC 9110). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

const NETWORK_CODE = /\b(ECONNRESET|ETIMEDOUT|ECONNABORTED|EPIPE|ECONNREFUSED|EAI_AGAIN|ENOTFOUND)\b/;
/** How n8n-core's HTTP client library (in n8n 1.12x and 2.41) words a body whose connection broke while it streamed in. */
const BODY_ABORTED = /stream has been aborted/i;

/**
 * What n8n threw when no usable answer came back. n8n-workflow's NodeApiError keeps neither the HTTP client's response
 * nor the request (good: the request holds secrets), only `httpCode`, the messages and, for JSON bodies,
 * `context.data`; network failures show their code in `httpCode` or in the messages.
 */
export function exchangeOf(error: unknown): FailedExchange & { message?: string } {
	const err = error as {
		httpCode?: string | null;
		code?: string;
		message?: string;
		messages?: string[];
		context?: { data?: unknown };
		response?: { status?: number; data?: unknown; headers?: unknown };
	};
	const httpCode = err.httpCode ?? undefined;
	const status = err.response?.status ?? (httpCode && /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined);
	const texts = [httpCode, err.code, err.message, ...(err.messages ?? [])].filter(Boolean).join(' ');
	// The connection broke after the answer's headers: n8n reports the status that arrived (200) with the network
	// code or the client's "aborted" words. The answer is lost like in any network failure (the status says nothing).
	const code = NETWORK_CODE.exec(texts)?.[1];
	if (status !== undefined && status < 300 && (code !== undefined || BODY_ABORTED.test(texts))) {
		return { status: undefined, body: undefined, networkCode: code ?? 'ECONNRESET', message: err.message };
	}
	return {
		status,
		body: err.response?.data ?? err.context?.data,
		retryAfterSeconds: parseRetryAfter(header(err.response?.headers, 'retry-after')),
		networkCode: status === undefined ? code : undefined,
		message: err.message,
	};
}

interface FullResponse {
	statusCode: number;
	headers: unknown;
	body: unknown;
}

/**
 * The stored credential, handed to n8n with the request so that we know which token it sent. A token minted with
 * other values (the credential was edited since: another client ID, secret or environment, or saved by a version
 * without `tokenApplication`) is left out, so n8n asks preAuthentication for one minted with the values saved now;
 * otherwise a wrong new secret would go unnoticed until the old token expires.
 */
async function storedCredential(ctx: RequestContext): Promise<ICredentialsDecrypted> {
	// A copy: n8n writes the token it used into this object.
	const data = { ...(await ctx.getCredentials(CREDENTIAL_TYPE)) };
	if (data.accessToken && data.tokenApplication !== tokenApplication(data)) data.accessToken = '';
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	return { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data };
}

/**
 * One HTTP exchange through the credential, status errors read from the full response (so Retry-After and the
 * body stay available). n8n refreshes a token only when a request throws a 401, and its first try sends the
 * stored token again: an expired token would be refused twice. So on a 401 we re-send once ourselves: with the
 * token stored now if another execution already replaced the refused one, else with the token field emptied,
 * which makes n8n call the credential's preAuthentication (one shared token request per process) and store the
 * new token. A 401 means the gateway refused the request, so re-sending it cannot file anything twice.
 */
async function send(ctx: RequestContext, options: IHttpRequestOptions): Promise<FullResponse> {
	const exchange = async (credentialsDecrypted: ICredentialsDecrypted) =>
		(await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			{ ...options, ignoreHttpStatusErrors: true, returnFullResponse: true },
			{ credentialsDecrypted },
		)) as FullResponse;
	const credentials = await storedCredential(ctx);
	const full = await exchange(credentials);
	if (full.statusCode !== 401) return full;
	const refused = credentials.data?.accessToken;
	const now = await storedCredential(ctx);
	if (now.data && now.data.accessToken === refused) {
		refusedToken(refused);
		now.data.accessToken = '';
	}
	return await exchange(now);
}

function isRetryable(exchange: FailedExchange): boolean {
	if (exchange.status !== undefined) return RETRY_POLICY.retryStatuses.includes(exchange.status);
	return exchange.networkCode !== undefined && RETRY_POLICY.retryNetworkCodes.includes(exchange.networkCode);
}

function backoffMs(attempt: number, exchange: FailedExchange): number {
	const fromHeader = exchange.retryAfterSeconds;
	const wait = fromHeader !== undefined ? fromHeader * 1000 : RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(wait, RETRY_POLICY.maxDelayMs);
}

/** Whether a 400 body `[{ error, message }]` carries one of `names`. */
function namesAnError(body: unknown, names: readonly string[] | undefined): boolean {
	if (!names?.length || !Array.isArray(body)) return false;
	return body.some((entry) => names.includes(String((entry as IDataObject | null)?.error)));
}

function isJsonObject(body: unknown): body is IDataObject | IDataObject[] {
	return body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
}

/**
 * The one way our nodes talk to Chorus Pro: authentication through the credential (n8n mints and refreshes the
 * PISTE token), the API prefix table, bounded retries for reads, the `codeRetour` check, and secret-free errors.
 */
export async function apiRequest(
	this: RequestContext,
	request: ApiRequest,
	itemIndex?: number,
): Promise<IDataObject> {
	const info = apiInfo(request.api);
	// Every API's base path may be overridden in the credential.
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const path = `${apiPrefix(request.api, credentials)}${request.path}`;
	const context: ErrorContext = {
		node: this.getNode(),
		api: request.api,
		path,
		itemIndex,
		sizeLimit: request.sizeLimit,
	};
	const options: IHttpRequestOptions = {
		method: request.method,
		url: path,
		headers: { Accept: info.contentType ?? PLAIN_JSON },
		json: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	if (request.qs) options.qs = request.qs;
	if (request.encodedBody) {
		options.headers = { ...options.headers, 'Content-Type': request.encodedBody.contentType };
		options.body = request.encodedBody.data;
	} else if (request.method !== 'GET') {
		options.headers = { ...options.headers, 'Content-Type': info.contentType ?? PLAIN_JSON };
		// Serialised here, not by n8n's HTTP client: n8n drops an empty object body (Chorus Pro wants `{}` for operations
		// without input, docs/api-notes.md §5), and large files are spliced in without an extra copy (jsonBody.ts).
		options.body = jsonBody(request.body ?? {});
	}

	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		let body: unknown;
		let exchange: FailedExchange | undefined;
		try {
			const response = request.pace
				? await request.pace.send(async () => await send(this, options))
				: await send(this, options);
			body = response.body;
			if (response.statusCode >= 300) {
				exchange = {
					status: response.statusCode,
					body: response.body,
					retryAfterSeconds: parseRetryAfter(header(response.headers, 'retry-after')),
				};
			}
		} catch (error) {
			exchange = exchangeOf(error);
			if (exchange.status === undefined && exchange.networkCode === undefined) {
				// Not an HTTP exchange: the token could not be obtained (preAuthentication) or n8n refused the
				// request. Those messages are ours or n8n's and carry no secret.
				throw new NodeApiError(
					context.node,
					{ path },
					{ message: (exchange as { message?: string }).message ?? 'Request failed', itemIndex },
				);
			}
		}
		if (exchange) {
			if (exchange.status === 400 && namesAnError(exchange.body, request.noResultErrors)) return { noResult: true };
			if (request.mutates) {
				if (exchange.status === 429) throw rateLimitedWriteError(context);
				// Refused before it was sent, or a definite answer: the fate is known.
				const definite =
					exchange.networkCode === 'ECONNREFUSED' ||
					(exchange.status !== undefined && exchange.status < 500);
				if (definite) throw httpError(exchange, context);
				throw unknownOutcomeError(exchange, context, request.howToCheck ?? 'search for it in Chorus Pro.');
			}
			const wait = backoffMs(attempt, exchange);
			// A Retry-After longer than we are willing to wait for one attempt: fail now with the hint.
			const tooLong = (exchange.retryAfterSeconds ?? 0) * 1000 > RETRY_POLICY.maxDelayMs;
			if (
				isRetryable(exchange) &&
				!tooLong &&
				attempt < RETRY_POLICY.maxAttempts &&
				waitedMs + wait <= RETRY_POLICY.maxTotalWaitMs
			) {
				waitedMs += wait;
				// The quota is the execution's, not this request's: its siblings wait too.
				if (exchange.status === 429) request.pace?.hold(wait);
				await sleep(wait);
				continue;
			}
			throw httpError(exchange, context);
		}

		if (!isJsonObject(body)) {
			if (info.envelope === 'plain' && (body === '' || body === undefined)) return {};
			// HTML error pages, truncated JSON: the gateway or the back-end broke the answer.
			const exchange: FailedExchange = { status: 200, body: typeof body === 'string' ? body.slice(0, 200) : undefined };
			if (request.mutates) {
				throw unknownOutcomeError(exchange, context, request.howToCheck ?? 'search for it in Chorus Pro.');
			}
			if (attempt < RETRY_POLICY.maxAttempts) {
				const wait = backoffMs(attempt, {});
				waitedMs += wait;
				await sleep(wait);
				continue;
			}
			throw httpError({ ...exchange, body: 'the answer is not valid JSON' }, context);
		}
		if (Array.isArray(body)) return { items: body } as IDataObject;

		const codeRetour = body.codeRetour;
		if (info.envelope === 'cpro' && typeof codeRetour === 'number' && codeRetour !== 0) {
			if (request.noResultCodes?.includes(codeRetour)) return { ...body, noResult: true };
			throw businessError(codeRetour, String(body.libelle ?? ''), context);
		}
		return body;
	}
}
