/**
 * Platform time, the one time model of the package. Chorus Pro reads and writes date-times as Europe/Paris
 * local time (docs/api-notes.md §13.4): every date or date-time a node sends or reads goes through here.
 *
 * - A value with an offset (`Z`, `+02:00`: n8n's date picker, `{{ $now }}`, ISO strings from other nodes) is an
 *   instant and is converted to Paris local time. A value without an offset is already Paris local time.
 * - Twice a year a Paris local time is not one instant. In spring 02:00–03:00 does not exist (read as the
 *   instant it would be without the change, i.e. one hour later on the clock); in autumn 02:00–03:00 happens
 *   twice. Local times in that repeated hour are read as their earlier instant, always the same way, and
 *   `readings` gives both when a caller must not guess (the trigger's window bound).
 *
 * Nothing here depends on the process time zone: only `Intl` with an explicit `Europe/Paris` zone and UTC maths.
 */

const PARIS = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;
/** The offsets Paris uses: winter (CET) and summer (CEST), in minutes ahead of UTC. */
const PARIS_OFFSETS = [60, 120] as const;

/** A wall-clock date-time, with no zone. */
export interface LocalDateTime {
	y: number;
	mo: number;
	d: number;
	h: number;
	mi: number;
	s: number;
	ms: number;
}

function parisLocal(instant: number): LocalDateTime {
	const p: Record<string, string> = {};
	for (const part of PARIS.formatToParts(new Date(instant))) p[part.type] = part.value;
	return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second, ms: ((instant % 1000) + 1000) % 1000 };
}

const asUtc = (t: LocalDateTime) => Date.UTC(t.y, t.mo - 1, t.d, t.h, t.mi, t.s, t.ms);

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: number): number {
	return Math.round((asUtc(parisLocal(instant)) - instant) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayText = (t: LocalDateTime) => `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)}`;
const dateTimeText = (t: LocalDateTime) => `${dayText(t)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`;

/** "YYYY-MM-DDTHH:mm:ss", Paris local time of the instant (milliseconds dropped): the searches' shape. */
export function toParisDateTime(instant: number): string {
	return dateTimeText(parisLocal(instant));
}

/** "YYYY-MM-DD", the Paris calendar day of the instant. */
export function toParisDate(instant: number): string {
	return dayText(parisLocal(instant));
}

/** "YYYY-MM-DDTHH:mm:ss+02:00": Paris local time with its offset, unambiguous even in the repeated hour. */
export function toParisDateTimeWithOffset(instant: number): string {
	const offset = parisOffsetMinutes(instant);
	return `${toParisDateTime(instant)}+${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}

/** Every instant a Paris local time can mean, earliest first: one, two (autumn repeated hour) or none (spring gap). */
export function readings(local: LocalDateTime): number[] {
	const wall = asUtc(local);
	return PARIS_OFFSETS.map((offset) => wall - offset * 60_000)
		.filter((instant, i) => parisOffsetMinutes(instant) === PARIS_OFFSETS[i])
		.sort((a, b) => a - b);
}

/**
 * The instant of a Paris local time: the earlier one in the repeated autumn hour, and in the spring gap the
 * instant the clock would have shown without the change (02:30 → 01:30 UTC, which Paris calls 03:30).
 */
export function fromParisLocal(local: LocalDateTime): number {
	return readings(local)[0] ?? asUtc(local) - PARIS_OFFSETS[0] * 60_000;
}

/** The latest instant that has the same Paris local time as `instant` (itself, except in the repeated hour). */
export function latestReading(instant: number): number {
	const all = readings(parisLocal(instant));
	return Math.max(instant, ...all);
}

const ISO_LIKE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const FRENCH_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

export interface ReadDateTime {
	/** The wall-clock value as written. */
	local: LocalDateTime;
	/** No time part ("2026-03-05", "05/03/2026"). */
	dateOnly: boolean;
	/** The instant: from the offset when there is one, else as Paris local time (see `fromParisLocal`). */
	instant: number;
	/** True when the value carried an offset (an instant), false when it was Paris local time. */
	zoned: boolean;
}

function validLocal(t: LocalDateTime): boolean {
	return (
		t.mo >= 1 && t.mo <= 12 && t.d >= 1 && t.d <= new Date(Date.UTC(t.y, t.mo, 0)).getUTCDate() &&
		t.h <= 23 && t.mi <= 59 && t.s <= 59
	);
}

/**
 * Reads the date shapes users, n8n and the platform produce: YYYY-MM-DD, YYYY-MM-DD HH:mm, ISO 8601 with or
 * without seconds, fraction and offset, DD/MM/YYYY, and a JavaScript Date. Undefined when unreadable or
 * impossible (2026-02-30).
 */
export function readDateTime(value: unknown): ReadDateTime | undefined {
	if (value instanceof Date) {
		const instant = value.getTime();
		return Number.isNaN(instant) ? undefined : { local: parisLocal(instant), dateOnly: false, instant, zoned: true };
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const fr = FRENCH_DAY.exec(text);
	const m = fr ? undefined : ISO_LIKE.exec(text);
	if (!fr && !m) return undefined;
	const local: LocalDateTime = fr
		? { y: +fr[3], mo: +fr[2], d: +fr[1], h: 0, mi: 0, s: 0, ms: 0 }
		: {
				y: +m![1], mo: +m![2], d: +m![3], h: +(m![4] ?? 0), mi: +(m![5] ?? 0), s: +(m![6] ?? 0),
				ms: m![7] ? Math.floor(+`0.${m![7]}` * 1000) : 0,
			};
	if (!validLocal(local)) return undefined;
	const dateOnly = !m?.[4];
	const zone = m?.[8]?.toUpperCase();
	if (!zone) return { local, dateOnly, instant: fromParisLocal(local), zoned: false };
	let offsetMinutes = 0;
	if (zone !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (+digits.slice(0, 2) * 60 + +(digits.slice(2) || 0));
	}
	return { local, dateOnly, instant: asUtc(local) - offsetMinutes * 60_000, zoned: true };
}

/** Epoch ms of a date the API returns or a user gives; undefined when unreadable. */
export function parseApiDateTime(value: unknown): number | undefined {
	return readDateTime(value)?.instant;
}

/** ISO 8601 in UTC, or null when nothing readable was given. */
export function toIso(value: unknown): string | null {
	const instant = parseApiDateTime(value);
	return instant === undefined ? null : new Date(instant).toISOString();
}

/** "YYYY-MM-DD" to send for a date parameter: the Paris day of an instant, or the day as written. */
export function apiDate(value: unknown): string | undefined {
	const read = readDateTime(value);
	if (!read) return undefined;
	return read.zoned ? toParisDate(read.instant) : dayText(read.local);
}

/**
 * "YYYY-MM-DDTHH:mm:ss" to send for a date-time parameter: Paris local time of an instant, or the local time as
 * written. A day alone is its first second, or its last one for the inclusive end of a period.
 */
export function apiDateTime(value: unknown, endOfDay = false): string | undefined {
	const read = readDateTime(value);
	if (!read) return undefined;
	if (read.dateOnly && !read.zoned) return `${dayText(read.local)}T${endOfDay ? '23:59:59' : '00:00:00'}`;
	return read.zoned ? toParisDateTime(read.instant) : dateTimeText(read.local);
}

/** "YYYY-MM-DDTHH:mm:ss+01:00" to send where the platform takes an offset (consulterCR `dateDepot`). */
export function apiDateTimeWithOffset(value: unknown): string | undefined {
	const instant = parseApiDateTime(value);
	return instant === undefined ? undefined : toParisDateTimeWithOffset(instant);
}

/**
 * The lower bound of a search that must return everything from `instant` on, whatever instant the platform
 * picks for a repeated local time: a time whose every reading is ≤ `instant`. In the autumn repeated hour that
 * is up to one hour earlier; `floor` is the earliest instant the platform may then start from (the caller must
 * recognise what it already saw down to there).
 */
export function searchLowerBound(instant: number): { text: string; floor: number } {
	const own = readings(parisLocal(instant));
	// `instant` is the earlier of two readings: the platform might take the later one, so start an hour before
	// (a time outside the repeated hour). Otherwise every reading of its local time is ≤ `instant`.
	const bound = own.length > 1 && own[0] === instant ? instant - HOUR_MS : instant;
	const sent = parisLocal(bound);
	return { text: dateTimeText(sent), floor: Math.min(bound - (bound % 1000), ...readings({ ...sent, ms: 0 })) };
}

/**
 * The earliest instant a search whose bound is `instant` or any later instant may reach back to: what the
 * trigger must still recognise as already emitted. A bound inside the repeated hour, or the start of that hour
 * within the next hour, reaches back one hour.
 */
export function earliestFloorFrom(instant: number): number {
	const nextHour = instant - (instant % HOUR_MS) + HOUR_MS;
	return Math.min(searchLowerBound(instant).floor, searchLowerBound(nextHour).floor);
}
