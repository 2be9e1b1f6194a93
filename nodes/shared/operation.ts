import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData } from 'n8n-workflow';

import type { ApiGroup } from './apis';
import type { FieldCheck } from './checks';
import type { LookupCache } from './lookup';
import type { InputProblem } from './parameters';
import type { ApiRequest } from './transport';

/**
 * Operations are data: each endpoint is described once by an `Operation`. `properties.ts` turns the
 * descriptions into node parameters and `executor.ts` turns them into requests.
 */

export type FieldType =
	| 'string'
	| 'number' // decimal (amounts)
	| 'integer' // Chorus ids (int64), counts
	| 'boolean'
	| 'options' // one value of `options`
	| 'multiOptions' // several values of `options`, sent as an array
	| 'date' // sent as YYYY-MM-DD
	| 'dateTime' // sent as YYYY-MM-DDTHH:mm:ss
	| 'json' // an object or array typed as JSON (line items, attachments…)
	| 'idList' // comma-separated integers, sent as [{ [itemKey]: id }] or [id] without itemKey
	| 'stringList'; // comma-separated strings, sent as an array


export interface OptionValue {
	name: string;
	value: string;
	description?: string;
}

export interface Field {
	/** Parameter name in n8n, unique within the operation. */
	name: string;
	/** Label shown in n8n (the parameter's display name). */
	label: string;
	type: FieldType;
	/** Where the value goes (default `body`); `none` = read by a hook only. */
	in?: 'body' | 'path' | 'query' | 'none';
	/** Target key: a dot path in the body (`destinataire.codeDestinataire`), the `{name}` of the path, or the query key. Default: `name`. */
	key?: string;
	/** Required fields are shown at the top and checked before any request. */
	required?: boolean;
	/** Optional but shown at the top level instead of inside "Additional Fields" / "Filters". */
	top?: boolean;
	default?: string | number | boolean | string[];
	description?: string;
	placeholder?: string;
	/** Enum values (docs/api-notes.md §11). Strings are both name and value. */
	options?: ReadonlyArray<string | OptionValue>;
	/** Name of a `loadOptions` method that lists the values from the server. */
	loadOptionsMethod?: string;
	/**
	 * What users pick among their own Chorus Pro data (a structure, a service, a recipient, an invoice, a
	 * commitment): n8n shows a resource locator, "From List" or "By ID". The field keeps its `type`, which checks
	 * and converts the value sent.
	 */
	locator?: Locator;
	/** A check of the registry (checks.ts), run before any request. */
	check?: FieldCheck;
	maxLength?: number;
	/**
	 * A search criterion the API wants as `{ op, <value> }`: the value goes to `key` (`filtres.siren.valeur`,
	 * `siren.val`) and this operator beside it, as `op` (`filtres.siren.op`), when the criterion is given.
	 */
	operator?: string;
	/** For `idList`: the key of each object of the array. */
	itemKey?: string;
	/** For `date` used as the end of a range: sent as YYYY-MM-DDT23:59:59 so the whole day is included. */
	endOfDay?: boolean;
	/** For `dateTime`: sent with its Paris offset (YYYY-MM-DDTHH:mm:ss+02:00) where the public clients that work send one. */
	withOffset?: boolean;
	/** Shown only when other parameters of this operation have these values. */
	showWhen?: Record<string, Array<string | boolean>>;
	/**
	 * A default that changed with a node version (n8n light versioning): nodes saved at an older version keep
	 * `default` (n8n does not store defaults, so their behaviour stays the same), nodes created at `version` or
	 * later get `value`. Top-level fields only.
	 */
	defaultSince?: { version: number; value: string | number | boolean };
}

/**
 * A resource locator: the list comes from the node's `listSearch` method `list` (listSearch.ts), which runs a
 * described search. A saved workflow whose field held a plain value before it became a locator keeps working:
 * n8n hands the plain value over unchanged and `parameters.ts` reads both shapes (no node version step).
 */
export interface Locator {
	list: string;
	/** Label of the "By ID" mode when the value is not a Chorus Pro id, e.g. "By SIRET" (default "By ID"). */
	byLabel?: string;
}

/**
 * How a search pages (docs/api-notes.md §2.2). `body`: page number and size in the request body (inside `request`, or at
 * top level when `request` is ''), counters `pageCourante`/`pages`/`total` in the response (inside `response`, or
 * at top level when ''). `none`: the whole list comes in one answer. `offset`: PPF-style limit/offset in the body.
 */
export type Pagination =
	| {
			style: 'body';
			request: string;
			response: string;
			list: string;
			maxPageSize: number;
			/** Cap of total results some searches accept (`nbResultatsMaximum`, or the Swagger's odd `getnbResultatsMaximum`). */
			maxResultsField?: string;
			sortColumns?: readonly string[];
			/** codeRetour values meaning "no result" (default: 20000, 20007). */
			noResultCodes?: readonly number[];
	  }
	| { style: 'none'; list: string; noResultCodes?: readonly number[] }
	| {
			/**
			 * PPF-style searches (annuaire OpenAPI, G2B): a POST body with a result cap and an offset
			 * (`limite` / `ignorer`), the total in the answer (`nombre_total_resultats`), sort criteria as
			 * `tris: [{ champ, ordre: 'ascendant' | 'descendant' }]`.
			 */
			style: 'offset';
			list: string;
			limitKey: string;
			offsetKey: string;
			maxPageSize: number;
			totalPath?: string;
			/** Body key of the sort criteria array, when the API sorts. */
			sortKey?: string;
			sortColumns?: readonly string[];
	  };

export interface BinaryInput {
	/** Body key (a dot path: `toSignDocument.bytes`) of the base64 content. */
	contentKey: string;
	/** Body key of the file name, if the API wants it. */
	fileNameKey?: string;
	/** The longest file name the API keeps: a longer binary name is shortened, its extension kept. */
	fileNameMaxLength?: number;
	mimeTypeKey?: string;
	/** Body key of the upper-case extension without the dot (`PDF`). */
	extensionKey?: string;
	maxBytes: number;
	/** Human limit, e.g. "30 MB per flux". */
	limitLabel: string;
	/** Allowed extensions (upper case), when the API has a list. */
	extensions?: readonly string[];
}

export interface BinaryOutput {
	/** Response key holding the base64 file. */
	contentKey: string;
	/** File name of the produced binary. */
	fileName: (params: IDataObject, response: IDataObject) => string;
	mimeType: (params: IDataObject, response: IDataObject, bytes: Buffer) => string;
}

/** A request ready to send: what the executor built from the parameters. */
export interface BuiltRequest {
	method: IHttpRequestMethods;
	path: string;
	body: IDataObject;
	qs: IDataObject;
}

/** What hooks get: the n8n context, the item, the parameter values, and the one transport. */
export interface OperationContext {
	fn: IExecuteFunctions;
	itemIndex: number;
	operation: Operation;
	/** Parameter values, already validated, by field name (plus `binaryPropertyName` when there is a file). */
	params: IDataObject;
	/**
	 * Set on the qualification platform (sandbox): its test SIRET/SIREN fail the checksum, so a hook that checks
	 * identifiers reports checksum failures here (a warning in n8n) instead of refusing them.
	 */
	acceptTestIdentifier?: (label: string, reason: string) => void;
	/** Missing or invalid parameters, for an operation that `reportsInputProblems` (left out of `params`). */
	inputProblems: InputProblem[];
	request(request: ApiRequest): Promise<IDataObject>;
	/** Look-ups shared by every item of this execution (see lookup.ts). */
	lookups: LookupCache;
}

/**
 * What sending a described operation needs: its description and the one transport. An action's item gives its
 * whole context; the trigger's poll gives these two (pagination.ts, `sendAsDescribed`).
 */
export type OperationCall = Pick<OperationContext, 'operation' | 'request'>;

export interface OperationHooks {
	/** Adjust the built request before it is sent (derived fields, conditional structure); requests only. */
	prepare?: (ctx: OperationContext, request: BuiltRequest) => void | Promise<void>;
	/**
	 * Wrap or replace what the operation does; `next` does it as described (its request, steps or computation).
	 * Returns the answer to output.
	 */
	run?: (ctx: OperationContext, next: () => Promise<IDataObject>) => Promise<IDataObject>;
	/** Shape the answer into output items (default: the answer, or its list). */
	output?: (ctx: OperationContext, response: IDataObject) => INodeExecutionData[] | Promise<INodeExecutionData[]>;
}

/** A step that ran: the request it sent and the answer it got. */
export interface StepResult {
	request: BuiltRequest;
	answer: IDataObject;
}

/**
 * One step of a `steps` operation: another described operation, run as if a user had run it with the composite's
 * parameters (its fields take those of their names, its file is the composite's).
 */
export interface Step {
	operation: RequestOperation;
	/** Body values this step adds from the steps before it (e.g. the id of the file uploaded by the first). */
	body?: (params: IDataObject, done: StepResult[]) => IDataObject;
	/** What to tell the user when this step's outcome is unknown, if not its operation's own advice. */
	howToCheck?: string;
}

interface OperationBase {
	resource: string;
	/** Operation value in n8n, camelCase. */
	operation: string;
	/** Label in the operation dropdown. */
	name: string;
	/** Sentence shown as the action (and to AI agents), e.g. "Search received invoices". */
	action: string;
	/** One line; may give the French name of the service. */
	description: string;
	api: ApiGroup;
	fields: Field[];
	/** Creates or changes something: never re-sent after an unknown outcome (see transport). */
	mutates: boolean;
	/**
	 * One thing named two ways (an id, or a type + an identifier): at least one group of these parameters must be
	 * given in full, checked before any request ("Give the structure as "Structure ID", or as …").
	 */
	oneOf?: { what: string; groups: string[][] };
	/** For mutating operations: how to check whether a failed call went through. */
	howToCheck?: string;
	pagination?: Pagination;
	/** HTTP 400 `error` names that mean an empty answer for this operation (see `ApiRequest.noResultErrors`). */
	noResultErrors?: readonly string[];
	/** For non-paginated answers: split this list of the answer into one item per element. */
	splitList?: string;
	/** The file the user gives (for `steps`: checked once, then handed to the step that sends a file). */
	binaryIn?: BinaryInput;
	binaryOut?: BinaryOutput;
	/** Marks operations the API documentation deprecates. */
	deprecated?: boolean;
	/**
	 * Runs once for all input items (e.g. many invoices → one G2B flux): parameters are read from item 0, the
	 * hooks read every item, and the output items are paired with all input items.
	 */
	aggregate?: boolean;
	/**
	 * A missing or invalid parameter does not stop the item: the hooks get it in `ctx.inputProblems` (a check
	 * reports it with the other problems of the invoice).
	 */
	reportsInputProblems?: boolean;
	hooks?: OperationHooks;
	/** Where the request shape comes from (issue 9: every operation states it; a test enforces it). */
	evidence?: Evidence;
}

/** One request (the default kind): method and path under the API prefix. */
export interface RequestOperation extends OperationBase {
	kind?: 'request';
	method: IHttpRequestMethods;
	/** Path under the API prefix, with `{param}` placeholders for `in: 'path'` fields. */
	path: string;
}

/** A sequence of other described operations (Submit PDF Invoice = Add File, then the submission). */
export interface StepsOperation extends OperationBase {
	kind: 'steps';
	steps: Step[];
	/** The answer of the whole sequence, from the steps that ran. */
	result: (done: StepResult[]) => IDataObject;
	method?: never;
	path?: never;
}

/** A computation made in n8n from the parameters alone: no request (Build File Name). */
export interface LocalOperation extends OperationBase {
	kind: 'local';
	/** The answer from the checked parameters; an Error it throws says what is wrong with them. */
	compute: (params: IDataObject) => IDataObject;
	/** What it makes, named in its errors: "E-reporting file name (item 1): …". */
	makes: string;
	method?: never;
	path?: never;
}

/** What an operation does: one request, steps over other described operations, or a local computation. */
export type Operation = RequestOperation | StepsOperation | LocalOperation;

export function isRequest(operation: Operation): operation is RequestOperation {
	return operation.kind === undefined || operation.kind === 'request';
}

/**
 * Where an operation's method, path and body come from, most trusted first (see "Evidence beats agreement" in the
 * README): an official Swagger; an official AIFE example page; a public client whose tests ran against the sandbox
 * or production; the path alone in table 4.1 of the AIFE annex; or nothing published (our reading).
 */
export type EvidenceLevel = 'swagger' | 'aifeExample' | 'testedClient' | 'annexPath' | 'unpublished';

export interface Evidence {
	level: EvidenceLevel;
	/**
	 * What anyone can open: Swagger file + operationId, the AIFE page URL, repository + file of the client, "annex
	 * v6.1 table 4.1", or for `unpublished` what the shape was built from.
	 */
	source: string;
	/** What the source does not settle (a guessed body key, a status verb…), said plainly. */
	note?: string;
}

export interface Resource {
	value: string;
	name: string;
	description?: string;
}

/** A copy of `source` without the given keys (used to drop the codeRetour/libelle envelope from outputs). */
export function omit<T extends object>(source: T, keys: readonly string[]): Partial<T> {
	return Object.fromEntries(Object.entries(source).filter(([key]) => !keys.includes(key))) as Partial<T>;
}

export const ENVELOPE_KEYS = ['codeRetour', 'libelle', 'noResult'] as const;
