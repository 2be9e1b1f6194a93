/**
 * Chorus Pro lives in Europe/Paris: a date-time without an offset, in a request or an answer, is Paris local
 * time (reference §13.4). These helpers turn the platform's shapes into instants and back.
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

function parisParts(instant: number): Record<string, string> {
	const parts: Record<string, string> = {};
	for (const part of PARIS.formatToParts(new Date(instant))) parts[part.type] = part.value;
	return parts;
}

/** Minutes Paris is ahead of UTC at that instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: number): number {
	const p = parisParts(instant);
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** "YYYY-MM-DDTHH:mm:ss" in Paris local time, the shape the searches take (seconds rounded down). */
export function toParisDateTime(instant: number): string {
	const p = parisParts(instant);
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

const LENIENT =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const FRENCH_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * Epoch ms of a date the API returns: "YYYY-MM-DD", "YYYY-MM-DD HH:mm", ISO with or without milliseconds and
 * offset, or "DD/MM/YYYY". Without an offset the value is Paris local time. Undefined when unreadable.
 */
export function parseApiDateTime(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const fr = FRENCH_DAY.exec(text);
	const m = fr ? undefined : LENIENT.exec(text);
	if (!fr && !m) return undefined;
	const [y, mo, d] = fr ? [+fr[3], +fr[2], +fr[1]] : [+m![1], +m![2], +m![3]];
	const [h, mi, s] = m ? [+(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)] : [0, 0, 0];
	const ms = m?.[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
	if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || mi > 59 || s > 59) {
		return undefined;
	}
	const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const zone = m?.[8];
	if (zone === 'Z') return local;
	if (zone) {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		return local - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
	}
	// Paris local time; a second pass settles the offset around the daylight-saving changes.
	const guess = local - parisOffsetMinutes(local) * 60_000;
	return local - parisOffsetMinutes(guess) * 60_000;
}

/** ISO 8601 in UTC, or null when the API gave nothing readable. */
export function toIso(value: unknown): string | null {
	const instant = parseApiDateTime(value);
	return instant === undefined ? null : new Date(instant).toISOString();
}
