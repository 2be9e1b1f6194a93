import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestOperation } from './operation';
import { searchPage } from './pagination';
import { buildRequest, convertValue, InputError, pickedValue } from './parameters';
import { apiRequest } from './transport';

/**
 * The lists of n8n's resource locators ("From List"): each runs a described search, as a user would through the
 * node (same request builder, checks and paging, no path restated), and turns its results into choices. The text
 * typed in the list's search box goes to the search's filter; the editor asks the next page with the token.
 */

/** Choices per page: what the editor shows before it asks for more while scrolling. */
export const LIST_PAGE_SIZE = 50;

/** Pages read to filter a list whose search has no filter (the structures of one account, the services of one structure). */
const MAX_FILTERED_PAGES = 20;

export interface PickList {
	/** The search whose results are the choices (it may depend on the node's parameters, e.g. its resource). */
	search: (fn: ILoadOptionsFunctions) => RequestOperation;
	/**
	 * The search's criteria from the text typed in the list's search box. Without it the search has no filter:
	 * the choices whose name contains the text are kept.
	 */
	filter?: (text: string) => IDataObject;
	/** Criteria read from the node's other parameters (the structure whose services are listed). */
	criteria?: (fn: ILoadOptionsFunctions) => IDataObject;
	/**
	 * Criteria of several runs of the search, listed one after the other, when one run cannot list every choice
	 * (a works invoice to process: once as project manager, once as project owner). One run when not given.
	 */
	runs?: (fn: ILoadOptionsFunctions) => IDataObject[];
	choice: (entry: IDataObject) => INodeListSearchItems;
}

/** The search's parameters from raw values, checked and converted as the node would (an error names the field). */
function searchParameters(fn: ILoadOptionsFunctions, search: RequestOperation, raw: IDataObject): IDataObject {
	const params: IDataObject = {};
	for (const [name, value] of Object.entries(raw)) {
		const field = search.fields.find((f) => f.name === name);
		if (!field) throw new Error(`${search.resource}:${search.operation} has no field ${name}`);
		try {
			params[name] = convertValue(field, value) as IDataObject[keyof IDataObject];
		} catch (error) {
			const reason = error instanceof InputError ? error.reason : (error as Error).message;
			throw new NodeOperationError(fn.getNode(), `Invalid value for "${field.label}" of the search: ${reason}`);
		}
	}
	return params;
}

/** The one request function of the lists: the credential's transport, nothing is ever re-sent as a change. */
function requestOf(fn: ILoadOptionsFunctions) {
	return async (request: Parameters<typeof apiRequest>[0]) => await apiRequest.call(fn, request);
}

/** Drops choices of the same value (an account linked to one structure under several roles). */
function distinct(choices: INodeListSearchItems[]): INodeListSearchItems[] {
	const seen = new Set<unknown>();
	return choices.filter((choice) => !seen.has(choice.value) && seen.add(choice.value));
}

/** A `listSearch` method for n8n (`methods.listSearch`) from a list's description. */
export function listSearchMethod(list: PickList) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const search = list.search(this);
		if (search.hooks?.prepare || search.hooks?.run) {
			throw new Error(`${search.resource}:${search.operation} has hooks: a list runs plain searches only`);
		}
		const text = filter?.trim() ?? '';
		const byServer = text !== '' && list.filter !== undefined;
		const raw = { ...list.criteria?.(this), ...(byServer ? list.filter?.(text) : {}) };
		const runs = (list.runs?.(this) ?? [{}]).map((run) => buildRequest(search, searchParameters(this, search, { ...run, ...raw })));
		const request = requestOf(this);
		if (text !== '' && !byServer) {
			// No filter in the search: read its pages (bounded) and keep the names that contain the text.
			const wanted = text.toLowerCase();
			const found: INodeListSearchItems[] = [];
			for (const built of runs) {
				for (let n = 0; n < MAX_FILTERED_PAGES; n++) {
					const page = await searchPage(request, search, built, n, LIST_PAGE_SIZE);
					found.push(...page.list.map(list.choice).filter((c) => c.name.toLowerCase().includes(wanted)));
					if (!page.more) break;
				}
			}
			return { results: distinct(found) };
		}
		// The token is the page to read next, preceded by its run when the search has several ("1.0").
		const [first, firstPage] = pageOf(paginationToken, runs.length);
		for (let r = first; r < runs.length; r++) {
			const n = r === first ? firstPage : 0;
			const page = await searchPage(request, search, runs[r], n, LIST_PAGE_SIZE);
			const last = r + 1 === runs.length;
			// A run that found nothing gives its turn to the next one: the editor asks no more after an empty page.
			if (!page.list.length && !page.more && !last) continue;
			const next = page.more ? tokenOf(r, n + 1, runs.length) : last ? undefined : tokenOf(r + 1, 0, runs.length);
			return { results: distinct(page.list.map(list.choice)), ...(next === undefined ? {} : { paginationToken: next }) };
		}
		return { results: [] };
	};
}

const wholeOrZero = (text: string | undefined): number => {
	const n = Number(text ?? 0);
	return Number.isSafeInteger(n) && n > 0 ? n : 0;
};

/** The run and page a token names: the page alone for a search of one run. */
function pageOf(token: string | undefined, runs: number): [number, number] {
	if (runs === 1) return [0, wholeOrZero(token)];
	const [run, page] = (token ?? '').split('.');
	const r = wholeOrZero(run);
	return r < runs ? [r, wholeOrZero(page)] : [runs, 0];
}

function tokenOf(run: number, page: number, runs: number): string {
	return runs === 1 ? String(page) : `${run}.${page}`;
}

/** The value of another parameter of the node being edited, locator or plain. */
export function currentValue(fn: ILoadOptionsFunctions, name: string): unknown {
	return pickedValue(fn.getCurrentNodeParameter(name));
}
