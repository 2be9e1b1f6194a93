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

/**
 * SIREN / SIRET checks. `checksum` false checks the format only: the qualification (sandbox) platform's test data
 * use identifiers that fail the checksum (AIFE examples: 00000000011559, 00000000005734; the sandbox structure
 * 50419910266307 of turbo124/piste-gouv-fr's tests), so there a checksum failure is only a warning (parameters.ts).
 */
export function checkSiren(value: string, checksum = true): string | undefined {
	if (!/^\d{9}$/.test(value)) return 'a SIREN has exactly 9 digits';
	if (checksum && !luhnValid(value)) return 'this is not a valid SIREN (its check digit does not match): check for a typo';
	return undefined;
}

export function checkSiret(value: string, checksum = true): string | undefined {
	if (!/^\d{14}$/.test(value)) return 'a SIRET has exactly 14 digits';
	if (!checksum) return undefined;
	if (value.startsWith(LA_POSTE_SIREN)) {
		const sum = [...value].reduce((total, c) => total + Number(c), 0);
		return sum % 5 === 0 ? undefined : 'this is not a valid SIRET (its check digit does not match): check for a typo';
	}
	if (!luhnValid(value)) return 'this is not a valid SIRET (its check digit does not match): check for a typo';
	return undefined;
}

export function checkSiretOrSiren(value: string, checksum = true): string | undefined {
	if (/^\d{9}$/.test(value)) return checkSiren(value, checksum);
	if (/^\d{14}$/.test(value)) return checkSiret(value, checksum);
	return 'expected a SIRET (14 digits) or a SIREN (9 digits)';
}

/**
 * Structure identifiers are a SIRET for French structures and free text for the others (VAT number, RIDET…): a
 * number is read as a SIRET or SIREN, so a typo in it is an error rather than "no such structure".
 */
export function checkIdentifier(value: string, checksum = true): string | undefined {
	return /^\d+$/.test(value) ? checkSiretOrSiren(value, checksum) : undefined;
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

/** 10 MB, 30 MB…: the limits of docs/api-notes.md §13.2 are in "Mo", 1 Mo = 1024 × 1024 bytes. */
export const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
	return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
