/**
 * Issue 9: every operation states where its request shape comes from, with a source anyone can open; the README's
 * conformance table is generated from that data and must not be stale.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { EvidenceLevel } from '../../nodes/shared/operation';
import { ACTION_NODES } from '../conformance/catalog';
import { conformanceTable, README, withTable } from '../../scripts/conformance-table';

const LEVELS: EvidenceLevel[] = ['swagger', 'aifeExample', 'testedClient', 'annexPath', 'unpublished'];
const SWAGGER_DIR = join(__dirname, '..', 'simulator', 'swagger');

const operations = Object.entries(ACTION_NODES).flatMap(([node, { operations: ops }]) =>
	ops.map((op) => ({ key: `${node} ${op.resource}:${op.operation}`, op })),
);

/** Operation ids and `METHOD /path` of each official Swagger file we cite. */
function swaggerOperations(file: string): Set<string> {
	const spec = JSON.parse(readFileSync(join(SWAGGER_DIR, file), 'utf8')) as {
		paths: Record<string, Record<string, { operationId?: string }>>;
	};
	const names = new Set<string>();
	for (const [path, methods] of Object.entries(spec.paths)) {
		for (const [method, op] of Object.entries(methods)) {
			if (op.operationId) names.add(op.operationId);
			names.add(`${method.toUpperCase()} ${path}`);
		}
	}
	return names;
}

const SWAGGERS: Array<[RegExp, Set<string>]> = [
	[/^Swagger factures-v1/, swaggerOperations('factures-v1.swagger.json')],
	[/^Swagger structures-v1/, swaggerOperations('structures-v1.swagger.json')],
	[/^OpenAPI ppf-annuaire-public 1\.11\.0/, swaggerOperations('ppf-annuaire-public-1.11.0.openapi.json')],
];

describe('Evidence of every operation', () => {
	it('the catalog lists every action node package.json declares', () => {
		const declared = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
			n8n: { nodes: string[] };
		}).n8n.nodes.filter((path) => !path.includes('Trigger'));
		expect(Object.keys(ACTION_NODES)).toHaveLength(declared.length);
	});

	it.each(operations)('$key states its evidence with a source', ({ op }) => {
		expect(op.evidence).toBeDefined();
		expect(LEVELS).toContain(op.evidence?.level);
		expect(op.evidence?.source.trim().length).toBeGreaterThan(10);
	});

	it('a Swagger source names an operation that exists in that Swagger file', () => {
		const wrong = operations.filter(({ op }) => {
			if (op.evidence?.level !== 'swagger') return false;
			const [pattern, names] = SWAGGERS.find(([re]) => re.test(op.evidence!.source)) ?? [];
			if (!pattern || !names) return true;
			// The source ends with the operation id(s) or `METHOD /path`, after the file's description.
			const cited = op.evidence.source.slice(op.evidence.source.lastIndexOf('), ') + 3).split(' then ');
			return !cited.every((name) => names.has(name));
		});
		expect(wrong.map(({ key }) => key)).toEqual([]);
	});

	it('an AIFE example source is a page of the Chorus Pro community site', () => {
		const wrong = operations.filter(
			({ op }) =>
				op.evidence?.level === 'aifeExample' &&
				(!op.evidence.source.startsWith('https://communaute.chorus-pro.gouv.fr/') || /[^:]\/\//.test(op.evidence.source)),
		);
		expect(wrong.map(({ key }) => key)).toEqual([]);
	});

	it('annex-path and unpublished operations say what their body was built from', () => {
		const silent = operations.filter(
			({ op }) => op.evidence?.level === 'annexPath' && !op.evidence.note?.trim(),
		);
		expect(silent.map(({ key }) => key)).toEqual([]);
	});
});

describe('Editor notice of operations whose body is not published', () => {
	const nodes = Object.values(ACTION_NODES).map(({ type, operations: ops }) => ({ properties: type().description.properties, ops }));

	it('each annex-path or unpublished operation shows one notice, for that operation only, naming its source and the fix', () => {
		for (const { properties, ops } of nodes) {
			for (const op of ops) {
				const notices = properties.filter(
					(p) =>
						p.type === 'notice' &&
						p.displayOptions?.show?.resource?.includes(op.resource) &&
						p.displayOptions?.show?.operation?.includes(op.operation),
				);
				const expected = op.path && (op.evidence?.level === 'unpublished' || op.evidence?.level === 'annexPath');
				expect({ op: `${op.resource}:${op.operation}`, notices: notices.length }).toEqual({
					op: `${op.resource}:${op.operation}`,
					notices: expected ? 1 : 0,
				});
				if (!expected) continue;
				const text = notices[0].displayName;
				expect(text).toContain(op.evidence!.level === 'unpublished' ? op.evidence!.source : op.evidence!.note!);
				expect(text).toMatch(/400, 403, 404 or 415/);
				expect(text).toMatch(/API Base Paths/);
			}
		}
	});

	it('the notices cover the unpublished and annex-path operations counted in the README table', () => {
		const withNotice = nodes.flatMap(({ properties }) => properties.filter((p) => p.type === 'notice'));
		const expected = operations.filter(
			({ op }) => op.path && (op.evidence?.level === 'unpublished' || op.evidence?.level === 'annexPath'),
		);
		expect(withNotice.length).toBe(expected.length);
		expect(expected.length).toBeGreaterThan(0);
	});
});

describe('README conformance table', () => {
	it('is the one generated from the operations (run npm run docs:conformance)', () => {
		const readme = readFileSync(README, 'utf8');
		expect(readme).toBe(withTable(readme, conformanceTable()));
	});
});
