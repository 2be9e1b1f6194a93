import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { answeredFile, NO_FILE_ANSWERED } from '../shared/binary';
import { sendAsDescribed } from '../shared/executor';
import { buildRequest } from '../shared/parameters';
import { facturesOperation, pollCall } from './described';

/**
 * Download of the Factures node (telecharger/groupe serves every role: the Received Invoice one is used for every
 * event), sent as described; the file is named and typed by the operation's own `binaryOut`.
 */
export const DOWNLOAD = facturesOperation('receivedInvoice', 'download');

/**
 * Adds the invoice's PDF (one invoice per call so each item gets its own file rather than a ZIP) as binary
 * property `data`. A failed download does not fail the poll: downloading marks received invoices as downloaded,
 * so failing and re-reading the window could hide the other invoices from an "only not downloaded" trigger. The
 * item is emitted with `downloadError` instead, and the workflow can fetch the PDF again with the Factures node.
 */
export async function attachPdf(
	fn: IPollFunctions,
	item: INodeExecutionData,
	invoiceId: number,
	timeoutMs: number,
): Promise<void> {
	try {
		// The operation's parameters, as its fields convert them (Invoice IDs: [{ idFacture }]).
		const params = { listeFacture: [{ idFacture: invoiceId }], format: 'PDF' };
		const response = await sendAsDescribed(pollCall(fn, DOWNLOAD, timeoutMs), buildRequest(DOWNLOAD, params));
		const file = DOWNLOAD.binaryOut && answeredFile(DOWNLOAD.binaryOut, params, response);
		if (!file) throw new Error(NO_FILE_ANSWERED);
		item.binary = { data: await fn.helpers.prepareBinaryData(file.bytes, file.fileName, file.mimeType) };
	} catch (error) {
		item.json.downloadError = (error as Error).message;
	}
}
