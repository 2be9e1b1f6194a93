import type { IPollFunctions } from 'n8n-workflow';

import { facturesOperations } from '../ChorusProFactures/operations';
import { described } from '../shared/lookup';
import type { Operation, OperationCall, RequestOperation } from '../shared/operation';
import { apiRequest } from '../shared/transport';

/**
 * The trigger runs the operations the Chorus Pro Factures node describes (its searches, Download, Get Flux Report),
 * found by resource and operation: their path, pagination, list key and body keys are written there only, so a
 * change to a search is made once. A poll is not an action's item: an operation whose hooks need one (`prepare`,
 * `run`) cannot be run from here, which is a programming error reported when the module loads.
 */
export function facturesOperation(resource: string, operation: string): RequestOperation {
	const found = described(facturesOperations, resource, operation);
	if (found.hooks?.prepare || found.hooks?.run) {
		throw new Error(`${resource}:${operation} has hooks that need an action's item: the trigger cannot run it`);
	}
	return found;
}

/** The endpoint of an operation as the help texts name it (`rechercher/fournisseur`). */
export function endpoint(operation: RequestOperation): string {
	return operation.path.replace(/^\//, '');
}

/**
 * An operation sent from the poll: the one transport with the poll's timeout, and the `codeRetour` values the
 * trigger reads as "nothing yet" where the operation itself says none (a described request's own codes win).
 */
export function pollCall(
	fn: IPollFunctions,
	operation: Operation,
	timeoutMs: number,
	noResultCodes?: readonly number[],
): OperationCall {
	return {
		operation,
		request: async (request) => await apiRequest.call(fn, { noResultCodes, ...request, timeoutMs }),
	};
}
