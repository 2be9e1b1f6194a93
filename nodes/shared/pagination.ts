import type { IDataObject } from 'n8n-workflow';

import type { BuiltRequest, OperationContext, Pagination } from './operation';

/** "No result" codes of the searches (reference §2.2, §12.1): an empty list, not an error. */
export const NO_RESULT_CODES: readonly number[] = [20000, 20007];

export interface PageRequest {
	returnAll: boolean;
	limit: number;
	sort?: { column?: string; direction?: string };
}

/** Hard stop against a server that keeps announcing more pages. */
const MAX_PAGES = 100_000;

function listOf(response: IDataObject, key: string): IDataObject[] {
	const value = key ? response[key] : response.items;
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

function getPath(source: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], source);
}

/** Page number/size in the request body, counters in the answer (Factures, Structures, Transverses…). */
async function bodyPages(
	ctx: OperationContext,
	built: BuiltRequest,
	p: Extract<Pagination, { style: 'body' }>,
	page: PageRequest,
): Promise<IDataObject[]> {
	const pageSize = page.returnAll ? p.maxPageSize : Math.min(page.limit, p.maxPageSize);
	const results: IDataObject[] = [];
	for (let number = 1; number <= MAX_PAGES; number++) {
		const paging: IDataObject = {
			...((p.request ? built.body[p.request] : {}) as IDataObject),
			pageResultatDemandee: number,
			nbResultatsParPage: pageSize,
		};
		if (page.sort?.column) {
			paging.triColonne = page.sort.column;
			paging.triSens = page.sort.direction ?? 'Descendant';
		}
		const body = p.request ? { ...built.body, [p.request]: paging } : { ...built.body, ...paging };
		const response = await ctx.request({
			api: ctx.operation.api,
			method: built.method,
			path: built.path,
			body,
			qs: built.qs,
			mutates: false,
			noResultCodes: p.noResultCodes ?? NO_RESULT_CODES,
		});
		const list = listOf(response, p.list);
		results.push(...list);
		if (!page.returnAll && results.length >= page.limit) break;
		const counters = (p.response ? response[p.response] : response) as IDataObject | undefined;
		const pages = Number(counters?.pages);
		const more = Number.isFinite(pages) && pages > 0 ? number < pages : list.length >= pageSize;
		if (!more || list.length === 0) break;
	}
	return page.returnAll ? results : results.slice(0, page.limit);
}

/** REST APIs (Référentiel des Organisations, G2B): page and size in the query string. */
async function queryPages(
	ctx: OperationContext,
	built: BuiltRequest,
	p: Extract<Pagination, { style: 'query' }>,
	page: PageRequest,
): Promise<IDataObject[]> {
	const pageSize = page.returnAll ? p.maxPageSize : Math.min(page.limit, p.maxPageSize);
	const results: IDataObject[] = [];
	for (let n = 0; n < MAX_PAGES; n++) {
		const qs: IDataObject = { ...built.qs, [p.pageParam]: p.firstPage + n, [p.sizeParam]: pageSize };
		if (page.sort?.column && p.sortParam) {
			qs[p.sortParam] = `${page.sort.column}${page.sort.direction === 'Ascendant' ? '' : ',desc'}`;
		}
		const response = await ctx.request({
			api: ctx.operation.api,
			method: built.method,
			path: built.path,
			body: built.method === 'GET' ? undefined : built.body,
			qs,
			mutates: false,
		});
		const list = (getPath(response, p.list) as IDataObject[] | undefined) ?? [];
		results.push(...list);
		if (!page.returnAll && results.length >= page.limit) break;
		const total = p.totalPath ? Number(getPath(response, p.totalPath)) : NaN;
		const more = Number.isFinite(total) ? results.length < total : list.length >= pageSize;
		if (!more || list.length === 0) break;
	}
	return page.returnAll ? results : results.slice(0, page.limit);
}

/** PPF-style searches: `limite` / `ignorer` in the POST body, `nombre_total_resultats` in the answer. */
async function offsetPages(
	ctx: OperationContext,
	built: BuiltRequest,
	p: Extract<Pagination, { style: 'offset' }>,
	page: PageRequest,
): Promise<IDataObject[]> {
	const pageSize = page.returnAll ? p.maxPageSize : Math.min(page.limit, p.maxPageSize);
	const results: IDataObject[] = [];
	const body: IDataObject = { ...built.body };
	if (page.sort?.column && p.sortKey) {
		body[p.sortKey] = [
			{ champ: page.sort.column, ordre: page.sort.direction === 'Ascendant' ? 'ascendant' : 'descendant' },
		];
	}
	for (let n = 0; n < MAX_PAGES; n++) {
		const response = await ctx.request({
			api: ctx.operation.api,
			method: built.method,
			path: built.path,
			body: { ...body, [p.limitKey]: pageSize, [p.offsetKey]: results.length },
			qs: built.qs,
			mutates: false,
		});
		// 204 No Content (nothing found) arrives as an empty object.
		const list = (getPath(response, p.list) as IDataObject[] | undefined) ?? [];
		results.push(...list);
		if (!page.returnAll && results.length >= page.limit) break;
		const total = p.totalPath ? Number(getPath(response, p.totalPath)) : NaN;
		const more = Number.isFinite(total) ? results.length < total : list.length >= pageSize;
		if (!more || list.length === 0) break;
	}
	return page.returnAll ? results : results.slice(0, page.limit);
}

/** Runs a search over its pagination variant and returns the found elements. */
export async function paginate(
	ctx: OperationContext,
	built: BuiltRequest,
	page: PageRequest,
): Promise<IDataObject[]> {
	const p = ctx.operation.pagination;
	if (!p) throw new Error(`${ctx.operation.operation} is not a search`);
	if (p.style === 'body') return await bodyPages(ctx, built, p, page);
	if (p.style === 'query') return await queryPages(ctx, built, p, page);
	if (p.style === 'offset') return await offsetPages(ctx, built, p, page);
	const response = await ctx.request({
		api: ctx.operation.api,
		method: built.method,
		path: built.path,
		body: built.body,
		qs: built.qs,
		mutates: false,
		noResultCodes: p.noResultCodes ?? NO_RESULT_CODES,
	});
	const list = listOf(response, p.list);
	return page.returnAll ? list : list.slice(0, page.limit);
}
