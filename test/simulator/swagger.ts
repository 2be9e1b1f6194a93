/**
 * Request-body validation against the official Swagger / OpenAPI files in `./swagger/` (copies of the public
 * AIFE Factures and Structures Swaggers and of the PPF annuaire OpenAPI 1.11.0).
 *
 * What is checked, the way a Jackson-based Java back end refuses a body (HTTP 400):
 * - a property the model does not declare (`additionalProperties` absent = closed model), at any depth;
 * - a JSON type that does not match (`string`, `integer` incl. int32 range, `number`, `boolean`, `array`,
 *   `object`); `null` is accepted for any property of a Swagger 2 model (Jackson maps it to Java null) and only
 *   for `nullable` ones in OpenAPI 3;
 * - enums, `maxLength`/`minLength`, `pattern`, `minimum`/`maximum`, `required`;
 * - `format: date-time` accepts every shape real clients send (docs/api-notes.md §13.4: `YYYY-MM-DD`,
 *   `YYYY-MM-DDTHH:mm:ss`, ISO with milliseconds and zone), calendar-checked; `format: date` wants `YYYY-MM-DD`.
 *
 * Known Swagger-vs-reality traps (docs/api-notes.md §16.2) are patched into the loaded models, each with its reason, so
 * a body that the real platform accepts is accepted here too — see PATCHES below.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { isLenientDate } from './dates';

export type SpecName = 'factures' | 'structures' | 'ppf-annuaire';

const FILES: Record<SpecName, string> = {
	factures: 'factures-v1.swagger.json',
	structures: 'structures-v1.swagger.json',
	'ppf-annuaire': 'ppf-annuaire-public-1.11.0.openapi.json',
};

/** The subset of JSON Schema the three files use, plus `x-sim-ignored` (accept any value). */
export interface Schema {
	$ref?: string;
	type?: string;
	format?: string;
	enum?: unknown[];
	properties?: Record<string, Schema>;
	additionalProperties?: boolean | Schema;
	required?: string[];
	items?: Schema;
	allOf?: Schema[];
	oneOf?: Schema[];
	anyOf?: Schema[];
	nullable?: boolean;
	maxLength?: number;
	minLength?: number;
	pattern?: string;
	minimum?: number;
	maximum?: number;
	'x-sim-ignored'?: boolean;
}

interface Operation {
	parameters?: Array<{ in?: string; schema?: Schema }>;
	requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface LoadedSpec {
	name: SpecName | 'api-notes';
	openapi3: boolean;
	/** Swagger 2 `basePath` ('' for OpenAPI 3). */
	basePath: string;
	paths: Record<string, Record<string, Operation>>;
	root: Record<string, unknown>;
}

/**
 * §16.2 traps, applied to the loaded models:
 * 1. `soumettre.pieceJointePrincipale`: an object in the Swagger, an array of objects in every working client
 *    and in AIFE's examples → accept both.
 * 4. `rechercher/atraiter/recipiendaire`: the Swagger names the cap `getnbResultatsMaximum`, AIFE's own
 *    example sends `nbResultatsMaximum` → accept both.
 * 23. `traiterRejet`: the Go client adds `motifRejet` and `cpltInfos`; the recommendation is that the
 *    simulator ignores those extras → accepted and ignored.
 * 7/8. Dates: `date-time` fields accept `YYYY-MM-DD` (see the validator).
 */
const PATCHES: Record<SpecName, (definitions: Record<string, Schema>) => void> = {
	factures: (d) => {
		const principal = { $ref: '#/definitions/SoumettreFacturePieceJointePrincipale' };
		d.SoumettreFactureParam.properties!.pieceJointePrincipale = {
			oneOf: [principal, { type: 'array', items: principal }],
		};
		d.ParametreRechercheFactureATraiterParRecipiendaire.properties!.nbResultatsMaximum = {
			type: 'integer',
			format: 'int32',
		};
		d.TraiterFacturesRejeteesParam.properties!.motifRejet = { 'x-sim-ignored': true };
		d.TraiterFacturesRejeteesParam.properties!.cpltInfos = { 'x-sim-ignored': true };
	},
	structures: () => undefined,
	'ppf-annuaire': () => undefined,
};

const cache = new Map<SpecName, LoadedSpec>();

export function loadSpec(name: SpecName): LoadedSpec {
	const cached = cache.get(name);
	if (cached) return cached;
	const root = JSON.parse(readFileSync(join(__dirname, 'swagger', FILES[name]), 'utf8')) as Record<
		string,
		unknown
	>;
	const openapi3 = typeof root.openapi === 'string';
	const definitions = (
		openapi3 ? (root.components as { schemas: Record<string, Schema> }).schemas : root.definitions
	) as Record<string, Schema>;
	PATCHES[name](definitions);
	const spec: LoadedSpec = {
		name,
		openapi3,
		basePath: openapi3 ? '' : String(root.basePath ?? ''),
		paths: root.paths as LoadedSpec['paths'],
		root,
	};
	cache.set(name, spec);
	return spec;
}

/**
 * The body schema of an operation: a Schema, `undefined` when the operation takes no body, or `null` when the
 * spec has no such operation (the router refuses to register such a route, which catches typos in paths).
 */
export function requestSchema(spec: LoadedSpec, method: string, specPath: string): Schema | undefined | null {
	const operation = spec.paths[specPath]?.[method.toLowerCase()];
	if (!operation) return null;
	if (spec.openapi3) return operation.requestBody?.content?.['application/json']?.schema;
	return operation.parameters?.find((p) => p.in === 'body')?.schema;
}

function resolve(spec: LoadedSpec, schema: Schema): Schema {
	let current = schema;
	for (let guard = 0; current.$ref && guard < 20; guard++) {
		const segments = current.$ref.replace(/^#\//, '').split('/');
		let node: unknown = spec.root;
		for (const segment of segments) node = (node as Record<string, unknown>)[segment];
		if (!node) throw new Error(`Unresolvable $ref ${current.$ref} in ${spec.name}`);
		current = node as Schema;
	}
	return current;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

/** Every reason the value breaks the schema (empty = valid). */
export function validate(spec: LoadedSpec, schemaIn: Schema, value: unknown, at = 'body'): string[] {
	const schema = resolve(spec, schemaIn);
	if (schema['x-sim-ignored']) return [];
	if (value === null) {
		if (!spec.openapi3 || schema.nullable) return [];
		return [`${at}: null n'est pas accepté`];
	}
	if (schema.allOf) return schema.allOf.flatMap((s) => validate(spec, s, value, at));
	const alternatives = schema.oneOf ?? schema.anyOf;
	if (alternatives) {
		const results = alternatives.map((s) => validate(spec, s, value, at));
		return results.some((r) => r.length === 0) ? [] : results.reduce((a, b) => (a.length <= b.length ? a : b));
	}
	const actual = typeOf(value);
	const expected = schema.type ?? (schema.properties ? 'object' : undefined);
	if (expected) {
		const matches =
			actual === expected || (expected === 'number' && actual === 'integer');
		if (!matches) {
			return [`${at}: type attendu ${expected}${schema.format ? ` (${schema.format})` : ''}, reçu ${actual}`];
		}
	}
	const errors: string[] = [];
	if (schema.enum && !schema.enum.includes(value)) {
		errors.push(`${at}: valeur ${JSON.stringify(value)} hors énumération`);
	}
	if (typeof value === 'string') {
		if (schema.format === 'date-time' && !isLenientDate(value)) errors.push(`${at}: date invalide ${JSON.stringify(value)}`);
		if (schema.format === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && isLenientDate(value))) {
			errors.push(`${at}: date invalide ${JSON.stringify(value)} (AAAA-MM-JJ attendu)`);
		}
		if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${at}: plus de ${schema.maxLength} caractères`);
		if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${at}: moins de ${schema.minLength} caractères`);
		if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: ne respecte pas ${schema.pattern}`);
	}
	if (typeof value === 'number') {
		if (schema.format === 'int32' && (value < INT32.min || value > INT32.max)) errors.push(`${at}: hors de l'intervalle int32`);
		if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: inférieur à ${schema.minimum}`);
		if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: supérieur à ${schema.maximum}`);
	}
	if (Array.isArray(value) && schema.items) {
		value.forEach((item, i) => errors.push(...validate(spec, schema.items!, item, `${at}[${i}]`)));
	}
	if (actual === 'object') {
		const obj = value as Record<string, unknown>;
		const properties = schema.properties;
		for (const key of schema.required ?? []) {
			if (obj[key] === undefined) errors.push(`${at}.${key}: obligatoire`);
		}
		for (const [key, child] of Object.entries(obj)) {
			const declared = properties?.[key];
			if (declared) {
				if (child !== undefined) errors.push(...validate(spec, declared, child, `${at}.${key}`));
			} else if (typeof schema.additionalProperties === 'object') {
				errors.push(...validate(spec, schema.additionalProperties, child, `${at}.${key}`));
			} else if (properties && schema.additionalProperties !== true) {
				errors.push(`${at}.${key}: propriété inconnue`);
			}
		}
	}
	return errors;
}

const HAND_WRITTEN: LoadedSpec = { name: 'api-notes', openapi3: false, basePath: '', paths: {}, root: {} };

/**
 * Validation against a model written here from docs/api-notes.md (APIs without a public Swagger, e.g.
 * Transverses §5): same rules as the Swagger models (closed objects, types, enums), without `$ref`.
 */
export function validateAgainstReference(schema: Schema, value: unknown): string[] {
	return validate(HAND_WRITTEN, schema, value);
}
