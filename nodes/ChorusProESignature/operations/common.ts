import type { NodeOperationError } from 'n8n-workflow';

import { LIMITS } from '../../shared/limits';
import type { BinaryInput, Field, OperationContext } from '../../shared/operation';
import { fieldError } from '../../shared/parameters';
import { epochMillis } from './x509';

/** What the E-signature operations share: the API, the document they read, and input errors naming the parameter. */

export const api = 'eSignature' as const;

/** A document to sign or verify, sent as DSS's `RemoteDocument` `{bytes, name}` under `root`. */
export function documentIn(root: 'toSignDocument' | 'signedDocument'): BinaryInput {
	return {
		contentKey: `${root}.bytes`,
		fileNameKey: `${root}.name`,
		maxBytes: LIMITS.signedDocumentBytes,
		limitLabel: '30 MB per document',
	};
}

const INPUT_FIELD: Field = { name: 'binaryPropertyName', label: 'Input Binary Field', type: 'string' };

/** An input error on one of the operation's parameters (or on its input file), before anything is sent. */
export function inputError(ctx: OperationContext, name: string, reason: string): NodeOperationError {
	const field = ctx.operation.fields.find((f) => f.name === name) ?? INPUT_FIELD;
	return fieldError(ctx.fn, field, ctx.itemIndex, reason);
}

/** A date parameter as the epoch milliseconds DSS's JSON carries. */
export function millisOf(ctx: OperationContext, name: string): number {
	const ms = epochMillis(ctx.params[name]);
	if (ms === undefined) throw inputError(ctx, name, `"${String(ctx.params[name])}" is neither epoch milliseconds nor an ISO 8601 date`);
	return ms;
}
