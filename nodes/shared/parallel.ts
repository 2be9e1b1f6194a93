import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Operation, Resource } from './operation';

/**
 * "Parallel Requests": how many items of a read run at once. n8n opens a new connection (and TLS handshake) for
 * every request a node makes, so over the internet an item costs several round trips of waiting and nearly no
 * CPU; running reads side by side is what makes a node as fast as n8n's own HTTP Request node. Writes never run
 * side by side: their order is the user's, and one that fails with an unknown outcome must stop the run.
 */
export const PARALLEL_REQUESTS = 'parallelRequests';
/** Chosen from `npm run bench` (TLS, 20 ms round trip): see the README's Performance section. */
export const DEFAULT_PARALLEL_REQUESTS = 10;
const MAX_PARALLEL_REQUESTS = 50;

/** Reads that run item by item on their own: aggregate operations run once for all items. */
export function isParallelRead(operation: Operation): boolean {
	return !operation.mutates && operation.aggregate !== true;
}

export function parallelRequests(fn: IExecuteFunctions): number {
	const value = Number(fn.getNodeParameter(PARALLEL_REQUESTS, 0, DEFAULT_PARALLEL_REQUESTS));
	return Number.isFinite(value) ? Math.min(MAX_PARALLEL_REQUESTS, Math.max(1, Math.floor(value))) : 1;
}

/** The option, shown for the read operations of each resource that has some. */
export function parallelRequestsProperties(resources: Resource[], operations: Operation[]): INodeProperties[] {
	return resources.flatMap((resource) => {
		const reads = operations.filter((op) => op.resource === resource.value && isParallelRead(op));
		if (reads.length === 0) return [];
		return [
			{
				displayName: 'Parallel Requests',
				name: PARALLEL_REQUESTS,
				type: 'number' as const,
				typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS, numberPrecision: 0 },
				noDataExpression: true,
				default: DEFAULT_PARALLEL_REQUESTS,
				description:
					'How many input items this read sends to Chorus Pro at the same time (1 = one after the other). Output stays in input order. Operations that create or change something (submit, deposit, process…) always run one item at a time and are never sent twice.',
				displayOptions: { show: { resource: [resource.value], operation: reads.map((op) => op.operation) } },
			},
		];
	});
}
