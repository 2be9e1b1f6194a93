import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { paginate } from '../shared/pagination';
import { searchLowerBound } from '../shared/parisTime';
import { pollCall } from './described';
import { NEWEST_FIRST, searchRequest, WINDOW_SORT, type InvoiceEvent, type InvoiceFilters } from './events/invoiceEvents';

export interface ScanOptions {
	pageSize: number;
	timeoutMs: number;
}

/**
 * Every invoice whose current status dates from `from` or later (and, around the autumn change, up to an hour
 * before), page after page through the shared pager, as the search's Return All does. Throws if any page fails
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
	const built = searchRequest(event, filters, searchLowerBound(from).text);
	return await paginate(pollCall(fn, event.search, options.timeoutMs), built, {
		returnAll: true,
		limit: 0,
		pageSize: options.pageSize,
		sort: WINDOW_SORT,
	});
}

/** The most recent invoices of the event, for "Fetch Test Event": one small page, no window. */
export async function sampleInvoices(
	fn: IPollFunctions,
	event: InvoiceEvent,
	filters: InvoiceFilters,
	size: number,
	options: ScanOptions,
): Promise<IDataObject[]> {
	const built = searchRequest(event, filters);
	return await paginate(pollCall(fn, event.search, options.timeoutMs), built, {
		returnAll: false,
		limit: size,
		sort: NEWEST_FIRST,
	});
}
