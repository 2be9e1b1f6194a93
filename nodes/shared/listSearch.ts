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
		const built = buildRequest(search, searchParameters(this, search, raw));
		const request = requestOf(this);
		if (text !== '' && !byServer) {
			// No filter in the search: read its pages (bounded) and keep the names that contain the text.
			const wanted = text.toLowerCase();
			const found: INodeListSearchItems[] = [];
			for (let n = 0; n < MAX_FILTERED_PAGES; n++) {
				const page = await searchPage(request, search, built, n, LIST_PAGE_SIZE);
				found.push(...page.list.map(list.choice).filter((c) => c.name.toLowerCase().includes(wanted)));
				if (!page.more) break;
			}
			return { results: distinct(found) };
		}
		const token = Number(paginationToken ?? 0);
		const n = Number.isSafeInteger(token) && token > 0 ? token : 0;
		const page = await searchPage(request, search, built, n, LIST_PAGE_SIZE);
		return {
			results: distinct(page.list.map(list.choice)),
			...(page.more ? { paginationToken: String(n + 1) } : {}),
		};
	};
}

/** The value of another parameter of the node being edited, locator or plain. */
export function currentValue(fn: ILoadOptionsFunctions, name: string): unknown {
	return pickedValue(fn.getCurrentNodeParameter(name));
}
