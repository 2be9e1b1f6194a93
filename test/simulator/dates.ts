/**
 * Dates as Chorus Pro writes and reads them (docs/api-notes.md §2.3, §13.4). The platform lives in Europe/Paris:
 * a request date without a zone ("2025-03-01", "2025-03-31T23:59:59") is read as Paris local time, and answers
 * carry Paris local dates ("YYYY-MM-DD", "YYYY-MM-DD HH:mm") or ISO 8601 with the Paris offset.
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

interface LocalParts {
	year: string;
	month: string;
	day: string;
	hour: string;
	minute: string;
	second: string;
}

function parisParts(date: Date): LocalParts {
	const parts: Record<string, string> = {};
	for (const part of PARIS.formatToParts(date)) parts[part.type] = part.value;
	return parts as unknown as LocalParts;
}

/** Offset of Paris from UTC at that instant, in minutes (+60 in winter, +120 in summer). */
export function parisOffsetMinutes(date: Date): number {
	const p = parisParts(date);
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/**
 * Two things the public record does not settle, switchable by tests (`sim.dates`): which instant the platform
 * takes for a request time without offset in the repeated autumn hour (Paris 02:00–03:00 on the last Sunday of
 * October happens twice; Java's `LocalDateTime.atZone` takes the earlier one), and whether answer date-times
 * carry their offset. Shared by every simulator of the process: `startSimulator` resets them.
 */
export const platformDates = {
	repeatedHour: 'earlier' as 'earlier' | 'later',
	answerOffsets: true,
};

export function resetPlatformDates(): void {
	platformDates.repeatedHour = 'earlier';
	platformDates.answerOffsets = true;
}

/** "2025-03-16" */
export function toDay(date: Date): string {
	const p = parisParts(date);
	return `${p.year}-${p.month}-${p.day}`;
}

/** "2025-03-16 10:41" (history, services) */
export function toMinute(date: Date): string {
	const p = parisParts(date);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2025-03-16T10:41:57.004+01:00" (flux reports, dateHeureEtatCourant) */
export function toIsoParis(date: Date): string {
	const p = parisParts(date);
	const offset = parisOffsetMinutes(date);
	const sign = offset >= 0 ? '+' : '-';
	const abs = Math.abs(offset);
	const ms = String(date.getTime() % 1000).padStart(3, '0');
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	const local = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${ms}`;
	return platformDates.answerOffsets ? `${local}${sign}${hh}:${mm}` : local;
}

const LENIENT =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True for every date shape the platform accepts in a request (§13.4), calendar-checked. */
export function isLenientDate(value: string): boolean {
	return parseLenientDate(value) !== undefined;
}

/**
 * Epoch milliseconds of a request date. Date-only values mean the start of that Paris day, or its last
 * millisecond when `endOfDay` (the "…Au" bound of a period, inclusive).
 */
export function parseLenientDate(value: string, endOfDay = false): number | undefined {
	const m = LENIENT.exec(value);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, frac, zone] = m;
	const year = +y;
	const month = +mo;
	const day = +d;
	if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
		return undefined;
	}
	if ((h !== undefined && +h > 23) || (mi !== undefined && +mi > 59) || (s !== undefined && +s > 59)) {
		return undefined;
	}
	const ms = frac ? Math.round(+`0.${frac}` * 1000) : 0;
	let local = Date.UTC(year, month - 1, day, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, ms);
	if (h === undefined && endOfDay) local += 86_400_000 - 1;
	if (zone) {
		if (zone === 'Z') return local;
		const sign = zone[0] === '-' ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		return local - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
	}
	// No zone: Paris local time. Each of Paris' two offsets gives a candidate, valid when Paris really has that
	// offset then: two in the repeated autumn hour (pick per `platformDates`), none in the spring gap (the clock
	// without the change, as Java does: 02:30 → 03:30 summer time).
	const candidates = [60, 120].filter((offset) => parisOffsetMinutes(new Date(local - offset * 60_000)) === offset);
	if (candidates.length === 0) return local - 60 * 60_000;
	const offset = candidates.length === 1 ? candidates[0] : platformDates.repeatedHour === 'earlier' ? 120 : 60;
	return local - offset * 60_000;
}

/** Paris calendar day of a request date ("2025-03-14" or "2025-03-14T00:00:00"). */
export function dayOf(value: string): string | undefined {
	const t = parseLenientDate(value);
	return t === undefined ? undefined : toDay(new Date(t));
}
