import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { sniffMimeType } from '../shared/binary';
import { apiRequest } from '../shared/transport';

/**
 * Adds the invoice's PDF (telecharger/groupe, one invoice per call so each item gets its own file rather than a
 * ZIP) as binary property `data`. A failed download does not fail the poll: downloading marks received invoices
 * as downloaded, so failing and re-reading the window could hide the other invoices from an "only not
 * downloaded" trigger. The item is emitted with `downloadError` instead, and the workflow can fetch the PDF
 * again with the Factures node.
 */
export async function attachPdf(
	fn: IPollFunctions,
	item: INodeExecutionData,
	invoiceId: number,
	timeoutMs: number,
): Promise<void> {
	try {
		const response = await apiRequest.call(fn, {
			api: 'factures',
			method: 'POST',
			path: '/telecharger/groupe',
			body: { format: 'PDF', listeFacture: [{ idFacture: invoiceId }] },
			mutates: false,
			timeoutMs,
		});
		const content = typeof response.fichierResultat === 'string' ? response.fichierResultat : '';
		if (!content) throw new Error('Chorus Pro answered without a file');
		const bytes = Buffer.from(content, 'base64');
		const { mimeType, extension } = sniffMimeType(bytes);
		item.binary = { data: await fn.helpers.prepareBinaryData(bytes, `facture_${invoiceId}.${extension}`, mimeType) };
	} catch (error) {
		item.json.downloadError = (error as Error).message;
	}
}
