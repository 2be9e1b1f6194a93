import type { IDataObject } from 'n8n-workflow';

import type { BuiltRequest, RequestOperation } from '../../shared/operation';
import { buildRequest } from '../../shared/parameters';
import { endpoint, facturesOperation } from '../described';
import type { EventDescription, ScopeParameter } from './eventParameters';

/**
 * The invoice events, as data: which Factures search answers them (its path, pagination and list key are the
 * search's own), which search fields the user's scope fills, and where the invoice id, its status and the time of
 * that status sit in the answer. Every one of them filters on the time of the current status, the only way Chorus
 * Pro offers to ask "what changed since".
 */

export type InvoiceEventName =
	| 'newReceivedInvoice'
	| 'receivedInvoiceStatusChanged'
	| 'emittedInvoiceStatusChanged'
	| 'invoiceToValidateStatusChanged';

/** What the user chose, read from the node parameters. */
export interface InvoiceFilters {
	structureId?: number;
	serviceId?: number;
	statuses: string[];
	onlyNotDownloaded: boolean;
}

export interface InvoiceEvent extends EventDescription {
	name: InvoiceEventName;
	/** The search operation of the Factures node that answers the event. */
	search: RequestOperation;
	/**
	 * Search fields sent with a fixed value. Like the scope,
	 * only criteria an invoice never leaves: status and "not downloaded" change while we page, so they are checked
	 * on the answer instead (see `matches`): a search whose result set can only grow is safe to page by offset.
	 */
	fixed?: IDataObject;
	idKey: string;
	statusKey: string;
	timeKey: string;
}

export function isInvoiceEvent(event: EventDescription): event is InvoiceEvent {
	return 'search' in event;
}

/** The search field of the window: the time of the current status, from. */
const CHANGED_SINCE = 'periodeDateHeureEtatCourantDu';

const RECEIVED_SEARCH = facturesOperation('receivedInvoice', 'search');
const EMITTED_SEARCH = facturesOperation('emittedInvoice', 'search');
const PAYMENT_REQUEST_SEARCH = facturesOperation('paymentRequest', 'search');

/** The filters that can change over an invoice's life, applied to each found invoice. */
export function matches(event: InvoiceEvent, item: IDataObject, filters: InvoiceFilters): boolean {
	if (filters.statuses.length > 0 && !filters.statuses.includes(String(item[event.statusKey]))) return false;
	if (filters.onlyNotDownloaded && item.factureTelechargeeParDestinataire === true) return false;
	return true;
}

/**
 * The event's search request, built by the Factures node's own request builder: the scope the user chose, the
 * fixed fields, and (for a window) the status time it starts from. Pagination is added by the shared pager.
 */
export function searchRequest(event: InvoiceEvent, filters: InvoiceFilters, changedSince?: string): BuiltRequest {
	const params: IDataObject = { ...event.fixed };
	for (const [parameter, field] of Object.entries(event.scope)) {
		const value = filters[parameter as ScopeParameter];
		if (value !== undefined) params[field] = value;
	}
	if (changedSince !== undefined) params[CHANGED_SINCE] = changedSince;
	// The builder leaves out a value without a field: a renamed field must not silently widen the window.
	const unknown = Object.keys(params).find((name) => !event.search.fields.some((field) => field.name === name));
	if (unknown) throw new Error(`${event.search.resource}:${event.search.operation} has no field "${unknown}"`);
	return buildRequest(event.search, params);
}

const received = {
	search: RECEIVED_SEARCH,
	scope: { structureId: 'idDestinataire', serviceId: 'idServiceExecutant' },
	idKey: 'idFacture',
	statusKey: 'statut',
	timeKey: 'dateHeureEtatCourant',
};

export const INVOICE_EVENTS: Record<InvoiceEventName, InvoiceEvent> = {
	// "New" is the moment Chorus Pro makes the invoice available to the buyer: its status becomes one of the
	// arrival statuses (MISE_A_DISPOSITION by default). See the node's description of the Statuses option.
	newReceivedInvoice: {
		name: 'newReceivedInvoice',
		label: 'New Received Invoice',
		description: `Chorus Pro made a new invoice available to your structures (recipient side, ${endpoint(RECEIVED_SEARCH)})`,
		...received,
		reads: ['arrivalStatuses', 'onlyNotDownloaded', 'downloadPdf'],
	},
	receivedInvoiceStatusChanged: {
		name: 'receivedInvoiceStatusChanged',
		label: 'Received Invoice Status Changed',
		description: `An invoice you received changed status (recipient side, ${endpoint(RECEIVED_SEARCH)})`,
		...received,
		reads: ['statuses', 'onlyNotDownloaded', 'downloadPdf'],
	},
	emittedInvoiceStatusChanged: {
		name: 'emittedInvoiceStatusChanged',
		label: 'Emitted Invoice Status Changed',
		description: `An invoice you sent changed status: made available, suspended, rejected, payment sent… (supplier side, ${endpoint(EMITTED_SEARCH)})`,
		search: EMITTED_SEARCH,
		scope: { structureId: 'idFournisseur', serviceId: 'idServiceFournisseur' },
		reads: ['statuses', 'downloadPdf'],
		idKey: 'identifiantFactureCPP',
		statusKey: 'statut',
		timeKey: 'dateHeureEtatCourant',
	},
	// rechercher/valideur has neither a status-time filter nor the status time in its answer (docs/api-notes.md §3.18),
	// so the validator's changes come from rechercher/demandePaiement in the validator role, which has both
	// (§3.23). AIFE notes that this search does not work in the qualification (sandbox) environment.
	invoiceToValidateStatusChanged: {
		name: 'invoiceToValidateStatusChanged',
		label: 'Invoice to Validate Status Changed',
		description: `An invoice you validate changed status (validator side, ${endpoint(PAYMENT_REQUEST_SEARCH)}; not available in the sandbox)`,
		search: PAYMENT_REQUEST_SEARCH,
		fixed: { roleUtilisateur: 'VALIDEUR' },
		scope: { structureId: 'idStructureValideur' },
		reads: ['statuses', 'downloadPdf'],
		idKey: 'idDemandePaiement',
		statusKey: 'etatCourant',
		timeKey: 'dateHeureEtatCourant',
	},
};

/**
 * The sort used while paging a window. None of the searches can sort on the status time (docs/api-notes.md §11.10),
 * so pages follow the deposit date, which never changes: an invoice whose status changes while we page stays
 * at its place (it still matches "changed since"), and a newly deposited one lands at the end. As the window's
 * criteria are ones an invoice never leaves, the result set only grows while we page: offset paging then never
 * skips an invoice; at worst it shows one twice, and the hashes drop the repeat.
 */
export const WINDOW_SORT = { column: 'DateDepot', direction: 'Ascendant' } as const;

/** "Fetch Test Event": the most recently deposited first. */
export const NEWEST_FIRST = { column: 'DateDepot', direction: 'Descendant' } as const;
