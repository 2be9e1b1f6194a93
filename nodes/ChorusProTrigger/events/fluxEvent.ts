import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { sendAsDescribed } from '../../shared/executor';
import { isFinalFluxState, readableRejectionReasons } from '../../shared/fluxReport';
import { ENVELOPE_KEYS, omit } from '../../shared/operation';
import { buildRequest } from '../../shared/parameters';
import { parseApiDateTime, toIso } from '../../shared/parisTime';
import { endpoint, facturesOperation, pollCall } from '../described';
import type { FluxMemory } from '../pollState';
import { sampleInvoices, scanWindow, type ScanOptions } from '../scan';
import type { EventDescription } from './eventParameters';
import { INVOICE_EVENTS, type InvoiceFilters } from './invoiceEvents';

/**
 * "Flux report reached a final state". Chorus Pro has no search of deposited flux: a flux is only known by its
 * number (numeroFluxDepot, returned by the deposit). The trigger follows two sources:
 * - the flux numbers the user lists (the only way to hear about a flux rejected as a whole, which creates no
 *   invoice), e.g. an expression reading them from wherever the deposit workflow stores them;
 * - with "Discover From Deposited Invoices", the flux of the supplier's invoices whose status changed since the
 *   last poll (the emitted invoices search gives each invoice's numeroFluxDepot): partly integrated flux with the
 *   invoices they rejected, without listing anything.
 * Each followed flux costs one Get Flux Report (consulterCRDetaille) per poll until it is final; it is then
 * reported once.
 */

/** Emitted Invoice → Get Flux Report of the Factures node. */
export const FLUX_REPORT = facturesOperation('emittedInvoice', 'getFluxReport');

/** consulterCRDetaille answers 20001 for a flux it does not know (yet, or a typo): keep following it. */
const UNKNOWN_FLUX_CODES = [20001];

/** Discovery reads the emitted invoices' window, scoped by supplier structure only. */
export const EMITTED = INVOICE_EVENTS.emittedInvoiceStatusChanged;

export const FLUX_EVENT: EventDescription = {
	name: 'fluxFinalState',
	label: 'Flux Report Final',
	description: `A deposited flux was integrated, partly integrated or rejected, with readable rejection reasons (${endpoint(FLUX_REPORT)})`,
	scope: { structureId: EMITTED.scope.structureId },
	reads: ['fluxNumbers', 'discoverFlux'],
};

export function parseFluxNumbers(text: string): string[] {
	return [...new Set(text.split(/[\s,;]+/).map((n) => n.trim()).filter(Boolean))];
}

export async function fluxReport(fn: IPollFunctions, numero: string, options: ScanOptions): Promise<IDataObject> {
	const call = pollCall(fn, FLUX_REPORT, options.timeoutMs, UNKNOWN_FLUX_CODES);
	return await sendAsDescribed(call, buildRequest(FLUX_REPORT, { numeroFluxDepot: numero }));
}

export function fluxItem(numero: string, report: IDataObject, previous: string | undefined): INodeExecutionData {
	const fields = omit(report, ENVELOPE_KEYS) as IDataObject;
	return {
		json: {
			event: 'fluxFinalState',
			numeroFluxDepot: numero,
			previousStatus: previous || null,
			newStatus: fields.etatCourantDepotFlux ?? null,
			changedAt: toIso(fields.dateHeureEtatCourantFlux),
			final: isFinalFluxState(fields.etatCourantDepotFlux),
			rejectionReasons: readableRejectionReasons(fields),
			...fields,
		},
	};
}

/** Flux numbers (with the deposit date) of the supplier's invoices whose status changed since `from`. */
export async function discoverFlux(
	fn: IPollFunctions,
	filters: InvoiceFilters,
	from: number,
	options: ScanOptions,
): Promise<Array<{ numero: string; depot?: number }>> {
	const invoices = await scanWindow(fn, EMITTED, filters, from, options);
	return invoices
		.filter((i) => typeof i.numeroFluxDepot === 'string' && i.numeroFluxDepot !== '')
		.map((i) => ({ numero: String(i.numeroFluxDepot), depot: parseApiDateTime(i.dateDepot) }));
}

/** Checks every followed flux once; the final ones become items and leave the watch list. */
export async function checkFollowedFlux(
	fn: IPollFunctions,
	memory: FluxMemory,
	options: ScanOptions,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const [numero, previous] of [...memory.watch]) {
		const report = await fluxReport(fn, numero, options);
		if (report.noResult) continue;
		const etat = String(report.etatCourantDepotFlux ?? '');
		if (isFinalFluxState(etat)) {
			items.push(fluxItem(numero, report, previous));
			memory.watch.delete(numero);
			memory.done.push(numero);
		} else {
			memory.watch.set(numero, etat);
		}
	}
	return items;
}

/** "Fetch Test Event": the reports of a few listed (or recently used) flux, final or not. */
export async function sampleFlux(
	fn: IPollFunctions,
	listed: string[],
	filters: InvoiceFilters,
	size: number,
	options: ScanOptions,
): Promise<INodeExecutionData[]> {
	let numbers = listed.slice(0, size);
	if (numbers.length === 0) {
		const recent = await sampleInvoices(fn, EMITTED, filters, 50, options);
		numbers = [...new Set(recent.map((i) => String(i.numeroFluxDepot ?? '')).filter(Boolean))].slice(0, size);
	}
	const items: INodeExecutionData[] = [];
	for (const numero of numbers) {
		const report = await fluxReport(fn, numero, options);
		if (!report.noResult) items.push(fluxItem(numero, report, undefined));
	}
	return items;
}
