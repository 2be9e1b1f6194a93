import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { commitmentOperations } from '../ChorusProEngagements/operations/commitment';
import { emittedInvoiceOperations } from '../ChorusProFactures/operations/emittedInvoice';
import { receivedInvoiceOperations } from '../ChorusProFactures/operations/receivedInvoice';
import { invoiceToValidateOperations } from '../ChorusProFactures/operations/invoiceToValidate';
import { myAccountOperations } from '../ChorusProTransverse/operations/myAccount';
import { recipientOperations } from '../ChorusProTransverse/operations/recipient';
import { structureOperations } from '../ChorusProTransverse/operations/structure';
import { currentValue, listSearchMethod } from './listSearch';
import { SERVICES_STRUCTURE_PARAMETER } from './loadOptions';
import { described } from './lookup';

/**
 * What users pick from a list in the editor (resource locators): their structures, a service of a structure, a
 * recipient, an invoice, a commitment. Each list is one described search; the fields name them in `locator`.
 */

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const joined = (...parts: unknown[]): string => parts.map(text).filter(Boolean).join(' — ');

/** The structures the technical account is attached to (My Account → Get Structure Links), whatever the role. */
const searchMyStructures = listSearchMethod({
	search: () => described(myAccountOperations, 'myAccount', 'getStructureLinks'),
	choice: (e) => ({ name: `${text(e.designationStructure)} (${text(e.identifiantStructure)})`, value: Number(e.idStructure) }),
});

/**
 * The services of the structure in the node's `structureParameter` ("Structure ID") (Structure → Search
 * Services): the action nodes' `idStructure`, the trigger's `structureId`.
 */
const servicesOf = (structureParameter: string) =>
	listSearchMethod({
		search: () => described(structureOperations, 'structure', 'searchServices'),
		criteria: (fn) => {
			const idStructure = currentValue(fn, structureParameter);
			if (idStructure === undefined || idStructure === null || idStructure === '' || idStructure === 0) {
				throw new NodeOperationError(fn.getNode(), 'Set "Structure ID" first: the services listed are those of that structure');
			}
			return { idStructure };
		},
		choice: (e) => ({
			name: `${joined(e.codeService, e.libelleService)}${e.estActif === false ? ' (inactive)' : ''}`,
			value: Number(e.idService),
		}),
	});
const searchStructureServices = servicesOf(SERVICES_STRUCTURE_PARAMETER);

/**
 * Public structures one can invoice (Recipient → Search), by SIRET: a SIRET or SIREN typed in the box is an
 * identifier, any other text a name, city or postcode.
 */
const searchRecipients = listSearchMethod({
	search: () => described(recipientOperations, 'recipient', 'search'),
	filter: (typed): IDataObject => (/^(\d{9}|\d{14})$/.test(typed) ? { identifiant: typed } : { nomVilleCodePostal: typed }),
	choice: (e) => ({
		name: `${text(e.nomDestinataire)} (${text(e.siret)})${e.adresseVille ? ` — ${text(e.adresseCodePostal)} ${text(e.adresseVille)}` : ''}`,
		value: text(e.siret),
	}),
});

/** The invoice search of each role (resource) of the Factures node. */
const INVOICE_SEARCHES = {
	emittedInvoice: emittedInvoiceOperations,
	receivedInvoice: receivedInvoiceOperations,
	invoiceToValidate: invoiceToValidateOperations,
};

/** The invoices of the role the node is set to (its resource's Search), by invoice number. */
const searchInvoices = listSearchMethod({
	search: (fn) => {
		const resource = text(fn.getCurrentNodeParameter('resource')) as keyof typeof INVOICE_SEARCHES;
		const operations = INVOICE_SEARCHES[resource];
		if (!operations) throw new NodeOperationError(fn.getNode(), `No invoice list for "${resource}"`);
		return described(operations, resource, 'search');
	},
	filter: (typed) => ({ numeroFacture: typed }),
	choice: (e) => ({
		// Supplier searches name the id identifiantFactureCPP, the others idFacture (docs/api-notes.md §3.8, §3.12).
		name: joined(e.numeroFacture, e.designationFournisseur ?? e.designationDestinataire, e.statut),
		value: Number(e.idFacture ?? e.identifiantFactureCPP),
	}),
});

/** Commitments (Commitment → Search), by commitment number. */
const searchCommitments = listSearchMethod({
	search: () => described(commitmentOperations, 'commitment', 'search'),
	filter: (typed) => ({ numeroEngagementJuridique: typed }),
	choice: (e) => ({
		name: joined(e.numeroEngagementJuridique, e.libelleTypeEngagementJuridique, e.libelleEtatCourantEJ),
		value: Number(e.idEngagementJuridique),
	}),
});

/** The lists of each node, ready for `methods: { listSearch }`. */
export const facturesListSearch = { searchMyStructures, searchRecipients, searchInvoices };
export const transverseListSearch = { searchMyStructures, searchStructureServices };
export const engagementsListSearch = { searchMyStructures, searchCommitments };
/** The trigger's scope: the account's structures, then the services of the one chosen (its `structureId`). */
export const triggerListSearch = { searchMyStructures, searchStructureServices: servicesOf('structureId') };
