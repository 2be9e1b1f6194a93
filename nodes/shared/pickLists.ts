import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { commitmentOperations } from '../ChorusProEngagements/operations/commitment';
import { emittedInvoiceOperations } from '../ChorusProFactures/operations/emittedInvoice';
import { receivedInvoiceOperations } from '../ChorusProFactures/operations/receivedInvoice';
import { invoiceToValidateOperations } from '../ChorusProFactures/operations/invoiceToValidate';
import { myAccountOperations } from '../ChorusProTransverse/operations/myAccount';
import { recipientOperations } from '../ChorusProTransverse/operations/recipient';
import { referentialOperations } from '../ChorusProTransverse/operations/referential';
import { structureOperations } from '../ChorusProTransverse/operations/structure';
import { worksInvoiceOperations, worksInvoiceResource } from '../ChorusProTravaux/operations/worksInvoice';
import { worksInvoiceInErrorResource } from '../ChorusProTravaux/operations/worksInvoiceInError';
import { worksInvoiceToProcessResource } from '../ChorusProTravaux/operations/worksInvoiceToProcess';
import { currentValue, listSearchMethod } from './listSearch';
import { SERVICES_STRUCTURE_PARAMETER } from './loadOptions';
import { described } from './lookup';
import { ADDITIONAL_FIELDS } from './properties';

/**
 * What users pick from a list in the editor (resource locators): their structures, any structure, a service of a
 * structure, a recipient, an invoice, a works invoice, a commitment. Each list is one described search; the fields
 * name them in `locator`.
 */

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const joined = (...parts: unknown[]): string => parts.map(text).filter(Boolean).join(' — ');
/** Text typed in a list's search box that is a SIRET or a SIREN: the search's identifier, not a name. */
const isCompanyNumber = (typed: string): boolean => /^(\d{9}|\d{14})$/.test(typed);
const structureName = (e: IDataObject): string => `${text(e.designationStructure)} (${text(e.identifiantStructure)})`;

/** The structures the technical account is attached to (My Account → Get Structure Links), whatever the role. */
const searchMyStructures = listSearchMethod({
	search: () => described(myAccountOperations, 'myAccount', 'getStructureLinks'),
	choice: (e) => ({ name: structureName(e), value: Number(e.idStructure) }),
});

/**
 * The structure the node names in `structure` (or, for a search that spells it another way, in `alias`): a
 * top-level parameter, or else a field of the node's Filters / Additional Fields collection (a structure and its
 * service are both optional filters of a search). `label` is that field's label, for the message when it is not
 * set yet; `what` what the list shows of that structure.
 */
function structureBeside(
	fn: ILoadOptionsFunctions,
	what: string,
	structure: string,
	label: string,
	alias?: string,
): IDataObject[string] {
	const unset = (value: unknown) => value === undefined || value === null || value === '' || value === 0;
	const places = [structure, alias]
		.filter((name): name is string => name !== undefined)
		.flatMap((name) => [name, `${ADDITIONAL_FIELDS}.${name}`]);
	const idStructure = places.map((place) => currentValue(fn, place)).find((value) => !unset(value));
	if (idStructure === undefined) {
		throw new NodeOperationError(fn.getNode(), `Set "${label}" first: the ${what} listed are those of that structure`);
	}
	return idStructure as IDataObject[string];
}

/** The services of the structure in `structure` (or `alias`), see {@link structureBeside}. */
const servicesOf = (structure: string, label: string, alias?: string) =>
	listSearchMethod({
		search: () => described(structureOperations, 'structure', 'searchServices'),
		criteria: (fn) => ({ idStructure: structureBeside(fn, 'services', structure, label, alias) }),
		choice: (e) => ({
			name: `${joined(e.codeService, e.libelleService)}${e.estActif === false ? ' (inactive)' : ''}`,
			value: Number(e.idService),
		}),
	});
/** The services of the action nodes' `idStructure` ("Structure ID"). */
const searchStructureServices = servicesOf(SERVICES_STRUCTURE_PARAMETER, 'Structure ID');
/**
 * The services of the supplier structure of an invoice submitted or searched (`idStructureFournisseur` in a
 * payment-request search).
 */
const searchSupplierServices = servicesOf('idFournisseur', 'Supplier Structure ID', 'idStructureFournisseur');
/** The services of the recipient structure of an invoice searched (`idStructureDestinataire` in a payment request's). */
const searchRecipientServices = servicesOf('idDestinataire', 'Recipient Structure ID', 'idStructureDestinataire');
/**
 * The valid bank accounts of the supplier structure (Referential → Get Valid Bank Accounts), for the bank details
 * of an invoice submitted or the bank-account filter of a works-invoice search (`idStructureFournisseur` there).
 */
const searchSupplierBankAccounts = listSearchMethod({
	search: () => described(referentialOperations, 'referential', 'getValidBankAccounts'),
	criteria: (fn) => ({
		idStructure: structureBeside(fn, 'bank accounts', 'idFournisseur', 'Supplier Structure ID', 'idStructureFournisseur'),
	}),
	choice: (e) => ({ name: `${text(e.nomCoordonneeBancaire)} (${text(e.idCoordonneeBancaire)})`, value: Number(e.idCoordonneeBancaire) }),
});

/** The services of the structure that issues a commitment (`idStructureEmettrice`). */
const searchIssuerServices = servicesOf('idStructureEmettrice', 'Issuing Structure ID');
/** The services of the project manager's structure (`idStructureMoe`) of a works invoice or payment request. */
const searchProjectManagerServices = servicesOf('idStructureMoe', 'Project Manager Structure ID');
/** The services of the project owner's structure (`idStructureMoa`) of a works invoice or payment request. */
const searchProjectOwnerServices = servicesOf('idStructureMoa', 'Project Owner Structure ID');

/**
 * Any public or private structure of the directory (Structure → Search): a SIRET or SIREN typed in the box is its
 * identifier, any other text its company name.
 */
const searchStructures = listSearchMethod({
	search: () => described(structureOperations, 'structure', 'search'),
	filter: (typed): IDataObject => (isCompanyNumber(typed) ? { identifiantStructure: typed } : { raisonSocialeStructure: typed }),
	choice: (e) => ({ name: structureName(e), value: Number(e.idStructureCPP) }),
});

/**
 * Public structures one can invoice (Recipient → Search), by SIRET: a SIRET or SIREN typed in the box is an
 * identifier, any other text a name, city or postcode.
 */
const searchRecipients = listSearchMethod({
	search: () => described(recipientOperations, 'recipient', 'search'),
	filter: (typed): IDataObject => (isCompanyNumber(typed) ? { identifiant: typed } : { nomVilleCodePostal: typed }),
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

/**
 * The works invoice search needs the role the account searches as (roleUtilisateur is required, and each role sees
 * only its own invoices): the role that acts on the invoice in each resource of the node. The supplier reads its
 * works invoices (Get) and corrects those in error; the project manager (MOE) processes a statement first and the
 * project owner (MOA) after it, so "to process" lists both, one run after the other (a piece the account both
 * manages and owns shows in each run).
 */
const WORKS_INVOICE_ROLES: Record<string, string[]> = {
	[worksInvoiceResource.value]: ['FOURNISSEUR'],
	[worksInvoiceInErrorResource.value]: ['FOURNISSEUR'],
	[worksInvoiceToProcessResource.value]: ['MOE', 'MOA'],
};

/** The works invoices of the role that acts in the node's resource (Works Invoice → Search), by invoice number. */
const searchWorksInvoices = listSearchMethod({
	search: () => described(worksInvoiceOperations, worksInvoiceResource.value, 'search'),
	runs: (fn) => {
		const resource = text(fn.getCurrentNodeParameter('resource'));
		const roles = WORKS_INVOICE_ROLES[resource];
		if (!roles) throw new NodeOperationError(fn.getNode(), `No works invoice list for "${resource}"`);
		return roles.map((roleUtilisateur) => ({ roleUtilisateur }));
	},
	filter: (typed) => ({ numeroFactureTravaux: typed }),
	choice: (e) => ({
		name: joined(e.numeroFactureTravaux, e.designationFournisseur ?? e.codeFournisseur, e.statut),
		value: Number(e.idFactureTravaux),
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
export const facturesListSearch = {
	searchMyStructures,
	searchStructures,
	searchRecipients,
	searchInvoices,
	searchSupplierServices,
	searchRecipientServices,
	searchProjectManagerServices,
	searchProjectOwnerServices,
	searchSupplierBankAccounts,
};
export const transverseListSearch = { searchMyStructures, searchStructures, searchStructureServices };
export const travauxListSearch = {
	searchWorksInvoices,
	searchStructures,
	searchSupplierBankAccounts,
	searchProjectManagerServices,
	searchProjectOwnerServices,
};
export const engagementsListSearch = { searchMyStructures, searchCommitments, searchIssuerServices };
/** The trigger's scope: the account's structures, then the services of the one chosen (its `structureId`). */
export const triggerListSearch = { searchMyStructures, searchStructureServices: servicesOf('structureId', 'Structure ID') };
