import { facturesOperations } from '../../nodes/ChorusProFactures/operations';
import { isRequest } from '../../nodes/shared/operation';
import swagger from '../simulator/swagger/factures-v1.swagger.json';

/**
 * Every body key the Factures descriptions send must exist, with that spelling, in the official Swagger
 * ("AIFE - Chorus Pro - Factures" v1.0.0). A misspelt field name fails here before it fails in production.
 */

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; type?: string; enum?: string[] };
const definitions = (swagger as unknown as { definitions: Record<string, Schema> }).definitions;
const paths = (swagger as unknown as { paths: Record<string, { post: { parameters: Array<{ in: string; schema?: Schema }> } }> }).paths;

function resolve(schema: Schema | undefined): Schema | undefined {
	let current = schema;
	while (current?.$ref) current = definitions[current.$ref.replace('#/definitions/', '')];
	if (current?.type === 'array') return resolve(current.items);
	return current;
}

function schemaAt(root: Schema | undefined, keyPath: string): Schema | undefined {
	return keyPath.split('.').reduce<Schema | undefined>((node, key) => resolve(resolve(node)?.properties?.[key]), root);
}

// The requests as described: each operation's, or the steps of a composite (Submit PDF's soumettre).
const facturesOps = facturesOperations
	.flatMap((op) => (op.kind === 'steps' ? op.steps.map((step) => step.operation) : isRequest(op) ? [op] : []))
	.filter((op) => op.api === 'factures' && !op.hooks?.run);

describe('Factures descriptions against the official Swagger', () => {
	it.each(facturesOps.map((op) => [`${op.resource}.${op.operation}`, op] as const))('%s', (_name, op) => {
		const post = paths[`/v1${op.path}`]?.post;
		expect(post).toBeDefined();
		const root = resolve(post.parameters.find((p) => p.in === 'body')?.schema);
		const keys = op.fields.filter((f) => (f.in ?? 'body') === 'body').map((f) => f.key ?? f.name);
		if (op.binaryIn) keys.push(op.binaryIn.contentKey, ...[op.binaryIn.fileNameKey ?? []].flat());
		if (op.pagination?.style === 'body' && op.pagination.request) {
			keys.push(`${op.pagination.request}.pageResultatDemandee`, `${op.pagination.request}.nbResultatsParPage`);
			if (op.pagination.sortColumns) keys.push(`${op.pagination.request}.triColonne`, `${op.pagination.request}.triSens`);
		}
		const unknown = keys.filter((key) => schemaAt(root, key) === undefined);
		expect(unknown).toEqual([]);
	});

	it('uses only enum values the Swagger declares', () => {
		const problems: string[] = [];
		for (const op of facturesOps) {
			const root = resolve(paths[`/v1${op.path}`].post.parameters.find((p) => p.in === 'body')?.schema);
			for (const field of op.fields.filter((f) => f.options && !f.loadOptionsMethod)) {
				const schema = schemaAt(root, field.key ?? field.name);
				const allowed = schema?.enum ?? resolve(schema)?.enum;
				if (!allowed) continue;
				for (const option of field.options ?? []) {
					const value = typeof option === 'string' ? option : option.value;
					if (!allowed.includes(value)) problems.push(`${op.operation}.${field.name}=${value}`);
				}
			}
			const p = op.pagination;
			if (p?.style === 'body' && p.sortColumns) {
				const allowed = schemaAt(root, `${p.request}.triColonne`)?.enum ?? [];
				for (const column of p.sortColumns) if (!allowed.includes(column)) problems.push(`${op.operation}.triColonne=${column}`);
			}
		}
		expect(problems).toEqual([]);
	});
});
