import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { NO_RESULT_CODES } from '../shared/pagination';
import { searchLowerBound } from '../shared/parisTime';
import { apiRequest } from '../shared/transport';
import { WINDOW_SORT, type InvoiceEvent, type InvoiceFilters } from './events/invoiceEvents';

export interface ScanOptions {
	pageSize: number;
	timeoutMs: number;
}

/** Stop against a server that keeps announcing more pages. */
const MAX_PAGES = 10_000;

function listOf(response: IDataObject, key: string): IDataObject[] {
	const list = response[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

async function search(
	fn: IPollFunctions,
	event: InvoiceEvent,
	body: IDataObject,
	options: ScanOptions,
): Promise<IDataObject> {
	return await apiRequest.call(fn, {
		api: 'factures',
		method: 'POST',
		path: event.path,
		body,
		mutates: false,
		noResultCodes: NO_RESULT_CODES,
		timeoutMs: options.timeoutMs,
	});
}

/**
 * Every invoice whose current status dates from `from` or later (and, around the autumn change, up to an hour
 * before), page after page. Throws if any page fails
 * (after the transport's retries): a partial window is never used, so the cursor cannot pass what was not read.
 */
export async function scanWindow(
	fn: IPollFunctions,
	event: InvoiceEvent,
	filters: InvoiceFilters,
	from: number,
	options: ScanOptions,
): Promise<IDataObject[]> {
	// No upper bound: an invoice changing again while we page keeps matching, so the set only grows. The bound is
	// a Paris time the platform cannot read as later than `from`, even in the repeated autumn hour.
	const bound = searchLowerBound(from).text;
	const base: IDataObject = { ...event.criteria(filters), periodeDateHeureEtatCourantDu: bound };
	if (!event.paging) return listOf(await search(fn, event, base, options), event.list);

	const found: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const paging = { pageResultatDemandee: page, nbResultatsParPage: options.pageSize, ...WINDOW_SORT };
		const response = await search(fn, event, { ...base, [event.paging.request]: paging }, options);
		const list = listOf(response, event.list);
		found.push(...list);
		const counters = (event.paging.counters ? response[event.paging.counters] : response) as IDataObject | undefined;
		const pages = Number(counters?.pages);
		// The server may serve smaller pages than asked: trust its page count when it gives one.
		const more = Number.isFinite(pages) && pages > 0 ? page < pages : list.length >= options.pageSize;
		if (!more || list.length === 0) break;
	}
	return found;
}

/** The most recent invoices of the event, for "Fetch Test Event": one small page, no window. */
export async function sampleInvoices(
	fn: IPollFunctions,
	event: InvoiceEvent,
	filters: InvoiceFilters,
	size: number,
	options: ScanOptions,
): Promise<IDataObject[]> {
	const base = event.criteria(filters);
	if (!event.paging) return listOf(await search(fn, event, base, options), event.list);
	const paging = { pageResultatDemandee: 1, nbResultatsParPage: size, triColonne: 'DateDepot', triSens: 'Descendant' };
	return listOf(await search(fn, event, { ...base, [event.paging.request]: paging }, options), event.list);
}
