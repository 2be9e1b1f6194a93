import type { IDataObject } from 'n8n-workflow';

import { ENVELOPE_KEYS, isRequest, omit, type Operation, type OperationContext, type RequestOperation } from './operation';
import { paginate, type PageRequest } from './pagination';
import { buildRequest } from './parameters';

/** The request described as `resource:operation` in a node's list (a programming error when it is missing). */
export function described(operations: readonly Operation[], resource: string, operation: string): RequestOperation {
	const found = operations.find((op) => op.resource === resource && op.operation === operation);
	if (!found) throw new Error(`No operation ${resource}:${operation}`);
	if (!isRequest(found)) throw new Error(`${resource}:${operation} is not one request (it is ${String(found.kind)})`);
	return found;
}

/**
 * Runs another described operation from a hook (e.g. "Check Before Submitting" reads the recipient's structure
 * with Structure → Get): the same request builder, hooks, pagination and transport as if a user had run it, so a
 * look-up never restates a path or a body key. Parameters are given already converted (as `readParameters` gives
 * them). A search answers its list; any other operation its answer without the envelope.
 */
export async function lookUp(
	ctx: OperationContext,
	operation: RequestOperation,
	params: IDataObject,
	page: PageRequest = { returnAll: true, limit: 0 },
): Promise<IDataObject | IDataObject[]> {
	if (operation.mutates) throw new Error(`${operation.resource}:${operation.operation} changes data: it is not a look-up`);
	const inner: OperationContext = { ...ctx, operation, params };
	const built = buildRequest(operation, params);
	await operation.hooks?.prepare?.(inner, built);
	if (operation.pagination) return await paginate(inner, built, page);
	const response = await ctx.request({
		api: operation.api,
		method: built.method,
		path: built.path,
		body: built.body,
		qs: built.qs,
		mutates: false,
	});
	return omit(response, ENVELOPE_KEYS) as IDataObject;
}

/**
 * The look-ups of one execution, shared by all its items: many invoices to the same buyer cost one structure
 * look-up. Promises are kept (not values), so items running at the same time wait for the same request, and a
 * failed look-up is not retried by every item. It lives as long as one `execute` call: nothing survives between
 * executions or crosses queue-mode workers.
 */
export class LookupCache {
	private readonly entries = new Map<string, Promise<unknown>>();

	async get<T>(key: string, load: () => Promise<T>): Promise<T> {
		let entry = this.entries.get(key) as Promise<T> | undefined;
		if (!entry) {
			entry = load();
			this.entries.set(key, entry);
		}
		return await entry;
	}
}
