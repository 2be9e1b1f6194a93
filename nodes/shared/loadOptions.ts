import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { referentialOperations } from '../ChorusProTransverse/operations/referential';
import { codeLabel } from './codeLabels';
import { described } from './lookup';
import { NO_RESULT_CODES } from './pagination';
import { buildRequest } from './parameters';
import { sendAsDescribed } from './send';
import { apiRequest } from './transport';

/**
 * Dynamic dropdowns read through the credential: the values come from the user's own Chorus Pro platform
 * (currency, VAT rate and billing frame codes are data there, docs/api-notes.md §15.4), not from a list frozen in the
 * package. Each runs a Referential operation as described, through the one transport. Any node may list these in
 * `methods.loadOptions`.
 */

/** A dropdown filled from a described Referential list (the path and list key are written there, once). */
interface OptionList {
	/** The Referential → Get … operation whose list the dropdown shows. */
	operation: string;
	/** Its parameters, as `readParameters` gives them. */
	params: IDataObject;
	toOption: (entry: IDataObject) => INodePropertyOptions;
}

async function listOptions(this: ILoadOptionsFunctions, source: OptionList): Promise<INodePropertyOptions[]> {
	const operation = described(referentialOperations, 'referential', source.operation);
	const request = async (r: Parameters<typeof apiRequest>[0]) => await apiRequest.call(this, r);
	// An empty list answers "no result" (20000, 20007) on some platforms: the dropdown is then empty, not an error.
	const response = await sendAsDescribed({ operation, request }, buildRequest(operation, source.params), { noResultCodes: NO_RESULT_CODES });
	const entries = response[operation.splitList!];
	if (!Array.isArray(entries)) return [];
	return (entries as IDataObject[]).map(source.toOption);
}

const labelled = (code: unknown, label: unknown): string =>
	label && label !== code ? `${String(label)} (${String(code)})` : String(code);

/** recuperer/devises: `codeDevise` values (EUR, USD…). */
export async function getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions.call(this, {
		operation: 'getCurrencies',
		params: { codeLangue: 'FR' },
		toOption: (e) => ({ name: labelled(e.codeDevise, e.libelleDevise), value: String(e.codeDevise) }),
	});
}

/** recuperer/tauxtva: the platform's VAT rate codes (TVA1, TVA5…), labelled with their rate. */
export async function getVatRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions.call(this, {
		operation: 'getVatRates',
		params: { codeLangue: 'FR' },
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
		operation: 'getBillingFrameworks',
		params: { typeDemandePaiement: 'FACTURE' },
		toOption: (e) => ({ name: codeLabel(String(e.codeCadreFacturation)), value: String(e.codeCadreFacturation) }),
	});
}

/** Parameter a node must have for the `searchStructureServices` list: the structure whose services are listed. */
export const SERVICES_STRUCTURE_PARAMETER = 'idStructure';

/** The three lookups, ready for `methods: { loadOptions }`. */
export const chorusProLoadOptions = { getCurrencies, getVatRates, getBillingFrameworks };
