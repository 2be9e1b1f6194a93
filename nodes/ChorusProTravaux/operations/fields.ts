import type { Field, Operation } from '../../shared/operation';
import { BILLING_FRAMEWORKS } from '../../shared/enums';

/** Field shapes the works-invoice operations share (factures de travaux, reference §4). */

/** The frameworks of works invoices: every A-code except the plain invoices (A1, A2, A9, A12), A3 and A21. */
export const WORKS_FRAMEWORKS: readonly string[] = BILLING_FRAMEWORKS.filter(
	(code) => !/^A(1|2|3|9|12|21)_/.test(code),
);

/** Refusal reason codes of works invoices (AIFE example of recupererMotifsRefusFactureTravaux, §4). */
export const WORKS_REFUSAL_CODES = [
	{ name: 'Other (Autre)', value: 'AUTRE', description: 'Explain in the comment' },
	{ name: 'Wrong Validator (Mauvais Valideur)', value: 'MAUVAIS_VALIDEUR' },
	{ name: 'Wrong Project Manager (Mauvaise MOE)', value: 'MAUVAISE_MOE' },
	{ name: 'Wrong Project Owner (Mauvaise MOA)', value: 'MAUVAISE_MOA' },
	{ name: 'Works Invoice Refused (Ref Fac Travaux)', value: 'REF_FAC_TRAVAUX' },
];

export const worksInvoiceId: Field = {
	name: 'idFactureTravaux',
	label: 'Works Invoice ID',
	type: 'integer',
	required: true,
	description: 'Chorus Pro id of the works invoice (idFactureTravaux)',
};

export function comment(required = false, description = 'Comment the other party sees (commentaire)'): Field {
	return { name: 'commentaire', label: 'Comment', type: 'string', required, description };
}

export const integerField = (name: string, label: string, description: string, extra: Partial<Field> = {}): Field => ({
	name,
	label,
	type: 'integer',
	description,
	...extra,
});

export const textField = (name: string, label: string, description: string, extra: Partial<Field> = {}): Field => ({
	name,
	label,
	type: 'string',
	description,
	...extra,
});

/**
 * A works-invoice action that moves its status: one POST with the invoice id and the given fields, never re-sent
 * after an unknown outcome. Used by the "process" and "in error" groups of table 4.1.
 */
export function worksStatusChange(resource: string) {
	return (
		operation: string,
		name: string,
		action: string,
		description: string,
		path: string,
		extra: Operation['fields'],
	): Operation => ({
		resource,
		operation,
		name,
		action,
		description,
		api: 'facturesTravaux',
		method: 'POST',
		path,
		mutates: true,
		howToCheck: 'get the works invoice (Works Invoice → Get) and look at its current status before running this item again.',
		fields: [worksInvoiceId, ...extra],
	});
}
