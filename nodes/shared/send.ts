import type { IDataObject } from 'n8n-workflow';

import type { BuiltRequest, OperationCall, RequestOperation } from './operation';

/**
 * Sends one built request of a described operation through the one transport, with what the description says
 * about it: its API group, whether it changes data, its "no result" answers, its file's size limit and how to
 * check an unknown outcome. The executor, the look-ups, the pager and the trigger all send this way.
 */
export async function sendAsDescribed(
	ctx: OperationCall,
	built: BuiltRequest,
	extra: { howToCheck?: string; noResultCodes?: readonly number[] } = {},
): Promise<IDataObject> {
	const operation = ctx.operation as RequestOperation;
	return await ctx.request({
		api: operation.api,
		method: built.method,
		path: built.path,
		body: built.body,
		qs: built.qs,
		mutates: operation.mutates,
		noResultCodes: extra.noResultCodes,
		noResultErrors: operation.noResultErrors,
		sizeLimit: operation.binaryIn?.limitLabel,
		howToCheck: extra.howToCheck ?? operation.howToCheck,
	});
}
