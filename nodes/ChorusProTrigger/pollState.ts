import type { IDataObject } from 'n8n-workflow';

import { INVOICE_STATUSES } from '../shared/enums';
import { earliestFloorFrom, latestReading } from '../shared/parisTime';

/**
 * The trigger's memory, kept in the workflow's static data (the only state n8n keeps between polls, shared by
 * every worker in queue mode). Pure functions, no HTTP: unit-tested on their own.
 *
 * Why it looks like this. Chorus Pro searches can filter on the time of the current status
 * (`periodeDateHeureEtatCourantDu`) but cannot sort on it (no such `triColonne`, docs/api-notes.md §11.10). So a poll
 * reads the whole window [since, now] in pages, and only a complete scan may move the window:
 *
 * - `since` is the lower bound of the next search. After a complete scan started at `pollStart`, every change
 *   indexed by then with a time ≥ the old `since` has been emitted; the next search starts at
 *   `pollStart − overlap`, so a change that the platform indexes up to `overlap` late (or stamps with a clock
 *   up to `overlap` off ours) is still found. Assumption, documented to the user: indexing delay + clock skew
 *   ≤ overlap.
 * - The overlap re-reads changes already emitted; `seen` holds a short hash of (invoice id, status, change
 *   instant) for each emitted change, grouped by the minute of its change time, and forgets a minute once no
 *   later search can return it. Its size is bounded by the changes of one overlap window (plus one hour
 *   around the autumn change, see below).
 * - The autumn daylight-saving change (Paris 02:00–03:00 happens twice). The search bound is a Paris time
 *   without offset, so the platform picks an instant when it falls in the repeated hour: the bound sent is
 *   one whose every reading is ≤ `since` (shared/parisTime.ts `searchLowerBound`), so nothing is missed, and
 *   `seen` keeps every minute down to the earliest instant such a bound can mean, so what the wider window
 *   re-reads is recognised. Answer times are read with their offset; without one, a repeated-hour time is
 *   its earlier instant, every poll the same way (the key must not change between polls).
 * - `last` remembers the last status emitted per invoice (the search only shows the current status), for the
 *   most recent invoices only, so an event can say which status the invoice left.
 * - Nothing here is written to static data before the poll has everything it will emit: a poll that fails
 *   midway leaves the previous state untouched and the next poll reads the same window again.
 */

export const STATE_VERSION = 1;

/** Invoices whose last emitted status is remembered (previous status of the next event). */
export const LAST_STATUS_CAPACITY = 200;

/** Flux numbers remembered as already reported, and flux numbers followed at once. */
export const FLUX_DONE_CAPACITY = 200;
export const FLUX_WATCH_CAPACITY = 100;

export interface PollState {
	v: typeof STATE_VERSION;
	/** Fingerprint of the event and filters: a different configuration starts afresh. */
	cfg: string;
	/** Nothing before this time is ever emitted (activation time, or the user's start date). */
	start: number;
	/** Lower bound of the next search window (epoch ms). */
	since: number;
	/** [minute of the change time (epoch ms), space-separated change hashes], for changes a window can still return. */
	seen: Array<[number, string]>;
	/** `id=status,…`, least recently emitted first. Status as its index in INVOICE_STATUSES (base 36) when known. */
	last: string;
	/** Flux numbers being followed with their last non-final state: `number=state,…`. */
	fluxWatch?: string;
	/** Flux numbers already reported, oldest first. */
	fluxDone?: string;
}

export function initialState(cfg: string, start: number): PollState {
	return { v: STATE_VERSION, cfg, start, since: start, seen: [], last: '' };
}

function isStateShape(raw: IDataObject): boolean {
	return (
		raw.v === STATE_VERSION &&
		typeof raw.cfg === 'string' &&
		typeof raw.start === 'number' &&
		typeof raw.since === 'number' &&
		Array.isArray(raw.seen) &&
		typeof raw.last === 'string'
	);
}

/** The stored state for this configuration, or undefined (first activation, changed configuration). */
export function readState(raw: IDataObject | undefined, cfg: string): PollState | undefined {
	const stored = raw?.chorusProPoll as IDataObject | undefined;
	if (!stored || !isStateShape(stored) || stored.cfg !== cfg) return undefined;
	return JSON.parse(JSON.stringify(stored)) as PollState;
}

/** Replaces the stored state (static data is saved by n8n after the poll emits). */
export function writeState(target: IDataObject, state: PollState): void {
	for (const key of Object.keys(target)) delete target[key];
	target.chorusProPoll = state as unknown as IDataObject;
}

// ---- change keys -------------------------------------------------------------------------------------

function fnv1a(text: string, seed: number): number {
	let hash = seed >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/**
 * A 48-bit hash of one status change, at most 10 characters. With a few thousand changes remembered, the odds
 * that a new change collides with one of them are about 1 in 10^10.
 */
export function changeKey(invoiceId: string | number, status: string, changeTime: string): string {
	const text = `${invoiceId}|${status}|${changeTime}`;
	const high = fnv1a(text, 0x811c9dc5);
	const low = fnv1a(text, 0x050c5d1f) & 0xffff;
	return (high * 0x10000 + low).toString(36);
}

/** Hashes are grouped by the minute of their change time: a whole group is forgotten at once. */
export const SEEN_BUCKET_MS = 60_000;

/** The changes emitted recently, plus the ones this poll adds, grouped by minute of change time. */
export class SeenChanges {
	private readonly known = new Set<string>();
	readonly added = new Map<number, string[]>();

	constructor(groups: ReadonlyArray<[number, string]>) {
		for (const [, keys] of groups) for (const key of keys.split(' ')) if (key) this.known.add(key);
	}

	has(key: string): boolean {
		return this.known.has(key);
	}

	/** `changeTime` in epoch ms; NaN when the platform gave no readable time (kept until `fallbackTime`). */
	add(key: string, changeTime: number, fallbackTime: number): void {
		if (this.known.has(key)) return;
		this.known.add(key);
		const time = Number.isFinite(changeTime) ? changeTime : fallbackTime;
		const bucket = time - (time % SEEN_BUCKET_MS);
		this.added.set(bucket, [...(this.added.get(bucket) ?? []), key]);
	}
}

// ---- last emitted status per invoice -----------------------------------------------------------------

const STATUS_INDEX = new Map<string, number>(INVOICE_STATUSES.map((s, i) => [s, i]));

function encodeStatus(status: string): string {
	const index = STATUS_INDEX.get(status);
	// Unknown codes are kept as text; they cannot contain the separators (status codes are A-Z and _).
	return index === undefined ? status.replace(/[=,]/g, '') : index.toString(36);
}

function decodeStatus(code: string): string {
	if (/^[0-9a-z]{1,2}$/.test(code)) return INVOICE_STATUSES[parseInt(code, 36)] ?? code;
	return code;
}

/** Bounded memory of the last status emitted per invoice (least recently emitted forgotten first). */
export class LastStatuses {
	private readonly map = new Map<string, string>();

	constructor(
		encoded: string,
		private readonly capacity = LAST_STATUS_CAPACITY,
	) {
		for (const pair of encoded.split(',')) {
			const [id, code] = pair.split('=');
			if (id && code) this.map.set(id, decodeStatus(code));
		}
	}

	get(invoiceId: string): string | undefined {
		return this.map.get(invoiceId);
	}

	set(invoiceId: string, status: string): void {
		this.map.delete(invoiceId);
		this.map.set(invoiceId, status);
		while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
	}

	encode(): string {
		return [...this.map].map(([id, status]) => `${id}=${encodeStatus(status)}`).join(',');
	}
}

// ---- window and commit -------------------------------------------------------------------------------

/** Lower bound of this poll's search. */
export function windowStart(state: PollState): number {
	return Math.max(state.since, state.start);
}

/**
 * The state after a complete scan that started at `pollStart`, having emitted the changes in `seen.added`. The
 * next search only returns changes whose time is at least the new window start, so a minute of hashes whose end
 * is before it can be forgotten: memory stays within about one overlap window of changes, whatever the polling
 * interval. (A change the platform stamps before the window start and indexes later is outside every window:
 * that is the documented limit, indexing delay + clock skew ≤ overlap.)
 */
export function commitScan(
	state: PollState,
	scan: { pollStart: number; overlapMs: number; seen: SeenChanges; last: LastStatuses },
): PollState {
	const since = Math.max(scan.pollStart - scan.overlapMs, state.start, state.since);
	const buckets = new Map<number, string>(state.seen);
	for (const [bucket, keys] of scan.seen.added) {
		const before = buckets.get(bucket);
		buckets.set(bucket, before ? `${before} ${keys.join(' ')}` : keys.join(' '));
	}
	// A minute is kept while a window may still return it: around the autumn change a window reaches back up to an
	// hour before its start, and a time without offset in the repeated hour may be an hour later than its key.
	const floor = earliestFloorFrom(since);
	const seen = [...buckets]
		.filter(([bucket]) => bucket + SEEN_BUCKET_MS > floor || latestReading(bucket) + SEEN_BUCKET_MS > floor)
		.sort(([a], [b]) => a - b);
	return { ...state, since, seen, last: scan.last.encode() };
}

// ---- flux following ----------------------------------------------------------------------------------

export interface FluxMemory {
	/** Followed flux numbers → last state seen ('' before the first report). */
	watch: Map<string, string>;
	done: string[];
}

export function readFluxMemory(state: PollState): FluxMemory {
	const watch = new Map<string, string>();
	for (const pair of (state.fluxWatch ?? '').split(',')) {
		const [numero, etat = ''] = pair.split('=');
		if (numero) watch.set(numero, etat);
	}
	return { watch, done: (state.fluxDone ?? '').split(',').filter(Boolean) };
}

/** Stores the flux memory, keeping the most recent entries within the capacities. */
export function writeFluxMemory(state: PollState, memory: FluxMemory): PollState {
	const watch = [...memory.watch].slice(-FLUX_WATCH_CAPACITY);
	return {
		...state,
		fluxWatch: watch.map(([numero, etat]) => `${numero}=${etat}`).join(','),
		fluxDone: memory.done.slice(-FLUX_DONE_CAPACITY).join(','),
	};
}
