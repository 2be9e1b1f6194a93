/**
 * The simulator's router. Every API lives in one module, `apis/<api>.ts`, that exports `register(router, store)`;
 * declaring an API a second time at the same prefix, or a route twice, throws at start-up. State an API keeps
 * beside the core model goes into `SimulatorStore` (store.ts), not into the module.
 *
 * HOW TO ADD AN API MODULE (e.g. `apis/engagementsJuridiques.ts`), then list it in `API_MODULES` (server.ts):
 *
 *   import { ok, BusinessError, readPage, paginate } from '../envelope';
 *   import type { Router } from '../router';
 *   import type { SimulatorStore } from '../store';
 *
 *   export function register(router: Router, store: SimulatorStore): void {
 *     // `name` is the PISTE subscription (store.unsubscribe('engagementsJuridiques') → 403 on all its routes);
 *     // `swagger` names an official spec in ./swagger/ whose models then check every request body.
 *     const api = router.api({ name: 'engagementsJuridiques', prefix: '/cpro/engagementsJuridiques/v1' });
 *
 *     api.post('/rechercher', ({ body }) => {
 *       // 1. A business error: throw, the router answers HTTP 200 { codeRetour, libelle }.
 *       if (!body.numeroEngagement) throw new BusinessError(20001, 'Numéro d’engagement obligatoire');
 *       // 2. Pagination: read the request object of this operation, page the sorted list, place the counters
 *       //    where the operation puts them (`parametresRetour` here; top level or suffixed elsewhere, §2.2).
 *       const page = readPage(body.parametresRecherche);
 *       const { items, counters } = paginate(store.engagementsOf(...), page);
 *       // 3. Success: the envelope { codeRetour: 0, libelle: 'TRA_MSG_00.000', ... }.
 *       return ok({ listeEngagements: items, parametresRetour: counters });
 *     }, {
 *       // 4. Validation: with `swagger` on the API, nothing to do (the operation is looked up in the spec, and
 *       //    registering a path the spec lacks throws at start-up). Without a Swagger, give the model written
 *       //    from docs/api-notes.md so a misspelt field is refused with HTTP 400 all the same:
 *       schema: { type: 'object', properties: { numeroEngagement: { type: 'string' }, parametresRecherche: PAGINATION } },
 *     });
 *   }
 *
 * A handler gets `{ body, params, query, method, path, now }` and returns a plain object (HTTP 200 JSON), or
 * `reply(status, body, headers)` for anything else; it may also throw `HttpError(status, body?, headers?)`
 * (e.g. 413). Path templates use `{name}` segments (`/siret/code-insee:{siret}` → `params.siret`).
 * APIs with no envelope (PPF-style) declare `errorStyle: 'problem'`: the 400 on a bad body then has the
 * RFC 7807-like shape of docs/api-notes.md §15.11 (status 422 like the PPF annuaire).
 *
 * Before a handler runs, server.ts applies, in this order: fault injection, 404 for unknown routes, the
 * bearer check (401), the API subscription (403, empty body), the `cpro-account` check (401), Content-Type
 * (415), JSON parsing (400) and body validation (400).
 */
import { HttpError } from './envelope';
import { loadSpec, requestSchema, type LoadedSpec, type Schema, type SpecName } from './swagger';

export interface RouteContext {
	/** Parsed JSON body (`{}` for a GET). Typed loosely on purpose: handlers read API field names. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	params: Record<string, string>;
	query: URLSearchParams;
	method: string;
	path: string;
	now: Date;
}

export type Handler = (ctx: RouteContext) => unknown | Promise<unknown>;

export interface ApiDeclaration {
	/** PISTE subscription name; use the node's API group names (factures, transverses, structures, …). */
	name: string;
	/** Path prefix, e.g. `/cpro/factures/v1`. */
	prefix: string;
	/** Official spec validating every body of this API. */
	swagger?: SpecName;
	/** Shape of the 400 on a bad body: Chorus-like (default) or RFC 7807-like (PPF/G2B APIs). */
	errorStyle?: 'cpro' | 'problem';
	/** False for endpoints outside PISTE's `cpro-account` check (none today; the token endpoint is apart). */
	requiresTechnicalAccount?: boolean;
	/** Body of the 401 for a wrong technical account, when the API has one (the others answer without a body). */
	technicalAccountError?: Record<string, string>;
}

export interface RouteOptions {
	/** Model written from docs/api-notes.md, for APIs without a Swagger. */
	schema?: Schema;
	/** Operation path in the Swagger when it is not `full path − basePath` (or `− prefix` for OpenAPI 3). */
	swaggerPath?: string;
	/** Also accepts multipart/form-data: the handler then gets `{ multipart: Map<name, FormPart> }` as body. */
	multipart?: boolean;
}

export interface BodyCheck {
	spec?: LoadedSpec;
	schema: Schema;
}

export interface Route {
	api: ApiDeclaration;
	method: string;
	path: string;
	handler: Handler;
	/** Undefined = no body model (the body must still be a JSON object for POST/PUT/PATCH). */
	bodyCheck?: BodyCheck;
	multipart?: boolean;
	pattern?: RegExp;
	paramNames: string[];
}

/** A non-default answer from a handler. */
export class Reply {
	constructor(
		readonly status: number,
		readonly body?: unknown,
		readonly headers: Record<string, string> = {},
	) {}
}

export function reply(status: number, body?: unknown, headers?: Record<string, string>): Reply {
	return new Reply(status, body, headers);
}

export class ApiRoutes {
	constructor(
		private readonly router: Router,
		readonly declaration: ApiDeclaration,
	) {}

	get(path: string, handler: Handler, options?: RouteOptions): this {
		return this.add('GET', path, handler, options);
	}

	post(path: string, handler: Handler, options?: RouteOptions): this {
		return this.add('POST', path, handler, options);
	}

	put(path: string, handler: Handler, options?: RouteOptions): this {
		return this.add('PUT', path, handler, options);
	}

	patch(path: string, handler: Handler, options?: RouteOptions): this {
		return this.add('PATCH', path, handler, options);
	}

	delete(path: string, handler: Handler, options?: RouteOptions): this {
		return this.add('DELETE', path, handler, options);
	}

	private add(method: string, path: string, handler: Handler, options: RouteOptions = {}): this {
		const decl = this.declaration;
		const fullPath = `${decl.prefix}${path}`;
		let bodyCheck: BodyCheck | undefined;
		if (decl.swagger) {
			const spec = loadSpec(decl.swagger);
			const specPath =
				options.swaggerPath ??
				(spec.basePath && fullPath.startsWith(spec.basePath) ? fullPath.slice(spec.basePath.length) : path);
			const schema = requestSchema(spec, method, specPath);
			if (schema === null) {
				throw new Error(`Simulator route ${method} ${fullPath}: no operation ${specPath} in the ${decl.swagger} spec`);
			}
			if (schema) bodyCheck = { spec, schema };
		} else if (options.schema) {
			bodyCheck = { schema: options.schema };
		}
		this.router.addRoute({ api: decl, method, path: fullPath, handler, bodyCheck, multipart: options.multipart, paramNames: [] });
		return this;
	}
}

export class Router {
	private readonly exact = new Map<string, Route>();
	private readonly templated: Route[] = [];
	/** `METHOD /path` of every route, templates with `{}` for their parameters. */
	private readonly keys = new Set<string>();
	readonly apis: ApiDeclaration[] = [];

	/**
	 * Declares an API at a prefix. One module declares each API: a second declaration of the same API at the same
	 * prefix throws, so no module can extend another one silently (the same API at another prefix is allowed: the
	 * engine tests mount an API at a custom path).
	 */
	api(declaration: ApiDeclaration): ApiRoutes {
		if (this.apis.some((a) => a.name === declaration.name && a.prefix === declaration.prefix)) {
			throw new Error(`Simulator API declared twice: ${declaration.name} at ${declaration.prefix}`);
		}
		this.apis.push(declaration);
		return new ApiRoutes(this, declaration);
	}

	/** Adds a route; a method and path already served (templates compared without their parameter names) throws. */
	addRoute(route: Route): void {
		const key = `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;
		if (this.keys.has(key)) throw new Error(`Simulator route registered twice: ${route.method} ${route.path}`);
		this.keys.add(key);
		if (route.path.includes('{')) {
			const paramNames: string[] = [];
			const source = route.path
				.split(/(\{[^}]+\})/)
				.map((part) => {
					const m = /^\{([^}]+)\}$/.exec(part);
					if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
					paramNames.push(m[1]);
					return '([^/]+)';
				})
				.join('');
			this.templated.push({ ...route, pattern: new RegExp(`^${source}$`), paramNames });
			return;
		}
		this.exact.set(`${route.method} ${route.path}`, route);
	}

	match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
		const route = this.exact.get(`${method} ${path}`);
		if (route) return { route, params: {} };
		for (const candidate of this.templated) {
			if (candidate.method !== method) continue;
			const m = candidate.pattern!.exec(path);
			if (!m) continue;
			const params: Record<string, string> = {};
			candidate.paramNames.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
			return { route: candidate, params };
		}
		return undefined;
	}

	/** Every registered route, `METHOD /path` (for coverage tests). */
	list(): string[] {
		return [...this.exact.keys(), ...this.templated.map((r) => `${r.method} ${r.path}`)].sort();
	}
}

export { HttpError };
