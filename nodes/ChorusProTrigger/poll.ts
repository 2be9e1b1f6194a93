import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INVOICE_STATUSES } from '../shared/enums';
import { LIMITS } from '../shared/limits';
import { attachPdf } from './download';
import { TRIGGER_EVENTS } from './events';
import { reads, type EventDescription, type EventParameter, type ScopeParameter } from './events/eventParameters';
import { checkFollowedFlux, discoverFlux, parseFluxNumbers, sampleFlux } from './events/fluxEvent';
import { isInvoiceEvent, matches, type InvoiceEvent, type InvoiceFilters } from './events/invoiceEvents';
import { latestReading, parseApiDateTime, toIso } from '../shared/parisTime';
import {
	changeKey,
	commitScan,
	initialState,
	LastStatuses,
	readFluxMemory,
	readState,
	SeenChanges,
	windowStart,
	writeFluxMemory,
	writeState,
	type PollState,
} from './pollState';
import { DEFAULT_OVERLAP_MINUTES, DEFAULT_TIMEOUT_SECONDS, SCOPE_FIELDS, triggerProperties } from './properties';
import { convertValue, InputError, pickedValue } from '../shared/parameters';
import type { ScanOptions } from './scan';
import { sampleInvoices, scanWindow } from './scan';

/** Items "Fetch Test Event" returns at most. */
const SAMPLE_SIZE = 5;
/** Discovered flux: only those of invoices deposited this recently (older flux were reported long ago). */
const DISCOVERY_DAYS = 7;

interface Settings {
	event: EventDescription;
	filters: InvoiceFilters;
	downloadPdf: boolean;
	fluxNumbers: string[];
	discoverFlux: boolean;
	overlapMs: number;
	startDate?: number;
	scan: ScanOptions;
}

/** The label the user sees for a parameter, for the errors that name it. */
function labelOf(name: EventParameter): string {
	return triggerProperties.find((property) => property.name === name)?.displayName ?? name;
}

/** A scope id (structure, service), picked from the list or typed; empty or 0 = no limit. */
function optionalId(fn: IPollFunctions, name: ScopeParameter): number | undefined {
	const value = pickedValue(fn.getNodeParameter(name));
	if (value === 0 || value === '' || value === undefined || value === null) return undefined;
	try {
		return convertValue(SCOPE_FIELDS[name], value) as number;
	} catch (error) {
		const reason = error instanceof InputError ? error.reason : (error as Error).message;
		throw new NodeOperationError(fn.getNode(), `"${labelOf(name)}" must be a Chorus Pro id: ${reason}`);
	}
}

function boundedOption(fn: IPollFunctions, options: IDataObject, name: string, label: string, min: number, max: number, fallback: number): number {
	const value = options[name] ?? fallback;
	// Every option counts something (minutes, invoices, seconds): an expression giving 2.5 is an error, not 2.
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw new NodeOperationError(fn.getNode(), `Option "${label}" must be a whole number from ${min} to ${max}, got ${String(value)}`);
	}
	return value;
}

/** The status lists: each value must be a Chorus Pro invoice status (an expression may give anything). */
function statusList(fn: IPollFunctions, name: EventParameter): string[] {
	const raw = fn.getNodeParameter(name, []);
	const values = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((v) => v.trim()).filter(Boolean);
	const wrong = values.find((value) => !(INVOICE_STATUSES as readonly string[]).includes(value));
	if (wrong !== undefined) {
		throw new NodeOperationError(fn.getNode(), `"${labelOf(name)}": "${wrong}" is not a Chorus Pro invoice status`, {
			description: `Pick the statuses in the list; the codes are: ${INVOICE_STATUSES.join(', ')}.`,
		});
	}
	return values;
}

function chosenEvent(fn: IPollFunctions): EventDescription {
	const name = fn.getNodeParameter('event') as string;
	const event = TRIGGER_EVENTS.find((e) => e.name === name);
	if (!event) throw new NodeOperationError(fn.getNode(), `Unknown event "${String(name)}"`);
	return event;
}

/** Reads and checks the parameters the chosen event reads (its description says which), before any request. */
function readSettings(fn: IPollFunctions): Settings {
	const event = chosenEvent(fn);
	const has = (parameter: EventParameter) => reads(event, parameter);
	const options = fn.getNodeParameter('options', {}) as IDataObject;
	const statusParameter = (['arrivalStatuses', 'statuses'] as const).find(has);
	const statuses = statusParameter ? statusList(fn, statusParameter) : [];
	let startDate: number | undefined;
	if (typeof options.startDate === 'string' && options.startDate.trim()) {
		startDate = parseApiDateTime(options.startDate);
		if (startDate === undefined) {
			throw new NodeOperationError(fn.getNode(), `Option "Start Date" is not a date: "${options.startDate}"`, {
				description: 'Use YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss (Paris time), or pick it in the date picker.',
			});
		}
	}
	const minutes = boundedOption(fn, options, 'overlapMinutes', 'Max Indexing Delay (Minutes)', 1, 7 * 24 * 60, DEFAULT_OVERLAP_MINUTES);
	return {
		event,
		filters: {
			structureId: has('structureId') ? optionalId(fn, 'structureId') : undefined,
			serviceId: has('serviceId') ? optionalId(fn, 'serviceId') : undefined,
			statuses,
			onlyNotDownloaded: has('onlyNotDownloaded') && (fn.getNodeParameter('onlyNotDownloaded', false) as boolean),
		},
		downloadPdf: has('downloadPdf') && (fn.getNodeParameter('downloadPdf', false) as boolean),
		fluxNumbers: has('fluxNumbers') ? parseFluxNumbers(fn.getNodeParameter('fluxNumbers', '') as string) : [],
		discoverFlux: has('discoverFlux') && (fn.getNodeParameter('discoverFlux', true) as boolean),
		overlapMs: minutes * 60_000,
		startDate,
		scan: {
			pageSize: boundedOption(fn, options, 'pageSize', 'Page Size', 1, LIMITS.maxPageSize, LIMITS.maxPageSize),
			timeoutMs: boundedOption(fn, options, 'timeoutSeconds', 'Request Timeout (Seconds)', 1, 3600, DEFAULT_TIMEOUT_SECONDS) * 1000,
		},
	};
}

/** What identifies the stream of events: another event or scope starts afresh (filters may change freely). */
function fingerprint(s: Settings): string {
	return JSON.stringify([s.event.name, s.filters.structureId ?? 0, s.filters.serviceId ?? 0, s.startDate ?? null]);
}

function invoiceItem(event: InvoiceEvent, invoice: IDataObject, previous: string | undefined): INodeExecutionData {
	return {
		json: {
			...invoice,
			event: event.name,
			invoiceId: invoice[event.idKey] ?? null,
			previousStatus: previous ?? null,
			newStatus: invoice[event.statusKey] ?? null,
			changedAt: toIso(invoice[event.timeKey]),
		},
	};
}

async function withPdfs(fn: IPollFunctions, settings: Settings, event: InvoiceEvent, items: INodeExecutionData[]) {
	if (!settings.downloadPdf) return;
	for (const item of items) {
		const id = Number(item.json[event.idKey]);
		if (Number.isInteger(id)) await attachPdf(fn, item, id, settings.scan.timeoutMs);
	}
}

function byChangeTime(items: INodeExecutionData[]): INodeExecutionData[] {
	const time = (item: INodeExecutionData) => (item.json.changedAt ? Date.parse(String(item.json.changedAt)) : 0);
	return items.map((item, i) => ({ item, i })).sort((a, b) => time(a.item) - time(b.item) || a.i - b.i).map((e) => e.item);
}

/** Reads the window, drops what was already reported, and returns the new events with the next state. */
async function pollInvoices(fn: IPollFunctions, settings: Settings, event: InvoiceEvent, state: PollState) {
	const pollStart = Date.now();
	const from = windowStart(state);
	const found = await scanWindow(fn, event, settings.filters, from, settings.scan);
	const seen = new SeenChanges(state.seen);
	const last = new LastStatuses(state.last);
	const items: INodeExecutionData[] = [];
	for (const invoice of found) {
		const id = String(invoice[event.idKey] ?? '');
		const status = String(invoice[event.statusKey] ?? '');
		if (!id || !status) continue;
		const rawTime = String(invoice[event.timeKey] ?? '');
		const time = parseApiDateTime(rawTime);
		// A bound widened for the autumn hour returns older changes: those before the window under every reading of
		// their time were emitted already, or predate the activation.
		if (time !== undefined && time < from && latestReading(time) < from) continue;
		// Keyed by instant (a time without offset resolves the same way every poll), not by the string.
		const key = changeKey(id, status, time === undefined ? rawTime : String(time));
		const previous = last.get(id);
		// Seen already, unless the invoice showed another status since: then it came back to this one (in the
		// repeated hour, an answer without offset gives both changes the same time).
		if (seen.has(key) && (previous === undefined || previous === status)) continue;
		// Statuses the filters leave out still count as "last status", so a later event says where it came from.
		last.set(id, status);
		if (!matches(event, invoice, settings.filters)) continue;
		seen.add(key, time ?? NaN, pollStart);
		items.push(invoiceItem(event, invoice, previous));
	}
	const ordered = byChangeTime(items);
	await withPdfs(fn, settings, event, ordered);
	const next = commitScan(state, { pollStart, overlapMs: settings.overlapMs, seen, last });
	return { items: ordered, next };
}

async function pollFlux(fn: IPollFunctions, settings: Settings, state: PollState) {
	const memory = readFluxMemory(state);
	const follow = (numero: string) => {
		if (!memory.done.includes(numero) && !memory.watch.has(numero)) memory.watch.set(numero, '');
	};
	settings.fluxNumbers.forEach(follow);
	const pollStart = Date.now();
	if (settings.discoverFlux) {
		const from = windowStart(state);
		const recent = from - DISCOVERY_DAYS * 86_400_000;
		const invoices = await discoverFlux(fn, settings.filters, from, settings.scan);
		for (const { numero, depot } of invoices) if (depot === undefined || depot >= recent) follow(numero);
	}
	const items = await checkFollowedFlux(fn, memory, settings.scan);
	const scanned = commitScan(state, {
		pollStart,
		overlapMs: settings.overlapMs,
		seen: new SeenChanges([]),
		last: new LastStatuses(state.last),
	});
	return { items, next: writeFluxMemory(scanned, memory) };
}

/** "Fetch Test Event": a few recent real events, without reading or moving the cursor. */
async function sample(fn: IPollFunctions, settings: Settings): Promise<INodeExecutionData[]> {
	const { event } = settings;
	if (!isInvoiceEvent(event)) return await sampleFlux(fn, settings.fluxNumbers, settings.filters, SAMPLE_SIZE, settings.scan);
	const recent = await sampleInvoices(fn, event, settings.filters, SAMPLE_SIZE * 4, settings.scan);
	const items = recent
		.filter((invoice) => matches(event, invoice, settings.filters))
		.slice(0, SAMPLE_SIZE)
		.map((invoice) => invoiceItem(event, invoice, undefined));
	await withPdfs(fn, settings, event, items);
	return items;
}

/**
 * The trigger's poll. First activation: remember "now" (or the start date) and report nothing older. Then each
 * poll reads the window since the cursor, reports what it has not reported yet, and only then moves the
 * cursor: an error anywhere leaves the stored state as it was, and the next poll (or a restarted instance)
 * reads the same window again.
 */
export async function pollChorusPro(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') {
		const items = await sample(this, settings);
		return items.length > 0 ? [items] : null;
	}
	const staticData = this.getWorkflowStaticData('node');
	const cfg = fingerprint(settings);
	let state = readState(staticData, cfg);
	if (!state) {
		state = initialState(cfg, settings.startDate ?? Date.now());
		if (settings.startDate === undefined) {
			writeState(staticData, state);
			return null;
		}
	}
	const { items, next } = isInvoiceEvent(settings.event)
		? await pollInvoices(this, settings, settings.event, state)
		: await pollFlux(this, settings, state);
	writeState(staticData, next);
	return items.length > 0 ? [items] : null;
}
