import { checkCurrency, checkIdentifier, checkSiren, checkSiret, checkSiretOrSiren } from './validation';

/**
 * The registry of field checks: a field names one (`Field.check`) and the parameter reader (parameters.ts) runs it
 * before any HTTP call, so every check is reported by the one error builder with the field's label and the item.
 * A check returns the problem in words (without the field name), or undefined when the value is fine. `checksum`
 * false checks the format of SIRET/SIREN only: on the qualification platform a checksum failure is a warning.
 */
export type CheckFunction = (value: string, checksum: boolean) => string | undefined;

const UUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Intra-EU VAT number: country code + 2 to 13 letters or digits. */
const VAT = /^[A-Z]{2}[0-9A-Z]{2,13}$/;
/** `identifiantRoutage` pattern of the PPF annuaire OpenAPI. */
const ROUTING_CODE = /^(?!\s+$)[-_/@a-zA-Z0-9]{1,100}$/;

/**
 * An identifier in a Référentiel des Organisations path: a UUID (32 hex characters), or per the server's own error
 * message a SIREN for a legal unit, a SIRET or an intra-EU VAT number for a structure.
 */
function organisationId(kind: 'siren' | 'structure' | 'uuid'): CheckFunction {
	return (value, checksum) => {
		if (UUID.test(value)) return undefined;
		if (kind === 'siren' && /^\d{9}$/.test(value)) return checkSiren(value, checksum);
		if (kind === 'structure' && /^\d{14}$/.test(value)) return checkSiret(value, checksum);
		if (kind === 'structure' && VAT.test(value)) return undefined;
		const accepted =
			kind === 'siren' ? 'a UUID (32 hex characters) or a SIREN' : kind === 'structure' ? 'a UUID (32 hex characters), a SIRET or an intra-EU VAT number' : 'a UUID (32 hex characters)';
		return `"${value}" is not ${accepted}`;
	};
}

export const FIELD_CHECKS = {
	siret: checkSiret,
	siren: checkSiren,
	siretOrSiren: checkSiretOrSiren,
	/** A structure identifier that, when it is all digits, must be a valid SIRET or SIREN. */
	identifier: checkIdentifier,
	/** An ISO 4217 code (three capital letters), also when typed as an expression instead of picked. */
	currency: (value) => checkCurrency(value),
	organisationSiren: organisationId('siren'),
	organisationStructure: organisationId('structure'),
	uuid: organisationId('uuid'),
	routingCode: (value) =>
		ROUTING_CODE.test(value) ? undefined : `"${value}" may only hold letters, digits and - _ / @ (1 to 100 characters)`,
} satisfies Record<string, CheckFunction>;

export type FieldCheck = keyof typeof FIELD_CHECKS;
