import { checkSiren, checkSiret, checkSiretOrSiren, luhnValid, parseDate, toApiDate, toApiDateTime } from '../../nodes/shared/validation';

describe('SIREN / SIRET checks (Luhn)', () => {
	it('accepts valid numbers and rejects typos', () => {
		expect(luhnValid('732829320')).toBe(true);
		expect(checkSiren('732829320')).toBeUndefined();
		expect(checkSiren('732829321')).toMatch(/check digit/);
		expect(checkSiren('73282932')).toMatch(/9 digits/);
		expect(checkSiret('73282932000074')).toBeUndefined();
		expect(checkSiret('73282932000075')).toMatch(/check digit/);
		expect(checkSiret('7328293200007')).toMatch(/14 digits/);
		expect(checkSiret('7328293200007A')).toMatch(/14 digits/);
	});
	it('applies the La Poste rule (sum of digits multiple of 5) instead of Luhn', () => {
		expect(checkSiret('35600000000010')).toBeUndefined(); // digit sum 15, not Luhn-valid
		expect(luhnValid('35600000000010')).toBe(false);
		expect(checkSiret('35600000000011')).toMatch(/check digit/);
	});
	it('tells SIRET from SIREN', () => {
		expect(checkSiretOrSiren('732829320')).toBeUndefined();
		expect(checkSiretOrSiren('73282932000074')).toBeUndefined();
		expect(checkSiretOrSiren('1234')).toMatch(/SIRET .* or a SIREN/);
	});
});

describe('dates', () => {
	it('normalises the formats users and n8n produce', () => {
		expect(toApiDate('2026-03-05')).toBe('2026-03-05');
		expect(toApiDate('2026-03-05T10:11:12.000Z')).toBe('2026-03-05');
		expect(toApiDate('05/03/2026')).toBe('2026-03-05');
		expect(toApiDate('2026-03-05', true)).toBe('2026-03-05T23:59:59');
		expect(toApiDateTime('2026-03-05T10:11')).toBe('2026-03-05T10:11:00');
	});
	it('rejects impossible dates', () => {
		expect(parseDate('2026-02-30')).toBeUndefined();
		expect(parseDate('2026-13-01')).toBeUndefined();
		expect(parseDate('yesterday')).toBeUndefined();
		expect(toApiDate('2026-02-29')).toBeUndefined();
		expect(toApiDate('2028-02-29')).toBe('2028-02-29');
	});
});

describe('wording an accountant reads (issue 11)', () => {
	it('says "check digit", never "Luhn"', () => {
		for (const problem of [checkSiren('732829321'), checkSiret('73282932000075'), checkSiret('35600000000011')]) {
			expect(problem).toMatch(/not a valid SIRE[NT] \(its check digit does not match\)/);
			expect(problem).not.toMatch(/luhn/i);
		}
	});
});
