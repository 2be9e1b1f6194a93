/**
 * The package's one time model (nodes/shared/parisTime.ts) around both 2026 daylight-saving changes: every
 * quarter hour from 00:00 to 04:00 UTC. Expected values come from the rule itself (Paris changes at 01:00 UTC:
 * UTC+1 → UTC+2 on 2026-03-29, UTC+2 → UTC+1 on 2026-10-25), not from the module.
 */
import {
	apiDate,
	apiDateTime,
	apiDateTimeWithOffset,
	earliestFloorFrom,
	fromParisLocal,
	parseApiDateTime,
	readDateTime,
	readings,
	searchLowerBound,
	toIso,
	toParisDate,
	toParisDateTime,
	toParisDateTimeWithOffset,
} from '../../nodes/shared/parisTime';

const MIN = 60_000;
const HOUR = 60 * MIN;
const quarterHours = (day: string) => Array.from({ length: 17 }, (_, i) => Date.parse(`${day}T00:00:00Z`) + i * 15 * MIN);

/** Wall-clock text of `instant` shifted by `offsetMinutes`, computed with UTC maths only. */
const wallClock = (instant: number, offsetMinutes: number) => new Date(instant + offsetMinutes * MIN).toISOString().slice(0, 19);

describe.each([
	{ day: '2026-03-29', before: 60, after: 120 },
	{ day: '2026-10-25', before: 120, after: 60 },
])('Paris time on $day (change at 01:00 UTC)', ({ day, before, after }) => {
	const change = Date.parse(`${day}T01:00:00Z`);

	it.each(quarterHours(day).map((t) => [new Date(t).toISOString(), t]))('%s: to Paris time and back', (_label, t) => {
		const offset = t < change ? before : after;
		const local = wallClock(t, offset);
		const sign = `+0${offset / 60}:00`;
		expect(toParisDateTime(t)).toBe(local);
		expect(toParisDate(t)).toBe(local.slice(0, 10));
		expect(toParisDateTimeWithOffset(t)).toBe(`${local}${sign}`);
		// Instants in, with any offset: the same Paris time out.
		expect(apiDateTime(new Date(t).toISOString())).toBe(local);
		expect(apiDateTime(`${wallClock(t, -300)}-05:00`)).toBe(local);
		expect(apiDateTime(new Date(t))).toBe(local);
		expect(apiDateTimeWithOffset(new Date(t).toISOString())).toBe(`${local}${sign}`);
		expect(parseApiDateTime(`${local}${sign}`)).toBe(t);
		expect(toIso(`${local}.000${sign}`)).toBe(new Date(t).toISOString());

		// Back from Paris time without offset: both readings in the repeated hour, the earlier one by default.
		const repeated = before > after && t >= change - HOUR && t < change + HOUR;
		const all = readings(readDateTime(local)!.local);
		expect(all).toEqual(repeated ? [t < change ? t : t - HOUR, t < change ? t + HOUR : t] : [t]);
		expect(parseApiDateTime(local)).toBe(all[0]);
		expect(apiDateTime(local)).toBe(local); // a Paris time is sent as written

		// The search bound: every reading ≤ t, and the earliest is what the caller must still recognise.
		const bound = searchLowerBound(t);
		const boundReadings = readings(readDateTime(bound.text)!.local);
		expect(Math.max(...boundReadings)).toBeLessThanOrEqual(t);
		expect(bound.floor).toBe(Math.min(...boundReadings));
		expect(bound.floor).toBe(repeated ? t - HOUR : t);
		expect(earliestFloorFrom(t)).toBeLessThanOrEqual(bound.floor);
	});

	it('the spring gap (02:00–03:00 Paris does not exist) reads as the clock without the change', () => {
		if (before > after) return;
		for (const minute of [0, 15, 30, 45]) {
			const local = readDateTime(`${day}T02:${String(minute).padStart(2, '0')}:00`)!.local;
			expect(readings(local)).toEqual([]);
			expect(fromParisLocal(local)).toBe(change + minute * MIN);
		}
	});
});

describe('Paris time: shapes', () => {
	it('reads what the API, users and n8n produce', () => {
		expect(parseApiDateTime('2025-03-16T10:41:57.004+01:00')).toBe(Date.UTC(2025, 2, 16, 9, 41, 57, 4));
		expect(parseApiDateTime('2025-03-16 10:41')).toBe(Date.UTC(2025, 2, 16, 9, 41));
		expect(parseApiDateTime('2025-07-16T10:00:00')).toBe(Date.UTC(2025, 6, 16, 8, 0));
		expect(parseApiDateTime('2025-03-16')).toBe(Date.UTC(2025, 2, 15, 23, 0));
		expect(parseApiDateTime('16/03/2025')).toBe(Date.UTC(2025, 2, 15, 23, 0));
		expect(parseApiDateTime('2025-03-16T09:00:00Z')).toBe(Date.UTC(2025, 2, 16, 9, 0));
		expect(parseApiDateTime('2025-02-30')).toBeUndefined();
		expect(parseApiDateTime('2026-13-01')).toBeUndefined();
		expect(parseApiDateTime('yesterday')).toBeUndefined();
		expect(parseApiDateTime(null)).toBeUndefined();
	});

	it('dates: the Paris day of an instant, or the day as written', () => {
		expect(apiDate('2026-03-05')).toBe('2026-03-05');
		expect(apiDate('05/03/2026')).toBe('2026-03-05');
		expect(apiDate('2028-02-29')).toBe('2028-02-29');
		expect(apiDate('2026-02-29')).toBeUndefined();
		// n8n's date picker stores the picked local midnight as UTC: 15 August in Paris is the 14th at 22:00 UTC.
		expect(apiDate('2026-08-14T22:00:00.000Z')).toBe('2026-08-15');
		expect(apiDateTime('2026-03-05', true)).toBe('2026-03-05T23:59:59');
		expect(apiDateTime('2026-03-05T10:11')).toBe('2026-03-05T10:11:00');
	});
});
