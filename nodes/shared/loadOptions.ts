import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { ApiGroup } from './apis';
import { codeLabel } from './codeLabels';
import { apiRequest } from './transport';

/**
 * Dynamic dropdowns read through the credential: the values come from the user's own Chorus Pro platform
 * (currency, VAT rate and billing frame codes are data there, reference §15.4), not from a list frozen in the
 * package. Any node may list these in `methods.loadOptions`.
 */

interface ListSource {
	api: ApiGroup;
	path: string;
	body: IDataObject;
	list: string;
	toOption: (entry: IDataObject) => INodePropertyOptions;
}

async function listOptions(this: ILoadOptionsFunctions, source: ListSource): Promise<INodePropertyOptions[]> {
	const response = await apiRequest.call(this, {
		api: source.api,
		method: 'POST',
		path: source.path,
		body: source.body,
		mutates: false,
		noResultCodes: [20000, 20007],
	});
	const entries = response[source.list];
	if (!Array.isArray(entries)) return [];
	return (entries as IDataObject[]).map(source.toOption);
}

const labelled = (code: unknown, label: unknown): string =>
	label && label !== code ? `${String(label)} (${String(code)})` : String(code);

/** recuperer/devises: `codeDevise` values (EUR, USD…). */
export async function getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions.call(this, {
		api: 'transverses',
		path: '/recuperer/devises',
		body: { codeLangue: 'FR' },
		list: 'listeDevises',
		toOption: (e) => ({ name: labelled(e.codeDevise, e.libelleDevise), value: String(e.codeDevise) }),
	});
}

/** recuperer/tauxtva: the platform's VAT rate codes (TVA1, TVA5…), labelled with their rate. */
export async function getVatRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions.call(this, {
		api: 'transverses',
		path: '/recuperer/tauxtva',
		body: { codeLangue: 'FR' },
		list: 'listeTauxTva',
		toOption: (e) => ({
			name: `${String(e.libelleTauxTva ?? e.codeTauxTva)} (${String(e.codeTauxTva)})`,
			value: String(e.codeTauxTva),
			description: e.valeurTauxTva !== undefined ? `${String(e.valeurTauxTva)} %` : undefined,
		}),
	});
}

/** recuperer/cadrefacturation: the billing frames an invoice (typeDemandePaiement FACTURE) may be submitted under. */
export async function getBillingFrameworks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions.call(this, {
		api: 'transverses',
		path: '/recuperer/cadrefacturation',
		body: { typeDemandePaiement: 'FACTURE' },
		list: 'listeCadreFacturation',
		toOption: (e) => ({ name: codeLabel(String(e.codeCadreFacturation)), value: String(e.codeCadreFacturation) }),
	});
}

/** Parameter a node must have for the `searchStructureServices` list: the structure whose services are listed. */
export const SERVICES_STRUCTURE_PARAMETER = 'idStructure';

/** The three lookups, ready for `methods: { loadOptions }`. */
export const chorusProLoadOptions = { getCurrencies, getVatRates, getBillingFrameworks };
