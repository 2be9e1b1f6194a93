/**
 * Runs our nodes through n8n-core's real execution contexts (`ExecuteContext`, `PollContext`,
 * `LoadOptionsContext`, and `RoutingNode` for credential tests) on a real n8n-workflow `Workflow`, with the
 * `TestCredentialsHelper` in `additionalData`: `this.helpers.httpRequestWithAuthentication` therefore goes
 * through the credential's real `preAuthentication` / `authenticate` and n8n-core's real axios `httpRequest`,
 * including n8n's "401 → preAuthentication(expired) → retry once" logic. Nothing about HTTP is mocked:
 * point the credential at a local server (the simulator, or a tiny one in a test).
 */
import {
	BinaryDataService,
	ErrorReporter,
	ExecuteContext,
	ExternalSecretsProxy,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	prepareBinaryData,
} from 'n8n-core';
import {
	NodeHelpers,
	UnexpectedError,
	Workflow,
	createEmptyRunExecutionData,
	createRunExecutionData,
	deepCopy,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeCredentials,
	INodeExecutionData,
	NodeExecutionHint,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	LogMetadata,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from './credentials';
import { Container, Logger, ensureN8nRuntime } from './n8n-env';

export { CredentialStore, TestCredentialsHelper } from './credentials';
export { capturedLogEntries, capturedLogs, clearCapturedLogs } from './n8n-env';
export type { CapturedLogLine } from './n8n-env';

/** One helper for the whole test file: its "database" is the module-level credentials table. */
export const credentialsHelper = new TestCredentialsHelper();

const WORKFLOW_ID = 'harness-workflow';
const NODE_NAME = 'Node Under Test';
/** How n8n names the types of a community package's nodes (`<package>.<node name>`). */
const PACKAGE_NAME = 'n8n-nodes-chorus-pro';

type AnyNodeType = INodeType | IVersionedNodeType;

/** The smallest `INodeTypes`: the workflow only ever contains the node under test. */
class SingleNodeTypes implements INodeTypes {
	constructor(
		private readonly typeName: string,
		private readonly nodeType: AnyNodeType,
	) {}

	getByName(nodeType: string): AnyNodeType {
		return this.lookup(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.lookup(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	private lookup(nodeType: string): AnyNodeType {
		if (nodeType !== this.typeName) {
			throw new UnexpectedError(`Unknown node type "${nodeType}" in the harness workflow`);
		}
		return this.nodeType;
	}
}

function typeNameOf(nodeType: AnyNodeType): string {
	const { name } = nodeType.description;
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}

function latestVersionOf(nodeType: AnyNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export interface NodeOptions {
	/** Node parameters as stored in a workflow; defaults from the node's properties are filled in by n8n. */
	parameters?: INodeParameters;
	/** The stored credential the node uses (omit for nodes without credentials). */
	credentials?: CredentialStore;
	/** Defaults to the latest version of the node type. */
	typeVersion?: number;
}

export interface BinaryInput {
	content: Buffer | string;
	fileName: string;
	mimeType?: string;
}

export interface RunNodeOptions extends NodeOptions {
	/** Input items of the node's main input; default one empty item, like a manual trigger. */
	items?: INodeExecutionData[];
	/**
	 * Shortcut for a single input item carrying these binary properties (e.g. `{ data: { content, fileName } }`),
	 * stored like `binaryItem` does. Ignored when `items` is given.
	 */
	binary?: Record<string, BinaryInput>;
	/** Sets `node.onError = 'continueRegularOutput'`, what the "On Error: Continue" setting stores. */
	continueOnFail?: boolean;
	/** Default 'manual' ("Test step"); use 'trigger' / 'webhook' for production executions. */
	mode?: WorkflowExecuteMode;
	/** Receives the execution hints the node added (`addExecutionHints`: the warnings n8n shows above the output). */
	hints?: NodeExecutionHint[];
}

function buildNode(nodeType: AnyNodeType, options: NodeOptions & { continueOnFail?: boolean }): INode {
	const credentials: INodeCredentials | undefined = options.credentials
		? { [options.credentials.type]: options.credentials.reference }
		: undefined;
	return {
		id: 'node-under-test',
		name: NODE_NAME,
		type: typeNameOf(nodeType),
		typeVersion: options.typeVersion ?? latestVersionOf(nodeType),
		position: [0, 0],
		// Copied: the Workflow constructor writes the defaults into node.parameters.
		parameters: deepCopy(options.parameters ?? {}),
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

/** The Workflow constructor fills every parameter's default in (NodeHelpers.getNodeParameters). */
function buildWorkflow(nodeType: AnyNodeType, node: INode, staticData?: IDataObject): Workflow {
	return new Workflow({
		id: WORKFLOW_ID,
		name: 'Chorus Pro harness',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new SingleNodeTypes(node.type, nodeType),
		staticData,
		settings: { executionOrder: 'v1' },
	});
}

let executionCounter = 0;

/**
 * What `WorkflowExecuteAdditionalData.getBase` provides in the CLI, minus everything a single node
 * execution does not reach (sub-workflows, task runners, AI events): those throw if a node ever calls them.
 */
function buildAdditionalData(): IWorkflowExecuteAdditionalData {
	const notAvailable = (what: string) => async (): Promise<never> => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper,
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
		logAiEvent: () => {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executionId: `harness-execution-${++executionCounter}`,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
	};
}

/**
 * Executes `nodeType.execute` once, the way WorkflowExecute.executeNode does in n8n-core 1.122: a fresh
 * `ExecuteContext`, then its close functions. Also applies what processRunExecutionData does to the output
 * with "continue on fail": a thrown error passes the input through, and an item carrying `error` gets
 * `json = { error: message }`.
 */
export async function runNode(
	nodeType: AnyNodeType,
	options: RunNodeOptions = {},
): Promise<INodeExecutionData[][]> {
	await ensureN8nRuntime();
	const node = buildNode(nodeType, options);
	const workflow = buildWorkflow(nodeType, node);
	const resolvedType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!resolvedType.execute) throw new UnexpectedError(`${node.type} has no execute method`);

	const items = options.items ?? [await inputItem(options.binary)];
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [executeData] },
	});
	const closeFunctions: Array<() => Promise<void>> = [];
	const context = new ExecuteContext(
		workflow,
		node,
		buildAdditionalData(),
		options.mode ?? 'manual',
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		closeFunctions,
		new AbortController().signal,
	);

	let output: INodeExecutionData[][];
	try {
		const result = await resolvedType.execute.call(context).finally(() => options.hints?.push(...context.hints));
		if (!Array.isArray(result)) throw new UnexpectedError('execute() returned an engine request');
		output = result as INodeExecutionData[][];
		const closing = await Promise.allSettled(closeFunctions.map(async (close) => await close()));
		const failure = closing.find((entry) => entry.status === 'rejected');
		if (failure) throw (failure as PromiseRejectedResult).reason;
	} catch (error) {
		if (node.onError === 'continueRegularOutput') return [items];
		throw error;
	}
	for (const item of output.flat()) {
		if (item.error !== undefined) item.json = { error: item.error.message };
	}
	return output;
}

export interface RunPollOptions extends NodeOptions {
	/**
	 * The workflow's static data for this node, kept by the test between polls. In 'trigger' mode it is
	 * updated in place after the poll: an active workflow keeps its Workflow object (and so its static data)
	 * between polls. In 'manual' mode it is read but not updated, as n8n does not save static data of
	 * manual executions.
	 */
	staticData: IDataObject;
	mode: 'trigger' | 'manual';
}

/** Calls `nodeType.poll` with a `PollContext`, like TriggersAndPollers.runPoll / executePollNode. */
export async function runPoll(
	nodeType: AnyNodeType,
	options: RunPollOptions,
): Promise<INodeExecutionData[][] | null> {
	await ensureN8nRuntime();
	const node = buildNode(nodeType, options);
	const key = `node:${node.name}`;
	// JSON copy in and out, like the static data n8n stores in the workflow row.
	const workflow = buildWorkflow(nodeType, node, { [key]: deepCopy(options.staticData) });
	const resolvedType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!resolvedType.poll) throw new UnexpectedError(`${node.type} has no poll method`);

	// Active workflows poll with mode 'trigger' and the activation mode; a manual test uses 'manual' twice.
	const activation: WorkflowActivateMode = options.mode === 'manual' ? 'manual' : 'activate';
	const context = new PollContext(workflow, node, buildAdditionalData(), options.mode, activation);
	const result = await resolvedType.poll.call(context);

	if (options.mode === 'trigger') {
		const after = JSON.parse(JSON.stringify(workflow.staticData[key] ?? {})) as IDataObject;
		for (const existing of Object.keys(options.staticData)) delete options.staticData[existing];
		Object.assign(options.staticData, after);
	}
	return result;
}

export interface LoadOptionsOptions extends NodeOptions {
	/** Path of the parameter being edited, e.g. 'parameters.structureId' (what the editor sends). */
	path?: string;
}

/** Builds the temp node + `LoadOptionsContext` like the CLI's DynamicNodeParametersService. */
async function loadOptionsContext(nodeType: AnyNodeType, options: LoadOptionsOptions) {
	await ensureN8nRuntime();
	const node = buildNode(nodeType, options);
	const workflow = buildWorkflow(nodeType, node);
	const additionalData = buildAdditionalData();
	additionalData.currentNodeParameters = node.parameters;
	const resolvedType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? '');
	return { context, resolvedType };
}

export async function loadOptions(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsOptions = {},
): Promise<INodePropertyOptions[]> {
	const { context, resolvedType } = await loadOptionsContext(nodeType, options);
	const method = resolvedType.methods?.loadOptions?.[methodName];
	if (!method) throw new UnexpectedError(`Node type has no loadOptions method "${methodName}"`);
	return await method.call(context);
}

export async function listSearch(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult> {
	const { context, resolvedType } = await loadOptionsContext(nodeType, options);
	const method = resolvedType.methods?.listSearch?.[methodName];
	if (!method) throw new UnexpectedError(`Node type has no listSearch method "${methodName}"`);
	return await method.call(context, options.filter, options.paginationToken);
}

/**
 * Input item with binary data, stored through n8n-core's real `prepareBinaryData` (mime/extension detection,
 * BinaryDataService in 'default' mode: base64 kept in `data`).
 */
export async function binaryItem(
	content: Buffer | string,
	fileName: string,
	mimeType?: string,
	{ json = {}, property = 'data' }: { json?: IDataObject; property?: string } = {},
): Promise<INodeExecutionData> {
	await ensureN8nRuntime();
	const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
	const binary = await prepareBinaryData(buffer, 'harness-input', WORKFLOW_ID, fileName, mimeType);
	return { json, binary: { [property]: binary } };
}

async function inputItem(binary?: Record<string, BinaryInput>): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: {} };
	for (const [property, { content, fileName, mimeType }] of Object.entries(binary ?? {})) {
		const { binary: stored } = await binaryItem(content, fileName, mimeType, { property });
		item.binary = { ...item.binary, ...stored };
	}
	return item;
}

/** Bytes of an output item's binary property, read back through the BinaryDataService. */
export async function binaryBuffer(item: INodeExecutionData, property = 'data'): Promise<Buffer> {
	await ensureN8nRuntime();
	const binary = item.binary?.[property];
	if (!binary) throw new UnexpectedError(`Item has no binary property "${property}"`);
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

// --- credential test -----------------------------------------------------------------------------------

/**
 * Stand-in for the type CredentialsTester falls back to when the credential type defines `test` itself: it asks
 * for `n8n-nodes-base.noOp` and names the temporary node after that type's `description.name`, which for n8n's
 * lazily loaded NoOp is plain `noOp`. So the credentials helper's "testing credentials" check (a node of type
 * `n8n-nodes-base.noOp`) never matches in a real n8n, and `preAuthentication` does not run just because this is a
 * test: the harness keeps that behaviour (seen in n8n 1.123.81 and 2.41.1, test/e2e/credential.test.ts).
 */
const NO_OP_TYPE = 'noOp';

/**
 * Replicates CredentialsTester.testCredentials for a credential type with a `test: ICredentialTestRequest`.
 * Reference: the shipped n8n@1.123.81 dist/services/credentials-tester.service.js (built on our n8n-core
 * 1.122.48), same as packages/cli/src/services/credentials-tester.service.ts on GitHub (n8n-io/n8n 029d8401):
 * 1. `applyDefaultsAndOverwrites` on the data (mode 'internal');
 * 2. a temp noOp node "Temp-Node" whose only property `temp` (default '') routes `test.request`, with the
 *    credential attached (named as the lazily loaded NoOp names itself, see NO_OP_TYPE);
 * 3. n8n-core's `RoutingNode.runNode()` → `httpRequestWithAuthentication` (preAuthentication, authenticate,
 *    n8n's axios request; on 401 one forced preAuthentication + retry);
 * 4. on error: ErrorReporter, then — if `error.cause.response` — the `responseCode` rules, then non-2xx →
 *    statusMessage / "Received HTTP status code: N"; else `cause.code`; else the error message. On success:
 *    `responseSuccessBody` rules, else "Connection successful!".
 *
 * Note (verified, not a harness artefact): n8n-workflow 1.120.x's `NodeApiError` loses `cause` when wrapping an
 * `Error` (the `cause` class field of ExecutionBaseError is re-initialised to undefined after `super()`), so with
 * n8n 1.12x the `responseCode` rules never apply to errors from `httpRequestWithAuthentication` and the user sees
 * NodeApiError's generic message ("Authorization failed - please check your credentials" for a 401).
 * n8n-workflow 2.x keeps `cause`, so n8n 2.x shows the rule message.
 *
 * Plain data is saved as a new credential first (the editor saves a credential before testing it), so the
 * token that preAuthentication mints is persisted like in n8n.
 */
export async function testCredential(
	credentials: CredentialStore | ICredentialDataDecryptedObject,
	typeName = 'chorusProApi',
): Promise<INodeCredentialTestResult> {
	await ensureN8nRuntime();
	const store =
		credentials instanceof CredentialStore
			? credentials
			: new CredentialStore(credentials, { type: typeName });
	const credentialType = credentialsHelper.getCredentialType(store.type);
	const testRequest: ICredentialTestRequest | undefined = credentialType.test;
	if (testRequest === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: store.id,
		name: store.name,
		type: store.type,
		data: store.data,
	};
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			buildAdditionalData(),
			credentialsDecrypted.data ?? {},
			store.type,
			'internal',
		);
	} catch (error) {
		Container.get(Logger).debug('Credential test failed', error as LogMetadata);
		return { status: 'Error', message: String((error as Error).message) };
	}

	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [store.type]: { id: store.id, name: store.name } },
	};
	const nodeTypeCopy: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: NO_OP_TYPE,
			group: ['organization'],
			version: 1,
			description: '',
			defaults: { name: 'No Operation, do nothing' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: store.type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const workflow = buildWorkflow(nodeTypeCopy, node);
	const inputData = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		buildAdditionalData(),
		'internal',
		createEmptyRunExecutionData(), // `{ resultData: { runData: {} } }` in the tester
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		await workflow.expression.acquireIsolate();
		response = await routingNode.runNode();
	} catch (caught) {
		const error = caught as Error & {
			cause?: { response?: { status: number; statusText?: string }; code?: string };
		};
		Container.get(ErrorReporter).error(error);
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			const statusMessage = error.cause.response.statusText;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: statusMessage || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		Container.get(Logger).debug('Credential test failed', error as unknown as LogMetadata);
		return { status: 'Error', message: String(error.message) };
	} finally {
		await workflow.expression.releaseIsolate();
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response?.[0]?.[0]?.json;
			if (getPath(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash.get for dotted keys, enough for `responseSuccessBody` rules. */
function getPath(source: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(value, segment) =>
				value !== null && typeof value === 'object' ? (value as IDataObject)[segment] : undefined,
			source,
		);
}
