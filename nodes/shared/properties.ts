import type {
	DisplayCondition,
	IDisplayOptions,
	INodeProperties,
	INodePropertyMode,
	INodePropertyOptions,
} from 'n8n-workflow';

import { codeLabel } from './codeLabels';
import { fieldHelp } from './fieldHelp';
import type { Field, Locator, Operation, OptionValue, Resource } from './operation';
import { parallelRequestsProperties } from './parallel';

/** Builds a node's parameters from its operation descriptions: one builder for every node. */

export const ADDITIONAL_FIELDS = 'additionalFields';
export const SORT = 'sort';
export const BINARY_PROPERTY = 'binaryPropertyName';
/** The output field of an operation that also reads a file (sign a document: the file in, the signed file out). */
export const OUTPUT_BINARY_PROPERTY = 'outputBinaryPropertyName';

function optionList(options: ReadonlyArray<string | OptionValue>): INodePropertyOptions[] {
	return options.map((option) =>
		typeof option === 'string' ? { name: codeLabel(option), value: option } : { ...option },
	);
}

function n8nType(field: Field): INodeProperties['type'] {
	switch (field.type) {
		case 'number':
		case 'integer':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'options':
			return 'options';
		case 'multiOptions':
			return 'multiOptions';
		case 'date':
		case 'dateTime':
			return 'dateTime';
		case 'json':
			return 'json';
		default:
			return 'string';
	}
}

function defaultOf(field: Field): INodeProperties['default'] {
	if (field.default !== undefined) return field.default;
	switch (field.type) {
		case 'number':
		case 'integer':
			return 0;
		case 'boolean':
			return false;
		case 'multiOptions':
			return [];
		case 'json':
			return '{}';
		case 'options': {
			const first = field.options?.[0];
			if (field.required && first !== undefined) return typeof first === 'string' ? first : first.value;
			return '';
		}
		default:
			return '';
	}
}

/**
 * The shape of a value typed in a locator's "By ID" mode, checked by the editor (n8n anchors the regex): a
 * Chorus Pro id is digits, a SIRET 14 digits. The checks before any request stay those of the field's type.
 */
function idValidation(field: Field): INodePropertyMode['validation'] {
	const shape =
		field.type === 'integer'
			? { regex: '\\s*[0-9]+\\s*', errorMessage: 'Expected an ID: digits only' }
			: field.check === 'siret'
				? { regex: '\\s*[0-9]{14}\\s*', errorMessage: 'Expected a SIRET: 14 digits' }
				: undefined;
	return shape && [{ type: 'regex', properties: shape }];
}

/** A field users pick (`locator`) as n8n's resource locator: "From List" (searchable, paged) or typed by hand. */
function locatorProperty(field: Field, locator: Locator, property: INodeProperties): INodeProperties {
	// A number's typeOptions and a typed placeholder do not apply to a locator: its modes say how it is given.
	const common: INodeProperties = { ...property };
	delete common.typeOptions;
	delete common.placeholder;
	const byId: INodePropertyMode = {
		displayName: locator.byLabel ?? 'By ID',
		name: 'id',
		type: 'string',
		placeholder: field.placeholder,
		validation: idValidation(field),
	};
	return {
		...common,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${field.label.replace(/ (ID|SIRET)$/, '')}...`,
				typeOptions: { searchListMethod: locator.list, searchable: true },
			},
			byId,
		],
	};
}

/** One field as an n8n parameter (or as an option of the Additional Fields collection); `filter` in a search. */
export function fieldProperty(field: Field, filter = false): INodeProperties {
	const property: INodeProperties = {
		displayName: field.label,
		name: field.name,
		type: n8nType(field),
		default: defaultOf(field),
		description: fieldHelp(field, filter),
	};
	if (field.placeholder) property.placeholder = field.placeholder;
	if (field.type === 'integer') property.typeOptions = { minValue: 0, numberPrecision: 0 };
	if (field.type === 'json') property.typeOptions = { rows: 4 };
	if (field.loadOptionsMethod) {
		property.typeOptions = { ...property.typeOptions, loadOptionsMethod: field.loadOptionsMethod };
		property.options = [];
		property.description = `${property.description}. Choose from the list, or specify a code using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`;
	} else if (field.options) {
		property.options = optionList(field.options);
		if (field.type === 'options' && !field.required) {
			property.options = [{ name: '(Not Set)', value: '' }, ...property.options];
		}
	}
	if (field.required) property.required = true;
	return field.locator ? locatorProperty(field, field.locator, property) : property;
}

/**
 * A top-level field as one parameter, or as two of the same name when its default changed with a node version
 * (`defaultSince`): n8n shows the one whose `@version` condition matches the node.
 */
function versionedProperties(field: Field, displayOptions: IDisplayOptions, filter: boolean): INodeProperties[] {
	const property = fieldProperty(field, filter);
	const since = field.defaultSince;
	if (!since) return [{ ...property, displayOptions }];
	const forVersions = (condition: DisplayCondition): IDisplayOptions => ({
		show: { ...displayOptions.show, '@version': [condition] },
	});
	return [
		{ ...property, displayOptions: forVersions({ _cnd: { lt: since.version } }) },
		{ ...property, default: since.value, displayOptions: forVersions({ _cnd: { gte: since.version } }) },
	];
}

function isSearch(operation: Operation): boolean {
	return operation.pagination !== undefined;
}

function show(operation: Operation, extra: Record<string, Array<string | boolean>> = {}) {
	return {
		show: { resource: [operation.resource], operation: [operation.operation], ...extra },
	};
}

/** Where to report a request shape the platform refuses. */
export const ISSUES_URL = 'https://github.com/n8n-nodes-chorus-pro/n8n-nodes-chorus-pro/issues';

/**
 * The editor's warning for an operation whose request body no public source shows (annex path only, or nothing
 * published): what it was built from, and what to do when the platform refuses it. n8n shows a notice's display
 * name as its text.
 */
export function evidenceNotice(operation: Operation): string | undefined {
	const evidence = operation.evidence;
	// A local computation (e.g. a file-name helper) makes no HTTP call, so there is nothing the platform can refuse.
	if (operation.kind === 'local' || !evidence || (evidence.level !== 'unpublished' && evidence.level !== 'annexPath')) {
		return undefined;
	}
	// Notes are sentences of their own: drop their final stop so the notice never reads "..".
	const sentence = (text: string) => text.trim().replace(/\.+$/, '');
	const what =
		evidence.level === 'unpublished'
			? `No public source shows this call: its path and body are our reading of ${sentence(evidence.source)}.`
			: `Only the path is public (AIFE annex, table 4.1); the rest is our reading: ${sentence(evidence.note ?? evidence.source)}.`;
	const gap = evidence.level === 'unpublished' && evidence.note ? ` ${sentence(evidence.note)}.` : '';
	return `${what}${gap} If Chorus Pro answers 400, 403, 404 or 415, check that the API is subscribed in your PISTE application, set the path PISTE shows in the credential (API Base Paths), and tell us at ${ISSUES_URL}.`;
}

function operationProperties(operation: Operation): INodeProperties[] {
	const properties: INodeProperties[] = [];
	const notice = evidenceNotice(operation);
	if (notice) {
		properties.push({ displayName: notice, name: 'evidenceNotice', type: 'notice', default: '', displayOptions: show(operation) });
	}
	if (operation.binaryIn) {
		properties.push({
			displayName: 'Input Binary Field',
			name: BINARY_PROPERTY,
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file',
			description: `Name of the binary field of the input item that holds the file to send (maximum size: ${operation.binaryIn.limitLabel})`,
			displayOptions: show(operation),
		});
	}
	for (const field of operation.fields.filter((f) => f.required || f.top)) {
		properties.push(...versionedProperties(field, show(operation, field.showWhen), isSearch(operation)));
	}
	const pagination = operation.pagination;
	if (pagination) {
		properties.push(
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions: show(operation),
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				displayOptions: show(operation, { returnAll: [false] }),
			},
		);
	}
	const optional = operation.fields.filter((f) => !f.required && !f.top);
	if (optional.length) {
		properties.push({
			displayName: isSearch(operation) ? 'Filters' : 'Additional Fields',
			name: ADDITIONAL_FIELDS,
			type: 'collection',
			placeholder: isSearch(operation) ? 'Add Filter' : 'Add Field',
			description: isSearch(operation)
				? 'Optional criteria that narrow the search'
				: 'Optional fields of the request: add only those you need',
			default: {},
			displayOptions: show(operation),
			// A field users pick is a locator here too, as in n8n's own Jira and Slack nodes (1.x and 2.x).
			options: optional
				.map((field) => fieldProperty(field, isSearch(operation)))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	const sortColumns = pagination && 'sortColumns' in pagination ? pagination.sortColumns : undefined;
	if (sortColumns?.length) {
		properties.push({
			displayName: 'Sort',
			name: SORT,
			type: 'collection',
			placeholder: 'Add Sort Option',
			description: 'The order Chorus Pro returns the results in',
			default: {},
			displayOptions: show(operation),
			options: [
				{
					displayName: 'Sort By',
					name: 'column',
					type: 'options',
					options: optionList(sortColumns),
					default: sortColumns[0],
					description: 'Column Chorus Pro sorts the results by (triColonne)',
				},
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'Ascendant' },
						{ name: 'Descending', value: 'Descendant' },
					],
					default: 'Descendant',
					description: 'Order of the results: ascending or descending (triSens)',
				},
			],
		});
	}
	if (operation.binaryOut) {
		properties.push({
			displayName: 'Put Output File in Field',
			name: operation.binaryIn ? OUTPUT_BINARY_PROPERTY : BINARY_PROPERTY,
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
			description: 'Name of the binary field of the output item that receives the downloaded file',
			displayOptions: show(operation),
		});
	}
	return properties;
}

/**
 * The canvas subtitle: the chosen operation's action in words ("Search received invoices"), looked up from the
 * resource and operation (their camelCase values mean nothing to an accountant).
 */
export function operationSubtitle(operations: Operation[]): string {
	const actions = Object.fromEntries(operations.map((op) => [`${op.resource}:${op.operation}`, op.action]));
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/** The resource dropdown, one operation dropdown per resource, then every operation's parameters. */
export function buildProperties(resources: Resource[], operations: Operation[]): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value, description }) => ({ name, value, description })),
			default: resources[0].value,
		},
	];
	for (const resource of resources) {
		const ofResource = operations.filter((op) => op.resource === resource.value);
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: ofResource.map((op) => ({
				name: op.name,
				value: op.operation,
				action: op.action,
				description: op.description,
			})),
			default: ofResource[0].operation,
		});
	}
	for (const operation of operations) properties.push(...operationProperties(operation));
	properties.push(...parallelRequestsProperties(resources, operations));
	return properties;
}
