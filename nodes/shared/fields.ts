import { INVOICE_STATUSES, LANGUAGES, PAYMENT_REQUEST_TYPES } from './enums';
import type { Field, Locator, OptionValue } from './operation';

/**
 * The one field vocabulary of every node: a builder per kind of value, and the fields several operations (or
 * nodes) share. A builder takes the parameter name and its label, then any other `Field` property by name. A
 * field that says nothing more than its API key gets its help sentence from fieldHelp.ts.
 */

type More = Partial<Field>;
type Values = ReadonlyArray<string | OptionValue>;

export const text = (name: string, label: string, more: More = {}): Field => ({ name, label, type: 'string', ...more });

/** A Chorus Pro id or a count (int64). */
export const integer = (name: string, label: string, more: More = {}): Field => ({ name, label, type: 'integer', ...more });

/** A decimal, e.g. an amount. */
export const number = (name: string, label: string, more: More = {}): Field => ({ name, label, type: 'number', ...more });

export const flag = (name: string, label: string, more: More = {}): Field => ({ name, label, type: 'boolean', ...more });

/** One value of a list. */
export const oneOf = (name: string, label: string, options: Values, more: More = {}): Field => ({
	name,
	label,
	type: 'options',
	options,
	...more,
});

/** Several values of a list, sent as an array. */
export const manyOf = (name: string, label: string, options: Values, more: More = {}): Field => ({
	name,
	label,
	type: 'multiOptions',
	options,
	...more,
});

/** A from/to pair of date (or date-time) filters, `<prefix>Du` / `<prefix>Au`; the end includes the whole day. */
export function dateRange(prefix: string, label: string, type: 'date' | 'dateTime' = 'date'): Field[] {
	return [
		{ name: `${prefix}Du`, label: `${label} From`, type, description: `${prefix}Du` },
		{ name: `${prefix}Au`, label: `${label} To`, type, endOfDay: true, description: `${prefix}Au (inclusive)` },
	];
}

/** A min/max pair of amount filters, `<prefix>Min` / `<prefix>Max`. */
export function amountRange(prefix: string, label: string): Field[] {
	return [number(`${prefix}Min`, `${label} Min`), number(`${prefix}Max`, `${label} Max`)];
}

/** The amount filters of the invoice searches; "amount to pay" is spelt `Apayer` in some of them (docs/api-notes.md §3.8). */
export function invoiceAmountRanges(aPayerSpelling: 'Apayer' | 'APayer'): Field[] {
	return [
		...amountRange('montantHT', 'Amount Excl. VAT'),
		...amountRange('montantTTC', 'Amount Incl. VAT'),
		...amountRange(`montant${aPayerSpelling}`, 'Amount to Pay'),
	];
}

/** The totals of an invoice submitted to Chorus Pro, in the body's `montantTotal` object. */
export const INVOICE_TOTAL = {
	excludingVat: number('montantHtTotal', 'Total Excl. VAT', { key: 'montantTotal.montantHtTotal' }),
	vat: number('montantTVA', 'Total VAT', { key: 'montantTotal.montantTVA' }),
	includingVat: number('montantTtcTotal', 'Total Incl. VAT', { key: 'montantTotal.montantTtcTotal' }),
	toPay: number('montantAPayer', 'Amount to Pay', { key: 'montantTotal.montantAPayer' }),
} as const;

/**
 * The lists users pick structures and services from (resource locators; nodes/shared/pickLists.ts): a node that
 * offers one declares the method in its `methods.listSearch`.
 */
export const PICK = {
	/** The structures the technical account is attached to. */
	myStructure: { list: 'searchMyStructures' },
	/** Any public or private structure of the directory. */
	anyStructure: { list: 'searchStructures' },
	/** The services of the action nodes' Structure ID (`idStructure`). */
	structureService: { list: 'searchStructureServices' },
	/** The services of the supplier structure (`idFournisseur`, or `idStructureFournisseur`). */
	supplierService: { list: 'searchSupplierServices' },
	/** The services of the recipient structure (`idDestinataire`, or `idStructureDestinataire`). */
	recipientService: { list: 'searchRecipientServices' },
	/** The valid bank accounts of the supplier structure (`idFournisseur`, or `idStructureFournisseur`). */
	supplierBankAccount: { list: 'searchSupplierBankAccounts' },
	/** The services of the structure that issues a commitment (`idStructureEmettrice`). */
	issuerService: { list: 'searchIssuerServices' },
	/** The services of the project manager's structure (`idStructureMoe`). */
	projectManagerService: { list: 'searchProjectManagerServices' },
	/** The services of the project owner's structure (`idStructureMoa`). */
	projectOwnerService: { list: 'searchProjectOwnerServices' },
} satisfies Record<string, Locator>;

// --- fields several operations share --------------------------------------------------------------------------

/** `codeLangue`: the language of the labels in the answer. */
export const LANGUAGE: Field = oneOf('codeLangue', 'Language', LANGUAGES, {
	description: 'Language of the labels in the answer (codeLangue)',
});

export const comment = (more: More = {}): Field => text('commentaire', 'Comment', more);

export const siren = (more: More = {}): Field => text('siren', 'SIREN', { check: 'siren', ...more });

export const siret = (more: More = {}): Field => text('siret', 'SIRET', { check: 'siret', ...more });

/** A Chorus Pro structure id (idStructureCPP), required unless said otherwise. */
export const structureId = (more: More = {}): Field => integer('idStructure', 'Structure ID', { required: true, ...more });

export const invoiceId = (more: More = {}): Field =>
	integer('idFacture', 'Invoice ID', {
		required: true,
		locator: { list: 'searchInvoices' },
		description: 'Chorus Pro id of the invoice (idFacture / identifiantFactureCPP)',
		...more,
	});

/** The current statuses an invoice search keeps. */
export const invoiceStatuses = (more: More = {}): Field =>
	manyOf('statutCourant', 'Statuses', INVOICE_STATUSES, { description: 'Only invoices whose current status is one of these', ...more });

export const paymentRequestType = (more: More = {}): Field =>
	oneOf('typeDemandePaiement', 'Payment Request Type', PAYMENT_REQUEST_TYPES, { description: 'typeDemandePaiement', ...more });

const PARTIES = { Fournisseur: 'Suppliers', Destinataire: 'Recipients' } as const;

/** Whether an invoice search matches suppliers or recipients by SIREN (the whole company) instead of SIRET. */
export const matchBySiren = (party: keyof typeof PARTIES): Field =>
	flag(`rechercheSiren${party}`, `Match ${PARTIES[party]} by SIREN`, {
		description: `Whether to match ${PARTIES[party].toLowerCase()} by SIREN (the whole company) instead of SIRET (rechercheSiren${party})`,
	});

export const GET_SIZES: Field = flag('recupererTaille', 'Get Sizes', { description: 'Whether to fill the size of each invoice (taille)' });
