import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { apiInfo, basePathSetting, type ApiGroup } from './apis';

/** What we keep of a failed HTTP exchange: never headers or request bodies, which hold secrets. */
export interface FailedExchange {
	status?: number;
	/** Network error code (ECONNRESET, ETIMEDOUT…) when no HTTP answer arrived. */
	networkCode?: string;
	body?: unknown;
	retryAfterSeconds?: number;
}

export interface ErrorContext {
	node: INode;
	api: ApiGroup;
	path: string;
	itemIndex?: number;
	/** Human limit shown on 413, e.g. "10 MB per PDF". */
	sizeLimit?: string;
}

function bodyField(body: unknown, key: string): unknown {
	return body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
}

/** Short, secret-free text of an error body (RFC 7807 `detail`/`title`, organisations `Description`…). */
export function describeBody(body: unknown): string | undefined {
	// The Référentiel des Organisations answers 400 with an array of errors (docs/api-notes.md §9): describe the first.
	if (Array.isArray(body)) return body.length ? describeBody(body[0]) : undefined;
	for (const key of ['libelle', 'detail', 'title', 'titre', 'Description', 'message', 'error_description', 'error']) {
		const value = bodyField(body, key);
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	if (typeof body === 'string' && body.trim() && !/^\s*</.test(body)) return body.trim().slice(0, 200);
	return undefined;
}

/**
 * Words for network failures. The raw codes (ECONNRESET…) stay out of messages: n8n replaces any message that
 * contains one with a generic sentence, which would hide whether a submission may have been filed.
 */
export function describeNetwork(code: string | undefined): string {
	switch (code) {
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
			return 'no answer in time (timeout)';
		case 'ECONNRESET':
		case 'EPIPE':
			return 'a dropped connection';
		case 'ECONNREFUSED':
			return 'a refused connection (server unreachable)';
		case 'EAI_AGAIN':
		case 'ENOTFOUND':
			return 'an unknown host name';
		default:
			return 'a network failure';
	}
}

function hintFor(status: number | undefined, context: ErrorContext): string {
	const { pisteName } = apiInfo(context.api);
	switch (status) {
		case 400:
			return 'Chorus Pro could not read the request (a field has a wrong type or format). Check the values of the node parameters.';
		case 401:
			return 'Authentication failed. Check the technical account login and password in the credential, and whether the password expired (renew it in the Chorus Pro portal; a new technical account only works about 30 minutes after its creation).';
		case 403:
			return `Access refused. Subscribe the "${pisteName}" API in your PISTE application (piste.gouv.fr → Applications → your application → APIs), and check that the technical account's structure may use it.`;
		case 404:
			// Every API's base path can be overridden (some prefixes are not published yet): say where, for this one.
			return `This path is unknown to the server (API not found). If your PISTE subscription shows another base path for the "${pisteName}" API, type it in ${basePathSetting(context.api)}.`;
		case 413:
			return `The file is too large for Chorus Pro${context.sizeLimit ? ` (limit: ${context.sizeLimit})` : ''}. Split it or reduce its size.`;
		case 415:
			return 'Chorus Pro refused the content type of the request.';
		case 429:
			return 'PISTE rate limit reached (quota of your PISTE application). Wait a little and run again, or space out the calls.';
		case 500:
			return 'Chorus Pro had an internal error. A badly formatted date or amount can cause this; otherwise try again later.';
		case 502:
		case 503:
		case 504:
			return 'Chorus Pro or the PISTE gateway is unavailable for now. Try again later.';
		default:
			return 'Chorus Pro did not answer as expected.';
	}
}

/** An HTTP-level failure (status ≠ 2xx, network error, unreadable body) as a secret-free NodeApiError. */
export function httpError(exchange: FailedExchange, context: ErrorContext): NodeApiError {
	const { status, networkCode, body } = exchange;
	const detail = describeBody(body);
	const what = status ? `HTTP ${status}` : networkCode ? describeNetwork(networkCode) : 'unreadable answer';
	const message = `Chorus Pro request failed (${what})${detail ? `: ${detail}` : ''}`;
	const codeRetour = bodyField(body, 'codeRetour');
	const errorResponse: JsonObject = {
		httpCode: status ? String(status) : null,
		path: context.path,
		...(typeof codeRetour === 'number' ? { codeRetour } : {}),
		...(detail ? { libelle: detail } : {}),
		...(networkCode ? { networkCode } : {}),
	};
	return new NodeApiError(context.node, errorResponse, {
		message,
		// An RFC 7807 404 (PPF/G2B) names a missing resource on a known path, not an unknown path.
		description:
			status === 404 && typeof bodyField(body, 'statut') === 'number'
				? 'The API answered that this resource does not exist: check the identifier you gave (SIREN, SIRET, routing code, flux or invoice ID).'
				: hintFor(status, context),
		httpCode: status ? String(status) : undefined,
		itemIndex: context.itemIndex,
	});
}

/** A functional error: HTTP 200 with `codeRetour != 0` (docs/api-notes.md §2.1, §12.1). */
export function businessError(
	codeRetour: number,
	libelle: string,
	context: ErrorContext,
	status = 200,
): NodeApiError {
	// n8n shows an error's httpCode as "Error code …": on a business refusal (HTTP 200) that would read as a
	// failure code, so only a real HTTP failure status is kept.
	const httpCode = status >= 200 && status < 300 ? undefined : String(status);
	return new NodeApiError(
		context.node,
		{ ...(httpCode ? { httpCode } : {}), codeRetour, libelle, path: context.path },
		{
			message: `Chorus Pro: ${libelle || 'functional error'} (codeRetour ${codeRetour})`,
			description:
				'Chorus Pro refused the request for a business reason. The message above comes from Chorus Pro; the code identifies it in the AIFE error annex.',
			httpCode,
			itemIndex: context.itemIndex,
		},
	);
}

/**
 * A request that creates or changes something got an answer that leaves its fate unknown (timeout, 5xx,
 * broken body). It is never sent again: the user must check before re-sending, so nothing is filed twice.
 */
export function unknownOutcomeError(
	exchange: FailedExchange,
	context: ErrorContext,
	howToCheck: string,
): NodeApiError {
	const what = exchange.status
		? `HTTP ${exchange.status}`
		: exchange.networkCode
			? describeNetwork(exchange.networkCode)
			: 'an unreadable answer';
	return new NodeApiError(
		context.node,
		{
			httpCode: exchange.status ? String(exchange.status) : null,
			path: context.path,
			outcome: 'unknown',
		},
		{
			message: `Chorus Pro answered with ${what}: the request may or may not have been taken into account. It was NOT sent again, so that nothing is filed twice.`,
			description: `Before running this item again, check whether it went through: ${howToCheck}`,
			httpCode: exchange.status ? String(exchange.status) : undefined,
			itemIndex: context.itemIndex,
		},
	);
}

/** 429 on a request that changes something: the gateway refused it before Chorus Pro saw it. */
export function rateLimitedWriteError(context: ErrorContext): NodeApiError {
	return new NodeApiError(
		context.node,
		{ httpCode: '429', path: context.path, outcome: 'not-filed' },
		{
			message:
				'PISTE rate limit reached (HTTP 429): the gateway refused the request before Chorus Pro received it, so nothing was filed.',
			description: hintFor(429, context),
			httpCode: '429',
			itemIndex: context.itemIndex,
		},
	);
}
