import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BuiltRequest, Field, Operation, RequestOperation } from './operation';
import { ADDITIONAL_FIELDS } from './properties';
import { apiDate, apiDateTime, apiDateTimeWithOffset } from './parisTime';
import { FIELD_CHECKS } from './checks';
import { checkFreeText, itemName } from './validation';

/**
 * Reads an operation's parameters for one item, checks them and converts them to the API's types. Everything
 * here runs before any HTTP call; errors name the field and the item.
 */

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0) ||
		(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
	);
}

function allowedValues(field: Field): string[] | undefined {
	if (!field.options || field.loadOptionsMethod) return undefined;
	return field.options.map((o) => (typeof o === 'string' ? o : o.value));
}

export class InputError extends Error {
	constructor(
		readonly field: Field,
		readonly reason: string,
	) {
		super(reason);
	}
}

const INVALID = Symbol('invalid');

function jsonParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return INVALID;
	}
}

function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value)
		.split(/[,;\s]+/)
		.map((v) => v.trim())
		.filter(Boolean);
}

function toInteger(field: Field, raw: unknown): number {
	const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (!Number.isSafeInteger(n) || n < 0) throw new InputError(field, `expected a whole number, got "${raw}"`);
	return n;
}

/** The problem of a value under its field's check; `checksum: false` checks the format of identifiers only. */
function checkValue(field: Field, value: string, checksum: boolean): string | undefined {
	return checkFreeText(value) ?? (field.check ? FIELD_CHECKS[field.check](value, checksum) : undefined);
}

/**
 * Converts one raw parameter value to what the API expects, or throws an InputError. With `onChecksumFailure`
 * (qualification platform), a SIRET/SIREN of the right format whose checksum fails is reported there instead.
 */
export function convertValue(field: Field, raw: unknown, onChecksumFailure?: (reason: string) => void): unknown {
	switch (field.type) {
		case 'integer':
			return toInteger(field, raw);
		case 'number': {
			const n = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.').trim());
			if (!Number.isFinite(n)) throw new InputError(field, `expected a number, got "${raw}"`);
			// Chorus Pro amounts are never negative: a credit note is an AVOIR with positive amounts.
			if (n < 0 && field.name.startsWith('montant')) throw new InputError(field, `an amount cannot be negative, got ${n}`);
			return n;
		}
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			throw new InputError(field, `expected true or false, got "${raw}"`);
		// Dates go through the one time model (parisTime.ts): an instant (with an offset) becomes Paris local time.
		case 'date': {
			const day = apiDate(raw);
			if (!day) throw new InputError(field, `"${raw}" is not a valid date (expected YYYY-MM-DD)`);
			return field.endOfDay ? `${day}T23:59:59` : day;
		}
		case 'dateTime': {
			const date = field.withOffset ? apiDateTimeWithOffset(raw) : apiDateTime(raw, field.endOfDay);
			if (!date) throw new InputError(field, `"${raw}" is not a valid date and time (expected YYYY-MM-DDTHH:mm:ss, Paris time, or with an offset)`);
			return date;
		}
		case 'json': {
			if (typeof raw !== 'string') return raw;
			const parsed = jsonParse(raw);
			if (parsed === INVALID) throw new InputError(field, 'not valid JSON');
			return parsed;
		}
		case 'idList': {
			const ids = splitList(raw).map((id) => toInteger(field, id));
			return field.itemKey ? ids.map((id) => ({ [field.itemKey as string]: id })) : ids;
		}
		case 'stringList':
			return splitList(raw);
		case 'multiOptions': {
			const values = splitList(raw);
			const allowed = allowedValues(field);
			const wrong = allowed && values.find((v) => !allowed.includes(v));
			if (wrong) throw new InputError(field, `"${wrong}" is not one of: ${allowed.join(', ')}`);
			return values;
		}
		case 'options': {
			const value = String(raw).trim();
			const allowed = allowedValues(field);
			if (allowed && !allowed.includes(value)) {
				throw new InputError(field, `"${value}" is not one of: ${allowed.join(', ')}`);
			}
			// A list loaded from the server can be bypassed by an expression: the value is still checked.
			const problem = checkValue(field, value, true);
			if (problem) throw new InputError(field, problem);
			return value;
		}
		default: {
			const value = String(raw).trim();
			if (field.maxLength && value.length > field.maxLength) {
				throw new InputError(field, `${value.length} characters long; Chorus Pro accepts at most ${field.maxLength}`);
			}
			const problem = checkValue(field, value, true);
			if (problem && onChecksumFailure && !checkValue(field, value, false)) onChecksumFailure(problem);
			else if (problem) throw new InputError(field, problem);
			return value;
		}
	}
}

/**
 * The value of a parameter that may be a resource locator: `{ __rl, mode, value }` saved by the editor, or the
 * plain value a workflow saved before the field became a locator (n8n hands it over unchanged, in 1.x and 2.x).
 */
export function pickedValue(raw: unknown): unknown {
	if (raw !== null && typeof raw === 'object' && '__rl' in raw && 'value' in raw) return (raw as { value: unknown }).value;
	return raw;
}

/** Reads the raw values of the operation's fields for item `i` (top-level parameters and Additional Fields). */
function readRaw(fn: IExecuteFunctions, operation: Operation, i: number): Map<Field, unknown> {
	const extra = (
		operation.fields.some((f) => !f.required && !f.top)
			? fn.getNodeParameter(ADDITIONAL_FIELDS, i, {})
			: {}
	) as IDataObject;
	const raw = new Map<Field, unknown>();
	for (const field of operation.fields) {
		if (field.required || field.top) {
			const visible = Object.entries(field.showWhen ?? {}).every(([name, values]) =>
				values.includes(fn.getNodeParameter(name, i, '') as string | boolean),
			);
			if (visible) raw.set(field, pickedValue(fn.getNodeParameter(field.name, i, undefined)));
		} else if (field.name in extra) {
			raw.set(field, pickedValue(extra[field.name]));
		}
	}
	return raw;
}

/** A parameter that is missing or invalid, when the operation reports input problems instead of stopping. */
export interface InputProblem {
	field: Field;
	/** `is required`, or why the value is invalid. */
	reason: string;
}

/**
 * Converted values by field name; a required field that is empty is an error. With `problems`, a missing or
 * invalid value is collected there and left out instead of stopping the item. `warn` (qualification platform)
 * receives the checksum failures that are then accepted, as sentences naming the field and the item.
 */
export function readParameters(
	fn: IExecuteFunctions,
	operation: Operation,
	i: number,
	problems?: InputProblem[],
	warn?: (message: string) => void,
): IDataObject {
	const params: IDataObject = {};
	const invalid = (field: Field, reason: string) => {
		if (!problems) throw fieldError(fn, field, i, reason);
		problems.push({ field, reason });
	};
	for (const [field, raw] of readRaw(fn, operation, i)) {
		// An id left at 0 means "not set": Chorus ids start at 1.
		const unset = isEmpty(raw) || (field.type === 'integer' && raw === 0);
		if (unset) {
			if (field.required) invalid(field, 'is required');
			continue;
		}
		try {
			const value = convertValue(field, raw, warn && ((reason) => warn(testIdentifierWarning(field.label, i, reason))));
			// An empty list or object (a JSON field left at "[]") is the same as not set.
			if (isEmpty(value) && !field.required) continue;
			params[field.name] = value as IDataObject[keyof IDataObject];
		} catch (error) {
			if (!(error instanceof InputError)) throw new NodeOperationError(fn.getNode(), error as Error, { itemIndex: i });
			invalid(field, error.reason);
		}
	}
	checkRanges(fn, operation, params, i);
	checkOneOf(fn, operation, params, i);
	return params;
}

/** The thing an operation needs named one way or another (`Operation.oneOf`): at least one group given in full. */
function checkOneOf(fn: IExecuteFunctions, operation: Operation, params: IDataObject, i: number): void {
	const { oneOf } = operation;
	if (!oneOf || oneOf.groups.some((group) => group.every((name) => params[name] !== undefined))) return;
	const label = (name: string) => `"${operation.fields.find((f) => f.name === name)?.label ?? name}"`;
	const ways = oneOf.groups.map((group) => group.map(label).join(' + ')).join(', or as ');
	throw new NodeOperationError(fn.getNode(), `Give ${oneOf.what} as ${ways} (${itemName(i)})`, {
		itemIndex: i,
		description: 'One of them is required. Nothing was sent to Chorus Pro.',
	});
}

/** The warning of an identifier accepted on the qualification platform although its checksum fails. */
export function testIdentifierWarning(label: string, i: number, reason: string): string {
	return `"${label}" (${itemName(i)}): ${reason}. Sent anyway: the credential points at the qualification platform, whose test identifiers do not follow the checksum.`;
}

/** The start of the range a field ends (`…Au` → `…Du`, `…Fin` → `…Debut`, `…Max` → `…Min`), if the operation has it. */
function rangeStart(operation: Operation, end: Field): Field | undefined {
	const names = [
		end.name.replace(/Au$/, 'Du'),
		end.name.replace(/Fin$/, 'Debut'),
		end.name.replace(/Max$/, 'Min'),
		end.name.replace(/Fin(?=[A-Z])/, 'Debut'),
	].filter((name) => name !== end.name);
	return operation.fields.find((field) => names.includes(field.name));
}

/** A range whose end comes before its start finds nothing: say so instead of asking Chorus Pro. */
function checkRanges(fn: IExecuteFunctions, operation: Operation, params: IDataObject, i: number): void {
	for (const end of operation.fields) {
		const start = rangeStart(operation, end);
		if (!start || params[start.name] === undefined || params[end.name] === undefined) continue;
		const [from, to] = [params[start.name], params[end.name]];
		// Dates are in the API's YYYY-MM-DD[THH:mm:ss] form, which sorts as text; amounts are numbers.
		const reversed = typeof from === 'number' && typeof to === 'number' ? from > to : String(from) > String(to);
		if (reversed) {
			throw fieldError(fn, end, i, `"${String(to)}" comes before "${start.label}" (${String(from)}): the range is empty`);
		}
	}
}

/** The Limit of a search: n8n's minimum of 1 binds the form only, an expression can give anything. */
export function readLimit(fn: IExecuteFunctions, i: number): number {
	const raw = fn.getNodeParameter('limit', i, 50);
	const limit = typeof raw === 'number' ? raw : Number(raw);
	if (!Number.isSafeInteger(limit) || limit < 1) {
		throw new NodeOperationError(fn.getNode(), `Invalid value for "Limit" (${itemName(i)}): expected a whole number of at least 1, got "${String(raw)}"`, {
			itemIndex: i,
			description: 'Nothing was sent to Chorus Pro.',
		});
	}
	return limit;
}

export function fieldError(fn: IExecuteFunctions, field: Field, i: number, reason: string): NodeOperationError {
	const message =
		reason === 'is required'
			? `"${field.label}" is required (${itemName(i)})`
			: `Invalid value for "${field.label}" (${itemName(i)}): ${reason}`;
	return new NodeOperationError(fn.getNode(), message, {
		itemIndex: i,
		description: `Parameter "${field.label}" (${field.key ?? field.name}) of ${itemName(i)}. Nothing was sent to Chorus Pro.`,
	});
}

/** Sets `value` at a dot path (`destinataire.codeDestinataire`) of `target`. */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

/** The value at a dot path of `source`, or undefined. */
export function getPath(source: IDataObject, path: string): unknown {
	let node: unknown = source;
	for (const key of path.split('.')) {
		if (typeof node !== 'object' || node === null) return undefined;
		node = (node as IDataObject)[key];
	}
	return node;
}

/** Maps the checked values onto the request: body (dot paths), path placeholders, query string. */
export function buildRequest(operation: RequestOperation, params: IDataObject): BuiltRequest {
	const request: BuiltRequest = { method: operation.method, path: operation.path, body: {}, qs: {} };
	for (const field of operation.fields) {
		if (!(field.name in params)) continue;
		const value = params[field.name];
		const key = field.key ?? field.name;
		switch (field.in ?? 'body') {
			case 'body':
				setPath(request.body, key, value);
				if (field.operator) setPath(request.body, key.replace(/[^.]+$/, 'op'), field.operator);
				break;
			case 'path':
				request.path = request.path.replace(`{${key}}`, encodeURIComponent(String(value)));
				break;
			case 'query':
				request.qs[key] = Array.isArray(value) ? value.join(',') : (value as IDataObject[keyof IDataObject]);
				break;
			default:
				break;
		}
	}
	return request;
}
