/** The trigger's cursor and de-duplication, without HTTP. */
import {
	changeKey,
	commitScan,
	initialState,
	LastStatuses,
	LAST_STATUS_CAPACITY,
	readFluxMemory,
	readState,
	SeenChanges,
	windowStart,
	writeFluxMemory,
	writeState,
	type PollState,
} from '../../nodes/ChorusProTrigger/pollState';

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 16, 9, 0, 0);

/** One poll over `changes` (id, status, time): returns the emitted ones and the next state. */
function poll(state: PollState, pollStart: number, changes: Array<[number, string, string]>, overlapMs = 10 * MIN) {
	const seen = new SeenChanges(state.seen);
	const last = new LastStatuses(state.last);
	const emitted: Array<{ id: number; status: string; previous?: string }> = [];
	for (const [id, status, time] of changes) {
		// Like the platform's search: only changes at or after the window start come back.
		if (Date.parse(time) < windowStart(state)) continue;
		const key = changeKey(id, status, time);
		if (seen.has(key)) continue;
		emitted.push({ id, status, previous: last.get(String(id)) });
		last.set(String(id), status);
		seen.add(key, Date.parse(time), pollStart);
	}
	const next = commitScan(state, { pollStart, overlapMs, seen, last });
	return { emitted, next };
}

describe('poll state', () => {
	it('starts the first window at the activation time (or start date) and never moves it back', () => {
		const state = initialState('cfg', T0);
		expect(windowStart(state)).toBe(T0);
		// A poll 2 minutes later: pollStart − overlap is before the activation, the window stays at T0.
		const { next } = poll(state, T0 + 2 * MIN, []);
		expect(windowStart(next)).toBe(T0);
		const { next: later } = poll(next, T0 + 60 * MIN, []);
		expect(windowStart(later)).toBe(T0 + 50 * MIN);
	});

	it('re-reads the overlap but emits each (invoice, status, time) once, and catches late-indexed changes', () => {
		let state = initialState('cfg', T0);
		const a: [number, string, string] = [1, 'MISE_A_DISPOSITION', '2025-03-16T10:05:00.000+01:00'];
		const b: [number, string, string] = [2, 'SUSPENDUE', '2025-03-16T10:06:00.000+01:00'];
		let r = poll(state, T0 + 20 * MIN, [a, b]);
		expect(r.emitted.map((e) => e.id)).toEqual([1, 2]);
		state = r.next;
		// Next poll re-reads a and b (overlap) and finds c, stamped before the previous poll but indexed late.
		const c: [number, string, string] = [3, 'REJETEE', '2025-03-16T10:15:00.000+01:00'];
		r = poll(state, T0 + 25 * MIN, [a, b, c]);
		expect(r.emitted.map((e) => e.id)).toEqual([3]);
		// The same invoice back in an earlier status later on is a new change.
		const a2: [number, string, string] = [1, 'SERVICE_FAIT', '2025-03-16T10:24:00.000+01:00'];
		r = poll(r.next, T0 + 30 * MIN, [a, a2]);
		expect(r.emitted).toEqual([{ id: 1, status: 'SERVICE_FAIT', previous: 'MISE_A_DISPOSITION' }]);
	});

	it('forgets hashes once no window can return them, keeping the state small', () => {
		let state = initialState('cfg', T0);
		for (let i = 0; i < 100; i++) {
			const changes: Array<[number, string, string]> = [];
			for (let j = 0; j < 10; j++) changes.push([i * 10 + j, 'MANDATEE', new Date(T0 + i * 5 * MIN + j * 20_000).toISOString()]);
			state = poll(state, T0 + (i + 1) * 5 * MIN, changes).next;
		}
		// Overlap 10 min: only the minutes of change time a next window can return are kept, not 100 polls.
		expect(state.seen.length).toBeLessThanOrEqual(11);
		expect(state.seen.every(([minute]) => minute + 60_000 > windowStart(state))).toBe(true);
		expect(JSON.stringify(state).length).toBeLessThan(16 * 1024);
	});

	it('holds 1,000 changes of one poll and the next poll within 16 KB', () => {
		let state = initialState('cfg', T0);
		for (let p = 1; p <= 3; p++) {
			const changes: Array<[number, string, string]> = [];
			for (let j = 0; j < 1000; j++) changes.push([p * 100_000 + j, 'MANDATEE', new Date(T0 + (p - 1) * 15 * MIN + j * 900).toISOString()]);
			state = poll(state, T0 + p * 15 * MIN, changes).next;
		}
		expect(JSON.stringify(state).length).toBeLessThanOrEqual(16 * 1024);
	});

	it('remembers the last status of a bounded number of invoices', () => {
		const last = new LastStatuses('');
		for (let i = 0; i < LAST_STATUS_CAPACITY + 50; i++) last.set(String(i), 'MISE_EN_PAIEMENT');
		last.set('7', 'ABSENT_STATUS_CODE');
		const reloaded = new LastStatuses(last.encode());
		expect(reloaded.get('0')).toBeUndefined();
		expect(reloaded.get(String(LAST_STATUS_CAPACITY + 49))).toBe('MISE_EN_PAIEMENT');
		// Set again: most recent, kept, and an unknown code survives as text.
		expect(reloaded.get('7')).toBe('ABSENT_STATUS_CODE');
	});

	it('survives a JSON round trip and ignores a state of another configuration', () => {
		const target: Record<string, unknown> = {};
		const state = poll(initialState('a', T0), T0 + 30 * MIN, [[9, 'REJETEE', 'x']]).next;
		writeState(target as never, state);
		const copy = JSON.parse(JSON.stringify(target));
		expect(readState(copy, 'a')).toEqual(state);
		expect(readState(copy, 'b')).toBeUndefined();
		expect(readState({}, 'a')).toBeUndefined();
	});

	it('keeps flux memory within its capacities', () => {
		let state = initialState('f', T0);
		const memory = readFluxMemory(state);
		for (let i = 0; i < 500; i++) memory.done.push(`CPP${i}`);
		memory.watch.set('CPP9999', 'IN_RECU');
		state = writeFluxMemory(state, memory);
		const back = readFluxMemory(state);
		expect(back.done.length).toBe(200);
		expect(back.done[199]).toBe('CPP499');
		expect(back.watch.get('CPP9999')).toBe('IN_RECU');
	});
});

describe('poll state across the autumn repeated hour (2026-10-25, Paris 02:00–03:00 twice = 00:00–02:00 UTC)', () => {
	const at = (h: number, m: number) => Date.UTC(2026, 9, 25, h, m);
	const buckets = (state: PollState) => state.seen.map(([bucket]) => new Date(bucket).toISOString().slice(11, 16));

	it('keeps the minutes a window widened to the earliest reading of its bound can re-read, then forgets them', () => {
		const seen = new SeenChanges([]);
		seen.add(changeKey(1, 'SERVICE_FAIT', String(at(-1, 40))), at(-1, 40), 0); // 23:40 UTC = 01:40 summer time
		seen.add(changeKey(2, 'SERVICE_FAIT', String(at(0, 20))), at(0, 20), 0); // 02:20 summer time (first 02:20)
		const last = new LastStatuses('');
		// Cursor at 00:45 UTC (02:45 summer time): its bound may be read an hour earlier, down to 23:45 UTC.
		let state = commitScan(initialState('cfg', at(-2, 0)), { pollStart: at(0, 55), overlapMs: 10 * MIN, seen, last });
		expect(state.since).toBe(at(0, 45));
		expect(buckets(state)).toEqual(['00:20']);
		// Cursor at 01:10 UTC (02:10 winter time, the second 02:10): the bound may mean 00:10 UTC; a time without
		// offset keyed 00:20 UTC may also be 01:20 UTC.
		state = commitScan(state, { pollStart: at(1, 20), overlapMs: 10 * MIN, seen: new SeenChanges(state.seen), last });
		expect(buckets(state)).toEqual(['00:20']);
		// Cursor at 01:25 UTC: its bound may mean 00:25 UTC, and the change keyed 00:20 UTC may be 01:20 UTC.
		state = commitScan(state, { pollStart: at(1, 35), overlapMs: 10 * MIN, seen: new SeenChanges(state.seen), last });
		expect(buckets(state)).toEqual(['00:20']);
		// Out of the repeated hour (03:05 winter time): nothing before 02:05 UTC can come back.
		state = commitScan(state, { pollStart: at(2, 15), overlapMs: 10 * MIN, seen: new SeenChanges(state.seen), last });
		expect(buckets(state)).toEqual([]);
	});
});
