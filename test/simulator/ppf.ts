/**
 * What the G2B simulator modules share, modelled on the PPF annuaire OpenAPI 1.11.0 (docs/api-notes.md §10.2, §15.11):
 * RFC 7807-like error bodies, path/query parameter validation against an OpenAPI 3 operation (swagger.ts checks
 * bodies only), and the search mechanics (`filtres` with `strict`/`contient`, `tris`, `champs`, `limite`,
 * `ignorer` → 200, 206 when truncated, 204 when nothing matches).
 */
import { HttpError } from './envelope';
import { reply, type Reply, type RouteContext } from './router';
import { loadSpec, validate, type LoadedSpec, type Schema } from './swagger';

export type Json = Record<string, unknown>;

/** `{type, titre, statut, detail, instance}` with that HTTP status. */
export function problem(status: number, titre: string, detail: string, instance: string): HttpError {
	return new HttpError(status, { type: 'about:blank', titre, statut: status, detail, instance });
}

export const notFound = (ctx: RouteContext, what: string): HttpError =>
	problem(404, 'Non trouvée', `Il n'y a pas de ressource ${what} à l'URI donnée.`, ctx.path);

interface ParameterObject {
	$ref?: string;
	name: string;
	in: string;
	required?: boolean;
	schema?: Schema;
}

function resolveParameter(spec: LoadedSpec, p: ParameterObject): ParameterObject {
	if (!p.$ref) return p;
	const name = p.$ref.split('/').pop()!;
	return (spec.root.components as { parameters: Record<string, ParameterObject> }).parameters[name];
}

/**
 * Every reason the path and query parameters break the OpenAPI operation: patterns, enums, formats, arrays
 * written `a,b` (`explode: false`), and query keys the operation does not declare.
 */
export function checkParameters(
	spec: LoadedSpec,
	method: string,
	specPath: string,
	params: Record<string, string>,
	query: URLSearchParams,
): string[] {
	const operation = spec.paths[specPath]?.[method.toLowerCase()] as { parameters?: ParameterObject[] } | undefined;
	if (!operation) return [`opération inconnue ${method} ${specPath}`];
	const declared = (operation.parameters ?? []).map((p) => resolveParameter(spec, p));
	const errors: string[] = [];
	for (const p of declared) {
		if (p.in !== 'path' && p.in !== 'query') continue;
		const raw = p.in === 'path' ? params[p.name] : query.get(p.name) ?? undefined;
		if (raw === undefined || raw === '') {
			if (p.required) errors.push(`${p.in}.${p.name}: obligatoire`);
			continue;
		}
		const schema = p.schema ?? {};
		const value = schema.type === 'array' ? raw.split(',') : raw;
		errors.push(...validate(spec, schema, value, `${p.in}.${p.name}`));
	}
	for (const key of new Set(query.keys())) {
		if (!declared.some((p) => p.in === 'query' && p.name === key)) errors.push(`query.${key}: paramètre inconnu`);
	}
	return errors;
}

/** Refuses (422) a request whose parameters break the PPF annuaire OpenAPI. */
export function guardParameters(ctx: RouteContext, specPath: string): void {
	const errors = checkParameters(loadSpec('ppf-annuaire'), ctx.method, specPath, ctx.params, ctx.query);
	if (errors.length) throw problem(422, 'Erreur de validation', errors.join('; '), ctx.path);
}

/** Refuses (422) unknown query parameters on routes written from docs/api-notes.md (no OpenAPI). */
export function noQuery(ctx: RouteContext, allowed: string[] = []): void {
	const unknown = [...new Set(ctx.query.keys())].filter((k) => !allowed.includes(k));
	if (unknown.length) throw problem(422, 'Erreur de validation', unknown.map((k) => `query.${k}: paramètre inconnu`).join('; '), ctx.path);
}

/** How a resource exposes its fields: top level, or nested in a group (`historisation`, `adresse`…). */
export type FieldMap = Record<string, (item: Json) => unknown>;

export function nested(group: string, key: string) {
	return (item: Json) => (item[group] as Json | undefined)?.[key];
}

/**
 * `champs`: keep only the listed fields. A field that lives in a group (e.g. `idInstance` in `historisation`)
 * keeps its group with only the listed members.
 */
export function project(item: Json, champs: string[] | undefined, groups: Record<string, string>): Json {
	if (!champs?.length) return item;
	const out: Json = {};
	for (const champ of champs) {
		const group = groups[champ];
		if (group) {
			const source = item[group] as Json | undefined;
			if (source && source[champ] !== undefined) out[group] = { ...((out[group] as Json) ?? {}), [champ]: source[champ] };
		} else if (item[champ] !== undefined) {
			out[champ] = item[champ];
		}
	}
	return out;
}

export interface SearchRules {
	/** Accessor per filter name (value compared with `valeur`). */
	filters: FieldMap;
	/** Accessor per sortable field (`champ` of `tris`). */
	sortable: FieldMap;
	/** Fields that live in a group, for `champs`. */
	groups: Record<string, string>;
	/** Filters handled by the caller (not compared here), e.g. `historisation` or date ranges. */
	ignored?: string[];
}

/** Largest `limite` served; a larger one is answered 206 with this many results. */
export const PPF_MAX_LIMIT = 100;
const PPF_DEFAULT_LIMIT = 50;

function matches(actual: unknown, criterion: Json): boolean {
	const wanted = criterion.valeur;
	if (wanted === undefined || wanted === null || wanted === '') return true;
	const text = actual === undefined || actual === null ? '' : String(actual);
	return criterion.op === 'contient'
		? text.toLocaleLowerCase('fr').includes(String(wanted).toLocaleLowerCase('fr'))
		: text === String(wanted);
}

const COLLATOR = new Intl.Collator('fr');

/** Filters, sorts, pages and projects `items` for a PPF-style search body; 204 when nothing matches. */
export function search(body: Json, items: Json[], rules: SearchRules): Reply {
	const filtres = (body.filtres as Record<string, Json> | undefined) ?? {};
	let found = items.filter((item) =>
		Object.entries(filtres).every(([name, criterion]) => {
			if (rules.ignored?.includes(name)) return true;
			const accessor = rules.filters[name];
			return accessor ? matches(accessor(item), criterion) : true;
		}),
	);
	const tris = (body.tris as Array<{ champ: string; ordre?: string }> | undefined) ?? [];
	if (tris.length) {
		found = [...found].sort((a, b) => {
			for (const { champ, ordre } of tris) {
				const get = rules.sortable[champ] ?? ((item: Json) => item[champ]);
				const c = COLLATOR.compare(String(get(a) ?? ''), String(get(b) ?? ''));
				if (c !== 0) return ordre === 'descendant' ? -c : c;
			}
			return 0;
		});
	}
	const total = found.length;
	if (total === 0) return reply(204);
	const asked = typeof body.limite === 'number' && body.limite > 0 ? body.limite : PPF_DEFAULT_LIMIT;
	const limite = Math.min(asked, PPF_MAX_LIMIT);
	const ignorer = typeof body.ignorer === 'number' && body.ignorer > 0 ? body.ignorer : 0;
	const page = found.slice(ignorer, ignorer + limite);
	const champs = body.champs as string[] | undefined;
	const answer = {
		recherche: body,
		nombre_total_resultats: total,
		resultats: page.map((item) => project(item, champs, rules.groups)),
	};
	// 206: the answer does not hold every remaining result (the client pages on with `ignorer`).
	return reply(ignorer + page.length < total ? 206 : 200, answer);
}
