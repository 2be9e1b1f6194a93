/**
 * Input checks that run before any HTTP call. Each returns an error sentence (without the field name, which
 * the caller adds together with the item number) or undefined when the value is fine.
 */

/** Luhn checksum used by INSEE for SIREN and SIRET numbers. */
export function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

// La Poste's establishments share SIREN 356000000 and do not follow Luhn: INSEE checks that the sum of the
// SIRET digits is a multiple of 5 instead.
const LA_POSTE_SIREN = '356000000';

export function checkSiren(value: string): string | undefined {
	if (!/^\d{9}$/.test(value)) return 'a SIREN has exactly 9 digits';
	if (!luhnValid(value)) return 'this is not a valid SIREN (its check digit does not match): check for a typo';
	return undefined;
}

export function checkSiret(value: string): string | undefined {
	if (!/^\d{14}$/.test(value)) return 'a SIRET has exactly 14 digits';
	if (value.startsWith(LA_POSTE_SIREN)) {
		const sum = [...value].reduce((total, c) => total + Number(c), 0);
		return sum % 5 === 0 ? undefined : 'this is not a valid SIRET (its check digit does not match): check for a typo';
	}
	if (!luhnValid(value)) return 'this is not a valid SIRET (its check digit does not match): check for a typo';
	return undefined;
}

export function checkSiretOrSiren(value: string): string | undefined {
	if (/^\d{9}$/.test(value)) return checkSiren(value);
	if (/^\d{14}$/.test(value)) return checkSiret(value);
	return 'expected a SIRET (14 digits) or a SIREN (9 digits)';
}

/**
 * Structure identifiers are a SIRET for French structures and free text for the others (VAT number, RIDET…): a
 * number is read as a SIRET or SIREN, so a typo in it is an error rather than "no such structure".
 */
export function checkIdentifier(value: string): string | undefined {
	return /^\d+$/.test(value) ? checkSiretOrSiren(value) : undefined;
}

export function checkCurrency(value: string): string | undefined {
	return /^[A-Z]{3}$/.test(value) ? undefined : 'expected a currency code of three capital letters (ISO 4217), e.g. EUR';
}

// Tab, line feed and carriage return are text; the other control characters come from copy-pastes and break the
// platform's XML and PDF outputs.
const TEXT_CONTROLS = new Set([9, 10, 13]);

function hasControlCharacter(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if ((code < 32 && !TEXT_CONTROLS.has(code)) || code === 127) return true;
	}
	return false;
}

export function checkFreeText(value: string): string | undefined {
	return hasControlCharacter(value)
		? 'contains an invisible control character (often from a copy-paste): retype the text or remove that character'
		: undefined;
}

/** "item 1" for index 0: users count items from one, as n8n's table does. */
export function itemName(itemIndex: number): string {
	return `item ${itemIndex + 1}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses the dates users type or n8n's date picker produces (YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][.SSS][Z|±hh:mm],
 * DD/MM/YYYY) into calendar parts, rejecting impossible dates such as 2026-02-30.
 */
export function parseDate(
	value: string,
): { y: number; m: number; d: number; hh: number; mm: number; ss: number } | undefined {
	const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
	const match = fr ? null : DATE_RE.exec(value.trim());
	if (!fr && !match) return undefined;
	const [y, m, d] = fr ? [+fr[3], +fr[2], +fr[1]] : [+match![1], +match![2], +match![3]];
	const [hh, mm, ss] = match ? [+(match[4] ?? 0), +(match[5] ?? 0), +(match[6] ?? 0)] : [0, 0, 0];
	const probe = new Date(Date.UTC(y, m - 1, d));
	if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
	if (hh > 23 || mm > 59 || ss > 59) return undefined;
	return { y, m, d, hh, mm, ss };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Chorus Pro's request format for dates (reference §13.4). */
export function toApiDate(value: string, endOfDay = false): string | undefined {
	const parts = parseDate(value);
	if (!parts) return undefined;
	const day = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
	return endOfDay ? `${day}T23:59:59` : day;
}

export function toApiDateTime(value: string): string | undefined {
	const p = parseDate(value);
	if (!p) return undefined;
	return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(p.hh)}:${pad(p.mm)}:${pad(p.ss)}`;
}

/** 10 MB, 30 MB…: the limits of reference §13.2 are in "Mo", 1 Mo = 1024 × 1024 bytes. */
export const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
	return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
