/**
 * Which invoices the technical account sees, per role. An invoice outside the account's structures answers
 * like an unknown one (a non-zero codeRetour), as the platform does not reveal other structures' invoices.
 */
import { Errors } from '../codes';
import type { Invoice, SimulatorStore } from '../store';
import { RECIPIENT_VISIBLE } from './lifecycle';

export function isSupplierOf(store: SimulatorStore, invoice: Invoice): boolean {
	return store.account.fournisseur.has(invoice.idFournisseur);
}

export function isRecipientOf(store: SimulatorStore, invoice: Invoice): boolean {
	return store.account.destinataire.has(invoice.idDestinataire) && RECIPIENT_VISIBLE.has(invoice.statut);
}

export function isValidatorOf(store: SimulatorStore, invoice: Invoice): boolean {
	const v = store.account.valideur;
	return (invoice.idValideur1 !== null && v.has(invoice.idValideur1)) || (invoice.idValideur2 !== null && v.has(invoice.idValideur2));
}

function find(store: SimulatorStore, id: unknown, visible: (i: Invoice) => boolean): Invoice {
	const invoice = typeof id === 'number' ? store.invoice(id) : undefined;
	if (!invoice || !visible(invoice)) throw Errors.unknownInvoice();
	return invoice;
}

export const supplierInvoice = (store: SimulatorStore, id: unknown) => find(store, id, (i) => isSupplierOf(store, i));
export const recipientInvoice = (store: SimulatorStore, id: unknown) => find(store, id, (i) => isRecipientOf(store, i));
export const validatorInvoice = (store: SimulatorStore, id: unknown) => find(store, id, (i) => isValidatorOf(store, i));
export const anyInvoice = (store: SimulatorStore, id: unknown) =>
	find(store, id, (i) => isSupplierOf(store, i) || isRecipientOf(store, i) || isValidatorOf(store, i));
