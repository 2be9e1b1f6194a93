/**
 * An `ICredentialsHelper` that behaves like n8n's CLI `CredentialsHelper` (packages/cli/src/credentials-helper.ts),
 * with the credentials table of n8n's database replaced by an in-memory one.
 *
 * Reference: the shipped `n8n@1.123.81` dist (dist/credentials-helper.js, dist/credential-types.js), the n8n
 * release built on exactly our n8n-core 1.122.48 + n8n-workflow 1.120.31 (the e2e runtime cached under
 * .cache/n8n-runtimes/1.123.81). Cross-checked with the sources on GitHub (n8n-io/n8n at 16f6a5af, older 1.x,
 * and at 01fa9fa, current master: same expirable-property logic).
 *
 * - `getDecrypted`: load the row, decrypt it with n8n-core's real `Credentials` (the instance encryption key),
 *   then `applyDefaultsAndOverwrites`: defaults from the credential type's properties with
 *   `NodeHelpers.getNodeParameters(..., returnDefaults=true)`, then `=` expressions resolved.
 * - `preAuthentication`: find the `hidden` property with `typeOptions.expirable`; call the type's
 *   `preAuthentication` when that property is '' , when forced after a 401 (`credentialsExpired`), or during a
 *   credential test (the CredentialsTester's temp node: type noOp with parameter `temp` === ''); if the output
 *   has the expirable property and the node references a stored credential, persist
 *   `Object.assign(credentials, output)` with `updateCredentials` (1.123: the full decrypted data, defaults
 *   included; master instead merges the output into the raw stored data).
 * - `authenticate`: a function is called as is; a generic one sets the `$credentials`-resolved properties.
 *
 * Not reproduced (our credential uses none): credential overwrites, external secrets, OAuth token-data updates,
 * dynamic-client-registration / managed-OAuth fields.
 */
import { Credentials, getAdditionalKeys } from 'n8n-core';
import { ICredentialsHelper, NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ChorusProApi } from '../../credentials/ChorusProApi.credentials';
import './n8n-env';

/** The "credentials_entity" table: one encrypted row per stored credential, shared by every execution. */
const credentialsTable = new Map<string, CredentialStore>();
let nextId = 1;

/**
 * One stored credential, like a row of n8n's credentials table: the data is kept encrypted with the instance
 * key and survives across `runNode` / `runPoll` calls, so a token minted by `preAuthentication` in one
 * execution is read back by the next one, as n8n does through its database.
 */
export class CredentialStore {
	readonly id: string;

	readonly name: string;

	readonly type: string;

	/** Ciphertext as n8n would store it in `credentials_entity.data`. */
	private encrypted: string;

	/** How many times n8n wrote the credential back (`updateCredentials`), i.e. tokens persisted. */
	writes = 0;

	constructor(
		data: ICredentialDataDecryptedObject,
		options: { type?: string; name?: string; id?: string } = {},
	) {
		this.id = options.id ?? `harness-credential-${nextId++}`;
		this.type = options.type ?? 'chorusProApi';
		this.name = options.name ?? `${this.type} (test)`;
		this.encrypted = encrypt(this, data);
		credentialsTable.set(this.id, this);
	}

	/** A decrypted copy of what is stored (mutating it does not change the store). */
	get data(): ICredentialDataDecryptedObject {
		return this.toCredentials().getData();
	}

	/** Changes stored fields from the test, e.g. `{ accessToken: 'stale' }` or a new password. */
	update(patch: ICredentialDataDecryptedObject): void {
		this.encrypted = encrypt(this, { ...this.data, ...patch });
	}

	/** What `updateCredentials` does to the row: store the new ciphertext. */
	save(encrypted: string): void {
		this.encrypted = encrypted;
		this.writes++;
	}

	/** n8n-core's `Credentials` for this row, as `CredentialsHelper.getCredentials` returns it. */
	toCredentials(): Credentials {
		return new Credentials({ id: this.id, name: this.name }, this.type, this.encrypted);
	}

	/** The `node.credentials[type]` reference a workflow node carries. */
	get reference(): INodeCredentialsDetails {
		return { id: this.id, name: this.name };
	}
}

function encrypt(store: CredentialStore, data: ICredentialDataDecryptedObject): string {
	const credentials = new Credentials({ id: store.id, name: store.name }, store.type);
	credentials.setData(data);
	const { data: encrypted } = credentials.getDataToSave();
	if (encrypted === undefined) throw new UnexpectedError('Credentials.getDataToSave() returned no data');
	return encrypted;
}

function isExpression(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith('=');
}

// Like the CLI's helper: expressions in credentials without an execution context are resolved against a
// one-node workflow of an empty "mock" node type.
const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};
const mockNodeType = { description: { properties: [] as INodeProperties[] } } as unknown as INodeType;
const mockNodeTypes: INodeTypes = {
	getKnownTypes: (): IDataObject => ({}),
	getByName: () => mockNodeType,
	getByNameAndVersion: () => mockNodeType,
};

export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly credentialTypes = new Map<string, ICredentialType>();

	constructor(credentialTypes: ICredentialType[] = [new ChorusProApi()]) {
		super();
		for (const type of credentialTypes) this.credentialTypes.set(type.name, type);
	}

	getCredentialType(typeName: string): ICredentialType {
		const type = this.credentialTypes.get(typeName);
		if (!type) {
			throw new UnexpectedError('Unknown credential type', { tags: { credentialType: typeName } });
		}
		return type;
	}

	/** Same as the CLI's `CredentialTypes.getParentTypes`: the `extends` chain, transitively. */
	getParentTypes(typeName: string): string[] {
		const parents = [...(this.credentialTypes.get(typeName)?.extends ?? [])];
		for (const parent of [...parents]) parents.push(...this.getParentTypes(parent));
		return parents;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			requestOptions.headers ??= {};
			const target = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const additionalKeys = { $credentials: credentials };
					target[outerKey] ??= {};
					target[outerKey][this.resolveValue(key, additionalKeys, workflow, node)] =
						this.resolveValue(value, additionalKeys, workflow, node);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);

		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		// The CredentialsTester's temporary node: a credential test always mints a fresh token.
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';

		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirableProperty.name] !== '' &&
			!credentialsExpired &&
			!isTestingCredentials
		) {
			return undefined;
		}

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		// Only persist when the output carries the expirable property (n8n: "else the database will not get
		// updated").
		if (output[expirableProperty.name] === undefined) return undefined;

		if (node.credentials) {
			await this.updateCredentials(
				node.credentials[credentialType.name],
				credentialType.name,
				Object.assign(credentials, output),
			);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return returnValue ? String(returnValue) : '';
	}

	async getCredentials(nodeCredential: INodeCredentialsDetails, type: string): Promise<Credentials> {
		if (!nodeCredential?.id) {
			throw new UnexpectedError('Found credential with no ID.', {
				extra: { credentialName: nodeCredential?.name },
				tags: { credentialType: type },
			});
		}
		const row = credentialsTable.get(nodeCredential.id);
		if (row === undefined || row.type !== type) {
			// Message of the CLI's CredentialNotFoundError.
			throw new UnexpectedError(
				`Credential with ID "${nodeCredential.id}" does not exist for type "${type}".`,
			);
		}
		return row.toCredentials();
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.getCredentialType(type);
		if (credentialTypeData.extends === undefined) return credentialTypeData.properties;

		const combineProperties: INodeProperties[] = [];
		for (const parentType of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combineProperties, this.getCredentialsProperties(parentType));
		}
		// The properties defined on the child take precedence.
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		const decryptedDataOriginal = credentials.getData();
		if (raw === true) return decryptedDataOriginal;

		return await this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** The CLI's `applyDefaultsAndOverwrites` minus overwrites and external secrets. */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);

		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			decryptedDataOriginal as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { secretsEnabled: false });

		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			// No-ops unless n8n's isolated-vm expression evaluator is enabled (never in the harness).
			await workflow.expression.acquireIsolate();
			try {
				decryptedData = workflow.expression.getComplexParameterValue(
					mockNode,
					decryptedData as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		// Goes through n8n-core's Credentials (setData + getDataToSave) like the CLI, then "saves the row".
		const credentials = await this.getCredentials(nodeCredentials, type);
		credentials.setData(data);
		const { data: encrypted } = credentials.getDataToSave();
		if (encrypted === undefined) throw new UnexpectedError('Credentials.getDataToSave() returned no data');
		credentialsTable.get(nodeCredentials.id as string)?.save(encrypted);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {
		throw new UnexpectedError('OAuth token data is not supported by the test credentials helper');
	}
}
