import type { IDataObject } from 'n8n-workflow';

import { sniffMimeType } from '../../shared/binary';
import { LIMITS } from '../../shared/limits';
import type { RequestOperation } from '../../shared/operation';
import { invoiceId } from '../../shared/fields';

/**
 * Operations every role uses (download, history). They are one endpoint each; each invoice resource lists them
 * (`{ ...INVOICE_DOWNLOAD, resource }`), so a buyer finds "Download" next to "Search" of received invoices.
 */

export const INVOICE_DOWNLOAD: Omit<RequestOperation, 'resource'> = {
	operation: 'download',
	name: 'Download',
	action: 'Download invoices as a file',
	description: 'Download one or more invoices as PDF, pivot XML or ZIP into binary data (telecharger/groupe)',
	api: 'factures',
	method: 'POST',
	path: '/telecharger/groupe',
	mutates: false,
	fields: [
		{
			name: 'listeFacture',
			label: 'Invoice IDs',
			type: 'idList',
			itemKey: 'idFacture',
			required: true,
			placeholder: 'e.g. 12345, 12346',
			description: `Chorus Pro ids of the invoices (idFacture), separated by commas. Several invoices come as one ZIP; AIFE recommends at most ${LIMITS.invoicesPerDownload} per call and the file is limited to 120 MB.`,
		},
		{
			name: 'format',
			label: 'Format',
			type: 'options',
			required: true,
			options: [
				{ name: 'PDF File', value: 'PDF' },
				{ name: 'Pivot XML (Chorus Pro Format)', value: 'PIVOT' },
			],
			default: 'PDF',
		},
		{
			name: 'avecPiecesJointesComplementaires',
			label: 'With Additional Attachments',
			type: 'options',
			options: ['true', 'false'],
			description: 'Whether to include the complementary attachments (sent as the text "true"/"false", as the API declares it)',
		},
	],
	binaryOut: {
		contentKey: 'fichierResultat',
		fileName: (params: IDataObject, response: IDataObject) => {
			const ids = (params.listeFacture as Array<{ idFacture: number }>).map((f) => f.idFacture);
			const { extension } = sniffMimeType(Buffer.from(String(response.fichierResultat ?? '').slice(0, 16), 'base64'));
			return `${ids.length === 1 ? `facture_${ids[0]}` : `factures_${ids.join('_')}`}.${extension}`;
		},
		mimeType: (_params, _response, bytes) => sniffMimeType(bytes).mimeType,
	},
};

export const INVOICE_HISTORY: Omit<RequestOperation, 'resource'> = {
	operation: 'getHistory',
	name: 'Get History',
	action: 'Get the status history of an invoice',
	description: 'Statuses, events and user actions of one invoice, newest first (consulter/historique)',
	api: 'factures',
	method: 'POST',
	path: '/consulter/historique',
	mutates: false,
	fields: [invoiceId(), { name: 'nbResultatsMaximum', label: 'Max Results', type: 'integer' }],
};
