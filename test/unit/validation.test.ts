import type { IExecuteFunctions } from 'n8n-workflow';

import { onQualificationPlatform } from '../../nodes/shared/environment';
import { checkSiren, checkSiret, checkSiretOrSiren, luhnValid } from '../../nodes/shared/validation';

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
describe('qualification platform (test identifiers)', () => {
	const on = async (credentials: Record<string, unknown>) =>
		await onQualificationPlatform({ getCredentials: async () => credentials } as unknown as IExecuteFunctions);

	it('is the Sandbox environment, or a custom URL declared as qualification data; never production', async () => {
		expect(await on({ environment: 'sandbox' })).toBe(true);
		expect(await on({})).toBe(true);
		expect(await on({ environment: 'production' })).toBe(false);
		expect(await on({ environment: 'custom' })).toBe(false);
		expect(await on({ environment: 'custom', customPlatform: 'production' })).toBe(false);
		expect(await on({ environment: 'custom', customPlatform: 'qualification' })).toBe(true);
	});

	it('checks the format only when the checksum is waived', () => {
		expect(checkSiret('00000000011559')).toMatch(/check digit/);
		expect(checkSiret('00000000011559', false)).toBeUndefined();
		expect(checkSiret('0000000001155', false)).toMatch(/14 digits/);
		expect(checkSiren('504199102', false)).toBeUndefined();
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
