/**
 * The Chorus Pro answer envelope and the pagination variants (docs/api-notes.md §2.1, §2.2).
 *
 * - `ok(fields)` → `{ codeRetour: 0, libelle: 'TRA_MSG_00.000', ...fields }` (HTTP 200).
 * - `throw new BusinessError(codeRetour, libelle)` from a handler → HTTP 200 with `{ codeRetour, libelle }`
 *   (functional errors travel with HTTP 200 on the platform, §2.1).
 * - `throw new HttpError(status, body?, headers?)` → that HTTP status (413, 400, …).
 * - Pagination: `readPage(requestObject, names?)` reads the request pagination object (defaults, clamping),
 *   `paginate(items, page)` slices and computes the counters, then place the counters where the operation puts
 *   them: `{ ...counters }` at top level (factures `rechercher/recipiendaire`, structures `consulter/service`),
 *   `{ parametresRetour: counters }` (most searches) or `suffixed(counters, 'HistoStatut')` for the sub-lists
 *   of `consulter/*` and `consulter/historique`.
 */

export const SUCCESS_LIBELLE = 'TRA_MSG_00.000';

/** Page size used when the request gives none (OCA observed 10 results without a page size, §2.2). */
export const DEFAULT_PAGE_SIZE = 10;

/**
 * Largest page the simulator serves. The platform's real cap is not documented; 1000 is the largest page a
 * production client is known to request (Pastell asks for pages of 1000 and loops while pageCourante < pages,
 * §2.2). A larger `nbResultatsParPage` is clamped to this value and the answer's `nbResultatsParPage` / `pages`
 * report the clamped size, as a server that caps page sizes does: a client must page with the counters it
 * gets back, not with the size it asked for.
 */
export const MAX_PAGE_SIZE = 1000;

export type Json = Record<string, unknown>;

export function ok<T extends Json>(fields?: T): { codeRetour: 0; libelle: string } & T {
	return { codeRetour: 0, libelle: SUCCESS_LIBELLE, ...(fields ?? ({} as T)) };
}

/** A functional error: HTTP 200, `{ codeRetour, libelle, ...extra }`. */
export class BusinessError extends Error {
	constructor(
		readonly codeRetour: number,
		readonly libelle: string,
		readonly extra: Json = {},
	) {
		super(`${codeRetour} ${libelle}`);
	}

	/** The same error with more fields in its body (e.g. `listeFactures: []`). */
	with(extra: Json): BusinessError {
		return new BusinessError(this.codeRetour, this.libelle, { ...this.extra, ...extra });
	}

	toBody(): Json {
		return { codeRetour: this.codeRetour, libelle: this.libelle, ...this.extra };
	}
}

/** A non-200 answer. `body` undefined = empty body; a string is sent as is; anything else as JSON. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body?: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(`HTTP ${status}`);
	}
}

/** The body the simulator answers with HTTP 400 on a cpro API (malformed JSON, Swagger refusal). */
export function badRequestBody(reasons: string[]): Json {
	const shown = reasons.slice(0, 5).join('; ');
	const more = reasons.length > 5 ? ` (+${reasons.length - 5})` : '';
	return { codeRetour: 400, libelle: `Requête mal formulée : ${shown}${more}`, erreurs: reasons };
}

export type SortDirection = 'Ascendant' | 'Descendant';

export interface PageRequest {
	page: number;
	size: number;
	/** `nbResultatsMaximum`: cap on the total (undefined = none). */
	max?: number;
	sortColumn?: string;
	sortDirection: SortDirection;
}

/** Field names of a pagination object; the plain names by default, suffixed ones for the sub-lists. */
export interface PageFieldNames {
	page: string;
	size: string;
	sortColumn: string;
	sortDirection: string;
	max?: string[];
}

export const PLAIN_PAGE_FIELDS: PageFieldNames = {
	page: 'pageResultatDemandee',
	size: 'nbResultatsParPage',
	sortColumn: 'triColonne',
	sortDirection: 'triSens',
	max: ['nbResultatsMaximum'],
};

function positiveInt(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Reads a request pagination object (absent → page 1 of DEFAULT_PAGE_SIZE, sizes above MAX_PAGE_SIZE clamped). */
export function readPage(source: unknown, names: PageFieldNames = PLAIN_PAGE_FIELDS): PageRequest {
	const obj = (source && typeof source === 'object' ? source : {}) as Json;
	const size = Math.min(positiveInt(obj[names.size]) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
	let max: number | undefined;
	for (const key of names.max ?? []) max = max ?? positiveInt(obj[key]);
	return {
		page: positiveInt(obj[names.page]) ?? 1,
		size,
		max,
		sortColumn: typeof obj[names.sortColumn] === 'string' ? (obj[names.sortColumn] as string) : undefined,
		sortDirection: obj[names.sortDirection] === 'Descendant' ? 'Descendant' : 'Ascendant',
	};
}

export interface PageCounters {
	pageCourante: number;
	pages: number;
	nbResultatsParPage: number;
	total: number;
}

/** One page of `items` (already filtered and sorted). `nbResultatsMaximum` caps the total. */
export function paginate<T>(items: readonly T[], page: PageRequest): { items: T[]; counters: PageCounters } {
	const total = page.max !== undefined ? Math.min(items.length, page.max) : items.length;
	const start = (page.page - 1) * page.size;
	const end = Math.min(start + page.size, total);
	return {
		items: start < end ? items.slice(start, end) : [],
		counters: {
			pageCourante: page.page,
			pages: Math.ceil(total / page.size),
			nbResultatsParPage: page.size,
			total,
		},
	};
}

/** Counters renamed for a sub-list: `suffixed(c, 'HistoStatut')` → `pageCouranteHistoStatut`, `pagesHistoStatut`… */
export function suffixed(counters: PageCounters, suffix: string): Json {
	return {
		[`pageCourante${suffix}`]: counters.pageCourante,
		[`pages${suffix}`]: counters.pages,
		[`nbResultatsParPage${suffix}`]: counters.nbResultatsParPage,
		[`total${suffix}`]: counters.total,
	};
}

/** Sorts a copy on the requested column (accessor table), ties broken by `tieBreak` ascending. */
export function sortBy<T>(
	items: readonly T[],
	page: PageRequest,
	columns: Record<string, (item: T) => unknown>,
	tieBreak: (item: T) => number,
): T[] {
	const accessor = page.sortColumn ? columns[page.sortColumn] : undefined;
	const dir = page.sortDirection === 'Descendant' ? -1 : 1;
	const keyed = items.map((item) => ({ item, key: accessor ? accessor(item) : undefined, id: tieBreak(item) }));
	keyed.sort((a, b) => {
		if (accessor) {
			const c = compareValues(a.key, b.key);
			if (c !== 0) return c * dir;
		} else if (page.sortDirection === 'Descendant') {
			return b.id - a.id;
		}
		return a.id - b.id;
	});
	return keyed.map((k) => k.item);
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
	return COLLATOR.compare(String(a), String(b));
}

const COLLATOR = new Intl.Collator('fr');
