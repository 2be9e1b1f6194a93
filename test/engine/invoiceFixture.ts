import type { INodeParameters } from 'n8n-workflow';

import { DEMO_IDS } from '../simulator/server';

/**
 * The top-level fields of a valid invoice from the demo supplier to the demo buyer that requires a service code
 * (give it in `additionalFields.codeServiceExecutant`): what Submit, Submit PDF and Check Before Submitting take.
 */
export function invoiceFields(numero: string): INodeParameters {
	return {
		codeDestinataire: DEMO_IDS.buyerWithService.siret,
		idFournisseur: DEMO_IDS.supplier.idStructureCPP,
		numeroFactureSaisi: numero,
		dateFacture: '2025-06-30',
		codeCadreFacturation: 'A1_FACTURE_FOURNISSEUR',
		typeFacture: 'FACTURE',
		typeTva: 'TVA_SUR_DEBIT',
		modePaiement: 'VIREMENT',
		deviseFacture: 'EUR',
		montantHtTotal: 1000,
		montantTVA: 200,
		montantTtcTotal: 1200,
		montantAPayer: 1200,
	};
}
