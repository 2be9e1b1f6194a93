import type { IDataObject } from 'n8n-workflow';

/**
 * The invoice events, as data: which search answers them, how it pages, and where the invoice id, its status
 * and the time of that status sit in the answer. Every one of them filters on the time of the current status
 * (`periodeDateHeureEtatCourantDu`), the only way Chorus Pro offers to ask "what changed since".
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

export interface InvoiceEvent {
	name: InvoiceEventName;
	path: string;
	/** Key of the list in the answer. */
	list: string;
	/**
	 * Body pagination object and where the answer puts its counters ('' = top level). Undefined: the search has
	 * no pagination and answers the whole list at once (rechercher/demandePaiement, reference §2.2).
	 */
	paging?: { request: string; counters: string };
	idKey: string;
	statusKey: string;
	timeKey: string;
	/**
	 * The body without the window and the pagination: only criteria an invoice never leaves (structure,
	 * service). Status and "not downloaded" change while we page, so they are checked on the answer instead
	 * (see `matches`): a search whose result set can only grow is safe to page by offset.
	 */
	criteria(filters: InvoiceFilters): IDataObject;
}

/** The filters that can change over an invoice's life, applied to each found invoice. */
export function matches(event: InvoiceEvent, item: IDataObject, filters: InvoiceFilters): boolean {
	if (filters.statuses.length > 0 && !filters.statuses.includes(String(item[event.statusKey]))) return false;
	if (filters.onlyNotDownloaded && item.factureTelechargeeParDestinataire === true) return false;
	return true;
}

function receivedCriteria(filters: InvoiceFilters): IDataObject {
	const body: IDataObject = {};
	if (filters.structureId !== undefined) body.idDestinataire = filters.structureId;
	if (filters.serviceId !== undefined) body.idServiceExecutant = filters.serviceId;
	return body;
}

const received = {
	path: '/rechercher/recipiendaire',
	list: 'listeFactures',
	paging: { request: 'paramRecherche', counters: '' },
	idKey: 'idFacture',
	statusKey: 'statut',
	timeKey: 'dateHeureEtatCourant',
	criteria: receivedCriteria,
};

export const INVOICE_EVENTS: Record<InvoiceEventName, InvoiceEvent> = {
	// "New" is the moment Chorus Pro makes the invoice available to the buyer: its status becomes one of the
	// arrival statuses (MISE_A_DISPOSITION by default). See the node's description of the Statuses option.
	newReceivedInvoice: { name: 'newReceivedInvoice', ...received },
	receivedInvoiceStatusChanged: { name: 'receivedInvoiceStatusChanged', ...received },
	emittedInvoiceStatusChanged: {
		name: 'emittedInvoiceStatusChanged',
		path: '/rechercher/fournisseur',
		list: 'listeFactures',
		paging: { request: 'rechercheFactureParFournisseur', counters: 'parametresRetour' },
		idKey: 'identifiantFactureCPP',
		statusKey: 'statut',
		timeKey: 'dateHeureEtatCourant',
		criteria: (filters) => {
			const body: IDataObject = {};
			if (filters.structureId !== undefined) body.idFournisseur = filters.structureId;
			if (filters.serviceId !== undefined) body.idServiceFournisseur = filters.serviceId;
			return body;
		},
	},
	// rechercher/valideur has neither a status-time filter nor the status time in its answer (reference §3.18),
	// so the validator's changes come from rechercher/demandePaiement in the validator role, which has both
	// (§3.23). AIFE notes that this search does not work in the qualification (sandbox) environment.
	invoiceToValidateStatusChanged: {
		name: 'invoiceToValidateStatusChanged',
		path: '/rechercher/demandePaiement',
		list: 'listeDemandePaiement',
		idKey: 'idDemandePaiement',
		statusKey: 'etatCourant',
		timeKey: 'dateHeureEtatCourant',
		criteria: (filters) => {
			const body: IDataObject = { roleUtilisateur: 'VALIDEUR' };
			if (filters.structureId !== undefined) body.structureValideur = { idStructureValideur: filters.structureId };
			return body;
		},
	},
};

/**
 * The sort used while paging a window. None of the searches can sort on the status time (reference §11.10),
 * so pages follow the deposit date, which never changes: an invoice whose status changes while we page stays
 * at its place (it still matches "changed since"), and a newly deposited one lands at the end. As the window's
 * criteria are ones an invoice never leaves, the result set only grows while we page: offset paging then never
 * skips an invoice; at worst it shows one twice, and the hashes drop the repeat.
 */
export const WINDOW_SORT = { triColonne: 'DateDepot', triSens: 'Ascendant' } as const;
