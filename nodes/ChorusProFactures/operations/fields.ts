import type { Field } from '../../shared/operation';
import { INVOICE_STATUSES, PAYMENT_REQUEST_TYPES } from '../../shared/enums';

/** Field shapes the Factures operations share. */

export const invoiceId = (key = 'idFacture', description = 'Chorus Pro id of the invoice (idFacture / identifiantFactureCPP)'): Field => ({
	name: key,
	label: 'Invoice ID',
	type: 'integer',
	required: true,
	locator: { list: 'searchInvoices' },
	description,
});

/** A from/to pair of date filters; the end includes the whole day. */
export function dateRange(prefix: string, label: string, type: 'date' | 'dateTime' = 'date'): Field[] {
	return [
		{ name: `${prefix}Du`, label: `${label} From`, type, description: `${prefix}Du` },
		{ name: `${prefix}Au`, label: `${label} To`, type, endOfDay: true, description: `${prefix}Au (inclusive)` },
	];
}

export const statusFilter = (key = 'statutCourant'): Field => ({
	name: key,
	label: 'Statuses',
	type: 'multiOptions',
	options: INVOICE_STATUSES,
	description: 'Only invoices whose current status is one of these',
});

export const paymentRequestType = (values: readonly string[] = PAYMENT_REQUEST_TYPES): Field => ({
	name: 'typeDemandePaiement',
	label: 'Payment Request Type',
	type: 'options',
	options: values,
	description: 'typeDemandePaiement',
});

/** Amount range filters; `aPayer` is spelt `Apayer` in some searches (reference §3.8). */
export function amountRange(aPayerSpelling: 'Apayer' | 'APayer'): Field[] {
	return [
		{ name: 'montantHTMin', label: 'Amount Excl. VAT Min', type: 'number' },
		{ name: 'montantHTMax', label: 'Amount Excl. VAT Max', type: 'number' },
		{ name: 'montantTTCMin', label: 'Amount Incl. VAT Min', type: 'number' },
		{ name: 'montantTTCMax', label: 'Amount Incl. VAT Max', type: 'number' },
		{ name: `montant${aPayerSpelling}Min`, label: 'Amount to Pay Min', type: 'number' },
		{ name: `montant${aPayerSpelling}Max`, label: 'Amount to Pay Max', type: 'number' },
	];
}

export const text = (name: string, label: string, description?: string, extra: Partial<Field> = {}): Field => ({
	name,
	label,
	type: 'string',
	description: description ?? name,
	...extra,
});

export const id = (name: string, label: string, description?: string, extra: Partial<Field> = {}): Field => ({
	name,
	label,
	type: 'integer',
	description: description ?? name,
	...extra,
});

export const flag = (name: string, label: string, description: string): Field => ({
	name,
	label,
	type: 'boolean',
	description,
});

export const languageField: Field = {
	name: 'codeLangue',
	label: 'Language',
	type: 'options',
	options: ['FR', 'EN'],
	description: 'Language of the labels in the answer',
};
