/**
 * The local PISTE + Chorus Pro simulator: an HTTP server on 127.0.0.1 answering the token endpoint and the
 * `/cpro/...` APIs registered by the modules of `./apis/` (how to add one: see router.ts).
 *
 *   const sim = await startSimulator();            // random port, demo data
 *   sim.credentialData()                            // the n8n credential (environment Custom) pointing here
 *   sim.faults.add({ path: '/soumettre', status: 503 });
 *   sim.counts('/rechercher/recipiendaire');         // requests received on that path
 *   await sim.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import { createServer as createHttpsServer } from 'https';
import type { AddressInfo, Socket } from 'net';

import * as factures from './apis/factures';
import * as structures from './apis/structures';
import * as transverses from './apis/transverses';
import * as facturesTravaux from './apis/facturesTravaux';
import * as utilisateurs from './apis/utilisateurs';
import * as engagements from './apis/engagements';
import * as eReporting from './apis/eReporting';
import * as eSignature from './apis/eSignature';
import * as g2bAnnuaire from './apis/g2bAnnuaire';
import * as g2bFactures from './apis/g2bFactures';
import * as g2bFlux from './apis/g2bFlux';
import * as organisations from './apis/organisations';
import { PisteAuth, SIM_CREDENTIALS, TOKEN_PATH, type Credentials } from './auth';
import { BusinessError, HttpError, badRequestBody } from './envelope';
import { platformDates, resetPlatformDates } from './dates';
import { faultAnswer, Faults, type RawAnswer } from './faults';
import { MultipartError, parseMultipart } from './multipart';
import { Reply, Router, type Route } from './router';
import { seedDemo, seedStructures } from './seed';
import { SimulatorStore } from './store';
import { validate, validateAgainstReference } from './swagger';

export { SIM_CREDENTIALS } from './auth';
export { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './envelope';
export { DEMO_IDS } from './seed';
export { PDF_MAX_BYTES } from './factures/submission';
export { FLUX_MAX_BYTES } from './factures/flux';
export { DOWNLOAD_MAX_BYTES } from './factures/processing';
export { ATTACHMENT_MAX_BYTES } from './apis/transverses';
export type { FaultSpec } from './faults';
export type { SimulatorStore } from './store';

/**
 * Every API module, one per API (a second module declaring the same API, or a route registered twice, throws
 * at start-up: router.ts); each exports `register(router, store)`. Add new modules here.
 */
export const API_MODULES: Array<{ register: (router: Router, store: SimulatorStore) => void }> = [
	factures,
	transverses,
	structures,
	g2bAnnuaire,
	organisations,
	g2bFlux,
	g2bFactures,
	eReporting,
	eSignature,
	facturesTravaux,
	utilisateurs,
	engagements,
];

export interface SimulatorOptions {
	/** 0 (default) = a random free port. */
	port?: number;
	/** `expires_in` of issued tokens (default 3600, docs/api-notes.md §1.3). */
	tokenLifetimeSeconds?: number;
	/** `demo` (default): structures + invoices in many statuses; `empty`: structures and attachments only. */
	seed?: 'demo' | 'empty';
	/** Time source for tokens, timestamps and history (default: the system clock). */
	clock?: () => Date;
	/** Serve HTTPS with this key and certificate (PEM) instead of HTTP: what the bench measures over TLS. */
	tls?: { key: string; cert: string };
}

export interface RecordedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	query: string;
	/** Parsed JSON, the form fields of a token request (client_secret masked), or the raw text. */
	body: unknown;
	/** Request headers except `authorization` and `cpro-account`. */
	headers: Record<string, string>;
	at: Date;
}

export interface Simulator {
	/** Base URL serving /cpro/..., e.g. http://127.0.0.1:41234 */
	url: string;
	/** `${url}/api/oauth/token` */
	tokenUrl: string;
	credentials: Credentials;
	store: SimulatorStore;
	faults: Faults;
	/** How the platform reads times without offset in the repeated autumn hour, and whether answers carry offsets. */
	dates: typeof platformDates;
	router: Router;
	/** Requests received, all or those whose path ends with `pathSuffixOrFull`. */
	counts(pathSuffixOrFull?: string): number;
	requests: RecordedRequest[];
	tokensIssued(): number;
	/**
	 * The most requests whose path ends with `pathSuffix` that were being handled at the same time (received, not
	 * yet answered), since the start or the last `resetInFlight()`.
	 */
	peakInFlight(pathSuffix: string): number;
	resetInFlight(): void;
	/** Every token issued so far answers 401 from now on. */
	expireTokens(): void;
	/** The data of a `chorusProApi` credential pointing at this simulator (environment Custom). */
	credentialData(): { environment: 'custom'; baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string; login: string; password: string };
	close(): Promise<void>;
}

const JSON_TYPE = 'application/json;charset=utf-8';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): RawAnswer {
	return {
		status,
		headers: { 'Content-Type': JSON_TYPE, ...headers },
		body: body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body), 'utf8'),
	};
}

function toAnswer(status: number, body: unknown, headers: Record<string, string>): RawAnswer {
	if (body === undefined) return { status, headers, body: Buffer.alloc(0) };
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		return { status, headers: { 'Content-Type': 'text/plain;charset=utf-8', ...headers }, body: Buffer.from(body) };
	}
	return jsonAnswer(status, body, headers);
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => (size > MAX_BODY_BYTES ? reject(new HttpError(413)) : resolve(Buffer.concat(chunks))));
		req.on('error', reject);
	});
}

// An absent Accept, or one that allows JSON: application/json, application/* or */* (parameters allowed).
function acceptsJson(accept: string | undefined): boolean {
	if (!accept) return true;
	return accept.split(',').some((range) => /^\s*(application\/json|application\/\*|\*\/\*)\s*(;|$)/i.test(range));
}

function parseForRecord(bytes: Buffer, contentType: string | undefined): unknown {
	if (bytes.length === 0) return undefined;
	// A multipart body is recorded by its parts: JSON parts parsed, files as { fileName, contentType, bytes }.
	if (/^multipart\/form-data\b/i.test(contentType ?? '')) {
		try {
			return Object.fromEntries(
				[...parseMultipart(bytes, contentType!).values()].map((p) => [
					p.name,
					/json/i.test(p.contentType ?? '') ? JSON.parse(p.data.toString('utf8')) : { fileName: p.fileName, contentType: p.contentType, bytes: p.data },
				]),
			);
		} catch {
			return bytes.subarray(0, 2000).toString('utf8');
		}
	}
	const raw = bytes.toString('utf8');
	if (/urlencoded/i.test(contentType ?? '')) {
		const form = Object.fromEntries(new URLSearchParams(raw));
		if (form.client_secret !== undefined) form.client_secret = '***';
		return form;
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw;
	}
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const clock = options.clock ?? (() => new Date());
	const credentials: Credentials = { ...SIM_CREDENTIALS };
	const store = new SimulatorStore(clock, {
		idUtilisateur: 331,
		prenom: 'Compte',
		nom: 'TECHNIQUE',
		email: credentials.login,
		telephone: '0100000000',
	});
	if (options.seed === 'empty') seedStructures(store);
	else seedDemo(store);
	const auth = new PisteAuth(credentials, options.tokenLifetimeSeconds ?? 3600, clock);
	const router = new Router();
	for (const module of API_MODULES) module.register(router, store);
	const faults = new Faults();
	resetPlatformDates();
	const requests: RecordedRequest[] = [];
	const perPath = new Map<string, number>();
	const inFlight = new Map<string, number>();
	const peaks = new Map<string, number>();

	/** Everything after fault injection: gateway checks, then the handler. */
	async function handle(req: IncomingMessage, path: string, query: string, bytes: Buffer): Promise<RawAnswer> {
		const raw = bytes.toString('utf8');
		const method = req.method ?? 'GET';
		if (path === TOKEN_PATH) {
			const a = auth.token(method, header(req, 'content-type'), raw, header(req, 'authorization'));
			return toAnswer(a.status, a.body, a.headers);
		}
		const match = router.match(method, path);
		if (!match) return jsonAnswer(404, { httpCode: 404, httpMessage: 'Not Found', moreInformation: 'API non trouvée' });
		const { route, params } = match;
		const bearer = auth.checkBearer(header(req, 'authorization'));
		if (bearer) return toAnswer(bearer.status, bearer.body, bearer.headers);
		if (!store.isSubscribed(route.api.name)) return { status: 403, headers: {}, body: Buffer.alloc(0) };
		if (route.api.requiresTechnicalAccount !== false) {
			const account = auth.checkTechnicalAccount(header(req, 'cpro-account'), route.api.technicalAccountError);
			if (account) return toAnswer(account.status, account.body, account.headers);
		}
		// Annex §1.7: a Content-Type or an Accept other than application/json is answered 415.
		if (!acceptsJson(header(req, 'accept'))) {
			return jsonAnswer(415, { codeRetour: 415, libelle: 'Format de la réponse demandé non supporté' });
		}
		let body: unknown = {};
		const contentType = header(req, 'content-type') ?? '';
		if (method !== 'GET' && method !== 'DELETE' && route.multipart && /^multipart\/form-data\b/i.test(contentType)) {
			try {
				body = { multipart: parseMultipart(bytes, contentType) };
			} catch (error) {
				if (!(error instanceof MultipartError)) throw error;
				return invalid(route, [error.message]);
			}
		} else if (method !== 'GET' && method !== 'DELETE') {
			if (!/^application\/json\b/i.test(contentType)) {
				return jsonAnswer(415, { codeRetour: 415, libelle: 'Format de la requête non supporté' });
			}
			try {
				body = JSON.parse(raw);
			} catch {
				return invalid(route, [raw.trim() === '' ? 'corps de requête vide' : 'JSON invalide']);
			}
			const reasons =
				body === null || typeof body !== 'object' || Array.isArray(body)
					? ['body: objet JSON attendu']
					: route.bodyCheck
						? route.bodyCheck.spec
							? validate(route.bodyCheck.spec, route.bodyCheck.schema, body)
							: validateAgainstReference(route.bodyCheck.schema, body)
						: [];
			if (reasons.length > 0) return invalid(route, reasons);
		}
		try {
			const result = await route.handler({ body, params, query: new URLSearchParams(query), method, path, now: clock() });
			if (result instanceof Reply) return toAnswer(result.status, result.body, result.headers);
			return jsonAnswer(200, result);
		} catch (error) {
			if (error instanceof BusinessError) return jsonAnswer(200, error.toBody());
			if (error instanceof HttpError) return toAnswer(error.status, error.body, error.headers);
			const message = error instanceof Error ? error.message : String(error);
			return jsonAnswer(500, { codeRetour: 500, libelle: `Erreur interne du serveur : ${message}` });
		}
	}

	function invalid(route: Route, reasons: string[]): RawAnswer {
		if (route.api.errorStyle === 'problem') {
			return jsonAnswer(422, { type: 'about:blank', titre: 'Erreur de validation', statut: 422, detail: reasons.join('; '), instance: route.path });
		}
		return jsonAnswer(400, badRequestBody(reasons));
	}

	async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const [path, query = ''] = (req.url ?? '/').split('?', 2);
		const method = req.method ?? 'GET';
		let bytes: Buffer = Buffer.alloc(0);
		let tooLarge = false;
		try {
			bytes = await readBody(req);
		} catch {
			tooLarge = true;
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (name !== 'authorization' && name !== 'cpro-account' && value !== undefined) headers[name] = String(value);
		}
		requests.push({ method, path, query, body: parseForRecord(bytes, header(req, 'content-type')), headers, at: clock() });
		perPath.set(path, (perPath.get(path) ?? 0) + 1);
		const current = (inFlight.get(path) ?? 0) + 1;
		inFlight.set(path, current);
		peaks.set(path, Math.max(peaks.get(path) ?? 0, current));
		res.on('close', () => inFlight.set(path, (inFlight.get(path) ?? 1) - 1));

		const fault = faults.take(method, path);
		if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		const breaks = fault?.body === 'reset' || fault?.body === 'cut' ? fault.body : undefined;
		if (fault?.replaces && !fault.afterHandling && breaks !== 'cut') return send(res, faultAnswer(fault), breaks);
		const answer = tooLarge ? toAnswer(413, undefined, {}) : await handle(req, path, query, bytes);
		if (fault?.replaces) return send(res, faultAnswer(fault, answer), breaks);
		return send(res, answer);
	}

	function send(res: ServerResponse, answer: RawAnswer, breaks?: 'reset' | 'cut'): void {
		if (breaks === 'reset') {
			res.socket?.destroy();
			return;
		}
		res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
		if (breaks === 'cut') {
			// Headers and half the body reach the client, then the connection breaks.
			res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.socket?.destroy());
			return;
		}
		res.end(answer.body);
	}

	const listener = (req: IncomingMessage, res: ServerResponse): void => {
		onRequest(req, res).catch((error) => {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': JSON_TYPE });
			res.end(JSON.stringify({ codeRetour: 500, libelle: String(error) }));
		});
	};
	const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

	return {
		url,
		tokenUrl: `${url}${TOKEN_PATH}`,
		credentials,
		store,
		faults,
		dates: platformDates,
		router,
		requests,
		counts(pathSuffixOrFull?: string): number {
			if (pathSuffixOrFull === undefined) return requests.length;
			let n = 0;
			for (const [path, count] of perPath) if (path.endsWith(pathSuffixOrFull)) n += count;
			return n;
		},
		peakInFlight(pathSuffix: string): number {
			let peak = 0;
			for (const [path, value] of peaks) if (path.endsWith(pathSuffix)) peak = Math.max(peak, value);
			return peak;
		},
		resetInFlight: () => peaks.clear(),
		tokensIssued: () => auth.tokensIssued(),
		credentialData: () => ({ environment: 'custom' as const, baseUrl: url, tokenUrl: `${url}${TOKEN_PATH}`, ...credentials }),
		expireTokens: () => auth.expireTokens(),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
