import type { IDataObject } from 'n8n-workflow';

import { sendAsDescribed } from './send';
import { ENVELOPE_KEYS, omit, type BuiltRequest, type Operation, type OperationCall, type Pagination } from './operation';

/** "No result" codes of the searches (docs/api-notes.md §2.2, §12.1): an empty list, not an error. */
export const NO_RESULT_CODES: readonly number[] = [20000, 20007];

export interface PageRequest {
	returnAll: boolean;
	limit: number;
	sort?: { column?: string; direction?: string };
	/** Results asked per page, when not the search's largest page (or the limit): the trigger's "Page Size". */
	pageSize?: number;
}

/** Hard stop against a server that keeps announcing more pages. */
const MAX_PAGES = 100_000;

/**
 * The list an operation reads from an answer. Several list keys are unpublished (`listeSyntaxeFlux`,
 * `listeTypeStructure`…): when the key is absent but the answer carries another list, the key is wrong, and an
 * empty result would hide the data. Then the answer itself (without the envelope) is the one result, so the user
 * gets what Chorus Pro sent. A missing key with no list at all is an empty result (answers may omit empty lists).
 */
export function listOf(response: IDataObject, key: string): IDataObject[] {
	const value = key ? response[key] : response.items;
	if (Array.isArray(value)) return value as IDataObject[];
	// One element sent as an object instead of a one-element array.
	if (value !== null && typeof value === 'object') return [value as IDataObject];
	if (value !== undefined && value !== null) return [omit(response, ENVELOPE_KEYS) as IDataObject];
	const otherList = Object.values(response).some((v) => Array.isArray(v));
	return otherList ? [omit(response, ENVELOPE_KEYS) as IDataObject] : [];
}

function getPath(source: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], source);
}

/** How one pagination variant asks for page `n` and tells whether more pages follow. */
interface PageScheme {
	/** Body and query of page `n` (0-based), given how many results were collected before it. */
	page(n: number, collected: number): { body?: IDataObject; qs: IDataObject };
	list(response: IDataObject): IDataObject[];
	/** Whether another page follows, from the answer's counters (undefined when the answer has none). */
	more(response: IDataObject, n: number, collected: number): boolean | undefined;
	noResultCodes?: readonly number[];
}

/** Asks page `n` of a search, `collected` results after its start; tells its list and whether more pages follow. */
async function askPage(
	request: OperationCall['request'],
	operation: Operation,
	built: BuiltRequest,
	scheme: PageScheme,
	pageSize: number,
	n: number,
	collected: number,
): Promise<{ list: IDataObject[]; more: boolean }> {
	const { body, qs } = scheme.page(n, collected);
	const response = await sendAsDescribed({ request, operation }, { ...built, body: body ?? {}, qs }, { noResultCodes: scheme.noResultCodes });
	const list = scheme.list(response);
	const more = scheme.more(response, n, collected + list.length) ?? list.length >= pageSize;
	return { list, more: more && list.length > 0 };
}

/** The one paging loop: asks page after page until the counters, a short page or the limit say stop. */
async function collect(
	ctx: OperationCall,
	built: BuiltRequest,
	page: PageRequest,
	pageSize: number,
	scheme: PageScheme,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (let n = 0; n < MAX_PAGES; n++) {
		const { list, more } = await askPage(ctx.request, ctx.operation, built, scheme, pageSize, n, results.length);
		results.push(...list);
		if (!page.returnAll && results.length >= page.limit) break;
		if (!more) break;
	}
	return page.returnAll ? results : results.slice(0, page.limit);
}

function counted(total: unknown, collected: number): boolean | undefined {
	const n = Number(total);
	return Number.isFinite(n) && total !== undefined && total !== null ? collected < n : undefined;
}

/** Page number/size in the request body, counters in the answer (Factures, Structures, Transverses…). */
function bodyScheme(built: BuiltRequest, p: Extract<Pagination, { style: 'body' }>, page: PageRequest, size: number): PageScheme {
	return {
		page: (n) => {
			const paging: IDataObject = {
				...((p.request ? built.body[p.request] : {}) as IDataObject),
				pageResultatDemandee: n + 1,
				nbResultatsParPage: size,
			};
			if (page.sort?.column) {
				paging.triColonne = page.sort.column;
				paging.triSens = page.sort.direction ?? 'Descendant';
			}
			const body = p.request ? { ...built.body, [p.request]: paging } : { ...built.body, ...paging };
			return { body, qs: built.qs };
		},
		list: (response) => listOf(response, p.list),
		more: (response, n) => {
			const counters = (p.response ? response[p.response] : response) as IDataObject | undefined;
			const pages = Number(counters?.pages);
			return Number.isFinite(pages) && pages > 0 ? n + 1 < pages : undefined;
		},
		noResultCodes: p.noResultCodes ?? NO_RESULT_CODES,
	};
}

/** PPF-style searches: `limite` / `ignorer` in the POST body, `nombre_total_resultats` in the answer. */
function offsetScheme(built: BuiltRequest, p: Extract<Pagination, { style: 'offset' }>, page: PageRequest, size: number): PageScheme {
	const body: IDataObject = { ...built.body };
	if (page.sort?.column && p.sortKey) {
		body[p.sortKey] = [
			{ champ: page.sort.column, ordre: page.sort.direction === 'Ascendant' ? 'ascendant' : 'descendant' },
		];
	}
	return {
		page: (_n, collected) => ({ body: { ...body, [p.limitKey]: size, [p.offsetKey]: collected }, qs: built.qs }),
		// 204 No Content (nothing found) arrives as an empty object.
		list: (response) => (getPath(response, p.list) as IDataObject[] | undefined) ?? [],
		more: (response, _n, collected) => (p.totalPath ? counted(getPath(response, p.totalPath), collected) : undefined),
	};
}

/** How an operation's answer pages; a read that answers one whole list (`splitList`) is a search that does not page. */
function pagingOf(operation: Operation): Pagination {
	if (operation.pagination) return operation.pagination;
	if (operation.splitList) return { style: 'none', list: operation.splitList };
	throw new Error(`${operation.operation} is not a search`);
}

function schemeOf(built: BuiltRequest, p: Exclude<Pagination, { style: 'none' }>, page: PageRequest, size: number): PageScheme {
	return p.style === 'body' ? bodyScheme(built, p, page, size) : offsetScheme(built, p, page, size);
}

/** The whole answer of a search that does not page. */
async function unpaged(
	request: OperationCall['request'],
	operation: Operation,
	built: BuiltRequest,
	p: Extract<Pagination, { style: 'none' }>,
): Promise<IDataObject[]> {
	const response = await sendAsDescribed({ request, operation }, built, { noResultCodes: p.noResultCodes ?? NO_RESULT_CODES });
	return listOf(response, p.list);
}

/** Runs a search over its pagination variant and returns the found elements. */
export async function paginate(
	ctx: OperationCall,
	built: BuiltRequest,
	page: PageRequest,
): Promise<IDataObject[]> {
	const p = pagingOf(ctx.operation);
	if (p.style !== 'none') {
		const size = Math.min(page.pageSize ?? (page.returnAll ? p.maxPageSize : page.limit), p.maxPageSize);
		return await collect(ctx, built, page, size, schemeOf(built, p, page, size));
	}
	const list = await unpaged(ctx.request, ctx.operation, built, p);
	return page.returnAll ? list : list.slice(0, page.limit);
}

/**
 * Page `n` (0-based) of `size` results of a search and whether another follows: what a list in the editor shows
 * at a time (listSearch.ts). A search that does not page answers everything on page 0.
 */
export async function searchPage(
	request: OperationCall['request'],
	operation: Operation,
	built: BuiltRequest,
	n: number,
	size: number,
): Promise<{ list: IDataObject[]; more: boolean }> {
	const p = pagingOf(operation);
	if (p.style === 'none') return { list: n === 0 ? await unpaged(request, operation, built, p) : [], more: false };
	const pageSize = Math.min(size, p.maxPageSize);
	const scheme = schemeOf(built, p, { returnAll: false, limit: pageSize }, pageSize);
	return await askPage(request, operation, built, scheme, pageSize, n, n * pageSize);
}
