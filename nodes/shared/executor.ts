import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiInfo } from './apis';
import { attachFile, checkInputFile, outputFile, readInputFile, type InputFile } from './binary';
import { onQualificationPlatform } from './environment';
import { LookupCache } from './lookup';
import {
	ENVELOPE_KEYS,
	omit,
	type BuiltRequest,
	type LocalOperation,
	type Operation,
	type OperationContext,
	type RequestOperation,
	type StepResult,
	type StepsOperation,
} from './operation';
import { RequestPace } from './pace';
import { listOf, paginate, type PageRequest } from './pagination';
import { isParallelRead, parallelRequests } from './parallel';
import { buildRequest, readLimit, readParameters, testIdentifierWarning, type InputProblem } from './parameters';
import { BINARY_PROPERTY, OUTPUT_BINARY_PROPERTY, SORT } from './properties';
import { sendAsDescribed } from './send';
import { apiRequest } from './transport';
import { itemName } from './validation';

/** The one executor: parameters → checks → request(s) → output items, for any described operation. */

function withoutEnvelope(response: IDataObject): IDataObject {
	return omit(response, ENVELOPE_KEYS) as IDataObject;
}

/** A warning shown above the node's output in the editor (n8n execution hint). */
function addWarning(fn: IExecuteFunctions, message: string): void {
	if (typeof fn.addExecutionHints === 'function') fn.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
}

function toItems(objects: IDataObject[]): INodeExecutionData[] {
	return objects.map((json) => ({ json }));
}

/** A request operation's request: parameters mapped by its fields, the file attached, its `prepare` hook applied. */
async function describedRequest(ctx: OperationContext, operation: RequestOperation, file?: InputFile): Promise<BuiltRequest> {
	const built = buildRequest(operation, ctx.params);
	if (operation.binaryIn && file) {
		checkInputFile(ctx.fn, ctx.itemIndex, file, operation.binaryIn);
		attachFile(built.body, operation.binaryIn, file);
	}
	await operation.hooks?.prepare?.(ctx, built);
	return built;
}

/** Runs the steps of a composite one after the other, each as its described operation would run. */
async function runSteps(ctx: OperationContext, operation: StepsOperation, file?: InputFile): Promise<IDataObject> {
	const done: StepResult[] = [];
	for (const step of operation.steps) {
		const inner: OperationContext = { ...ctx, operation: step.operation };
		const request = await describedRequest(inner, step.operation, file);
		Object.assign(request.body, step.body?.(ctx.params, done));
		done.push({ request, answer: await sendAsDescribed(inner, request, { howToCheck: step.howToCheck }) });
	}
	return operation.result(done);
}

/** A local computation's answer; what it refuses is reported like an input error, naming the item. */
function compute(ctx: OperationContext, operation: LocalOperation): IDataObject {
	try {
		return operation.compute(ctx.params);
	} catch (error) {
		throw new NodeOperationError(ctx.fn.getNode(), `${operation.makes} (${itemName(ctx.itemIndex)}): ${(error as Error).message}`, {
			itemIndex: ctx.itemIndex,
		});
	}
}

/** Reads the parameters and the file of one item, then does what the operation describes. */
export async function runOperation(
	fn: IExecuteFunctions,
	operation: Operation,
	itemIndex: number,
	lookups = new LookupCache(),
	qualification = false,
	pace?: RequestPace,
): Promise<INodeExecutionData[]> {
	const warn = qualification ? (message: string) => addWarning(fn, message) : undefined;
	const inputProblems: InputProblem[] = [];
	const params = readParameters(fn, operation, itemIndex, operation.reportsInputProblems ? inputProblems : undefined, warn);
	if (operation.binaryIn || operation.binaryOut) {
		params[BINARY_PROPERTY] = fn.getNodeParameter(BINARY_PROPERTY, itemIndex, 'data') as string;
	}
	if (operation.binaryIn && operation.binaryOut) {
		params[OUTPUT_BINARY_PROPERTY] = fn.getNodeParameter(OUTPUT_BINARY_PROPERTY, itemIndex, 'data') as string;
	}
	const ctx: OperationContext = {
		fn,
		itemIndex,
		operation,
		params,
		acceptTestIdentifier: warn && ((label, reason) => warn(testIdentifierWarning(label, itemIndex, reason))),
		inputProblems,
		request: async (request) =>
			await apiRequest.call(fn, { howToCheck: operation.howToCheck, pace, ...request }, itemIndex),
		lookups,
	};
	const file = operation.binaryIn
		? await readInputFile(fn, itemIndex, String(params[BINARY_PROPERTY]), operation.binaryIn)
		: undefined;

	if (operation.kind === 'local') return await respond(ctx, compute(ctx, operation));
	if (operation.kind === 'steps') {
		const run = async () => await runSteps(ctx, operation, file);
		return await respond(ctx, operation.hooks?.run ? await operation.hooks.run(ctx, run) : await run());
	}
	const built = await describedRequest(ctx, operation, file);
	const send = async () => await sendAsDescribed(ctx, built);
	if (operation.hooks?.run) return await respond(ctx, await operation.hooks.run(ctx, send));
	if (!operation.pagination) return await respond(ctx, await send());

	const returnAll = fn.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const page: PageRequest = {
		returnAll,
		limit: returnAll ? 0 : readLimit(fn, itemIndex),
		sort: 'sortColumns' in operation.pagination && operation.pagination.sortColumns
			? (fn.getNodeParameter(SORT, itemIndex, {}) as PageRequest['sort'])
			: undefined,
	};
	const found = await paginate(ctx, built, page);
	return operation.hooks?.output ? await operation.hooks.output(ctx, { list: found }) : toItems(found);
}

/** The output items of one answer: the `output` hook's, the file, the split list, or the answer itself. */
async function respond(ctx: OperationContext, response: IDataObject): Promise<INodeExecutionData[]> {
	const { operation } = ctx;
	if (operation.hooks?.output) return await operation.hooks.output(ctx, response);
	if (operation.binaryOut) return [await outputFile(ctx, operation.binaryOut, response)];
	if (operation.splitList) return toItems(listOf(response, operation.splitList));
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
	// An invoice that Check First stopped: its problems, so a workflow can route or report them.
	const problems = (error as { context?: IDataObject }).context?.problems;
	if (Array.isArray(problems)) json.problems = problems;
	return json;
}

type Outcome = { items: INodeExecutionData[] } | { error: unknown };

/**
 * A node's `execute`: for each input item, run the chosen operation. Reads run up to "Parallel Requests" items
 * at a time (latency, not CPU, decides their speed: n8n opens a new connection per request); writes and
 * aggregate operations run one item after the other. The output is in input order whatever the order answers
 * came back in. With "Continue On Fail" an item's error becomes an output item and the other items still run;
 * without it, no new item starts after a failure and the first failed item's error is thrown.
 */
export async function executeOperations(
	this: IExecuteFunctions,
	operations: Operation[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// resource and operation take no expressions: every item runs the same operation.
	const resource = this.getNodeParameter('resource', 0) as string;
	const name = this.getNodeParameter('operation', 0) as string;
	const operation = operations.find((op) => op.resource === resource && op.operation === name);
	const pace = new RequestPace();
	// Shared by the items: concurrent look-ups of the same key share one request.
	const lookups = new LookupCache();
	// Read once per execution: n8n loads and decrypts the credential on each call.
	// A missing credential is reported by the first request, per item (Continue On Fail), as before.
	const qualification = await onQualificationPlatform(this).catch(() => false);
	const aggregate = operation?.aggregate === true;
	const count = aggregate ? Math.min(items.length, 1) : items.length;
	const inParallel = operation !== undefined && isParallelRead(operation) ? parallelRequests(this) : 1;

	const outcomes: Outcome[] = [];
	let failed = false;
	const runItem = async (i: number): Promise<void> => {
		try {
			if (!operation) {
				throw new NodeOperationError(this.getNode(), `Unknown operation "${resource}: ${name}"`, { itemIndex: i });
			}
			outcomes[i] = { items: await runOperation(this, operation, i, lookups, qualification, pace) };
		} catch (error) {
			outcomes[i] = { error };
			if (!this.continueOnFail()) failed = true;
		}
	};
	const running = new Set<Promise<void>>();
	for (let i = 0; i < count && !failed; i++) {
		const run = runItem(i).finally(() => running.delete(run));
		running.add(run);
		if (running.size >= inParallel) await Promise.race(running);
	}
	await Promise.all(running);

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < outcomes.length; i++) {
		const outcome = outcomes[i];
		if (outcome === undefined) continue; // not started: an earlier item failed
		// An aggregate operation runs once, for item 0, on behalf of every input item.
		const pairedItem = aggregate ? items.map((_, k) => ({ item: k })) : { item: i };
		if ('items' in outcome) {
			output.push(...outcome.items.map((item) => ({ ...item, pairedItem })));
			continue;
		}
		const { error } = outcome;
		if (this.continueOnFail()) {
			output.push({ json: errorItem(error as NodeApiError), pairedItem });
			continue;
		}
		if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
	}
	return [output];
}
