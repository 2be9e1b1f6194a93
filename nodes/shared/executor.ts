import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiInfo } from './apis';
import { attachFile, outputFile, readInputFile } from './binary';
import { ENVELOPE_KEYS, omit, type Operation, type OperationContext } from './operation';
import { paginate, type PageRequest } from './pagination';
import { buildRequest, readLimit, readParameters } from './parameters';
import { BINARY_PROPERTY, SORT } from './properties';
import { apiRequest } from './transport';

/** The one executor: parameters → checks → request(s) → output items, for any described operation. */

function withoutEnvelope(response: IDataObject): IDataObject {
	return omit(response, ENVELOPE_KEYS) as IDataObject;
}

function toItems(objects: IDataObject[]): INodeExecutionData[] {
	return objects.map((json) => ({ json }));
}

export async function runOperation(
	fn: IExecuteFunctions,
	operation: Operation,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const params = readParameters(fn, operation, itemIndex);
	if (operation.binaryIn || operation.binaryOut) {
		params[BINARY_PROPERTY] = fn.getNodeParameter(BINARY_PROPERTY, itemIndex, 'data') as string;
	}
	const ctx: OperationContext = {
		fn,
		itemIndex,
		operation,
		params,
		request: async (request) =>
			await apiRequest.call(fn, { howToCheck: operation.howToCheck, ...request }, itemIndex),
	};
	const built = buildRequest(operation, params);
	if (operation.binaryIn) {
		const file = await readInputFile(fn, itemIndex, String(params[BINARY_PROPERTY]), operation.binaryIn);
		attachFile(built.body, operation.binaryIn, file);
	}
	await operation.hooks?.prepare?.(ctx, built);

	if (operation.pagination && !operation.hooks?.run) {
		const returnAll = fn.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const page: PageRequest = {
			returnAll,
			limit: returnAll ? 0 : readLimit(fn, itemIndex),
			sort: 'sortColumns' in operation.pagination && operation.pagination.sortColumns
				? (fn.getNodeParameter(SORT, itemIndex, {}) as PageRequest['sort'])
				: undefined,
		};
		const found = await paginate(ctx, built, page);
		return operation.hooks?.output
			? await operation.hooks.output(ctx, { list: found })
			: toItems(found);
	}

	const response = operation.hooks?.run
		? await operation.hooks.run(ctx, built)
		: await ctx.request({
				api: operation.api,
				method: built.method,
				path: built.path,
				body: built.body,
				qs: built.qs,
				mutates: operation.mutates,
				sizeLimit: operation.binaryIn?.limitLabel,
			});
	if (operation.hooks?.output) return await operation.hooks.output(ctx, response);
	if (operation.binaryOut) return [await outputFile(ctx, operation.binaryOut, response)];
	if (operation.splitList) {
		const list = response[operation.splitList];
		return toItems(Array.isArray(list) ? (list as IDataObject[]) : []);
	}
	// Only the cpro envelope has codeRetour/libelle to drop: a plain API's `libelle` is data (a service's name).
	return [{ json: apiInfo(operation.api).envelope === 'cpro' ? withoutEnvelope(response) : response }];
}

/** What a workflow can branch on when "Continue On Fail" turns an error into an item. */
const ERROR_FIELDS = ['codeRetour', 'libelle', 'outcome'] as const;

function errorItem(error: NodeApiError): IDataObject {
	// `errorResponse` is the secret-free object our errors are built from (errors.ts), never the request.
	const details = (error as { errorResponse?: IDataObject }).errorResponse ?? {};
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	for (const key of ERROR_FIELDS) if (details[key] !== undefined && details[key] !== null) json[key] = details[key];
	return json;
}

/**
 * A node's `execute`: for each input item, find the chosen operation and run it. With "Continue On Fail" an
 * item's error becomes an output item and the next item still runs.
 */
export async function executeOperations(
	this: IExecuteFunctions,
	operations: Operation[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		// An aggregate operation runs once, for item 0, on behalf of every input item.
		let aggregate = false;
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const name = this.getNodeParameter('operation', i) as string;
			const operation = operations.find((op) => op.resource === resource && op.operation === name);
			if (!operation) {
				throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}: ${name}"`, {
					itemIndex: i,
				});
			}
			aggregate = operation.aggregate === true;
			const results = await runOperation(this, operation, i);
			const pairedItem = aggregate ? items.map((_, k) => ({ item: k })) : { item: i };
			output.push(...results.map((item) => ({ ...item, pairedItem })));
			if (aggregate) break;
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: errorItem(error as NodeApiError),
					pairedItem: aggregate ? items.map((_, k) => ({ item: k })) : { item: i },
				});
				if (aggregate) break;
				continue;
			}
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [output];
}
