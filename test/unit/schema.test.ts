import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { annuaireOperations } from '../../nodes/ChorusProAnnuaire/operations';
import { eReportingOperations } from '../../nodes/ChorusProEReporting/operations';
import { eSignatureOperations } from '../../nodes/ChorusProESignature/operations';
import { engagementsOperations } from '../../nodes/ChorusProEngagements/operations';
import { facturesOperations } from '../../nodes/ChorusProFactures/operations';
import { transverseOperations } from '../../nodes/ChorusProTransverse/operations';
import { travauxOperations } from '../../nodes/ChorusProTravaux/operations';
import { FIELD_CHECKS } from '../../nodes/shared/checks';
import { isRequest, type Field, type Operation, type RequestOperation } from '../../nodes/shared/operation';
import { buildRequest, convertValue, readParameters } from '../../nodes/shared/parameters';

/** What the operation schema says instead of hooks: checks, typed values, filter operators, kinds. */

const find = (operations: Operation[], resource: string, operation: string): Operation => {
	const found = operations.find((op) => op.resource === resource && op.operation === operation);
	if (!found) throw new Error(`no ${resource}:${operation}`);
	return found;
};
const request = (op: Operation): RequestOperation => {
	if (!isRequest(op)) throw new Error(`${op.resource}:${op.operation} is not a request`);
	return op;
};

/** A node context holding the given parameter values (top-level, as n8n gives them). */
function context(values: Record<string, unknown>): IExecuteFunctions {
	const node = { id: '1', name: 'Chorus Pro', type: 'chorusPro', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => (name in values ? values[name] : fallback),
	} as unknown as IExecuteFunctions;
}

describe('field checks are a registry behind the one error builder', () => {
	it('the Référentiel des Organisations identifiers and the G2B routing code declare their check', () => {
		const structure = find(annuaireOperations, 'organisationStructure', 'get');
		expect(structure.fields.find((f) => f.name === 'structureId')?.check).toBe('organisationStructure');
		const routing = find(annuaireOperations, 'routingCode', 'get');
		expect(routing.fields.find((f) => f.name === 'identifiantRoutage')?.check).toBe('routingCode');
		const service = find(annuaireOperations, 'organisationService', 'create');
		expect(service.fields.find((f) => f.name === 'rattachementOrganisation')?.check).toBe('uuid');
	});

	it('a failed check names the field and the item in plain words, before any request', () => {
		const op = find(annuaireOperations, 'organisationStructure', 'get');
		expect(() => readParameters(context({ structureId: 'FR-not-an-id' }), op, 0)).toThrow(
			'Invalid value for "Structure" (item 1): "FR-not-an-id" is not a UUID (32 hex characters), a SIRET or an intra-EU VAT number',
		);
		const routing = find(annuaireOperations, 'routingCode', 'get');
		expect(() => readParameters(context({ siret: '70204275500240', identifiantRoutage: 'bad code!' }), routing, 1)).toThrow(
			/^Invalid value for "Routing Code" \(item 2\): "bad code!" may only hold letters/,
		);
	});

	it('the organisation checks accept what the API accepts, and only format on the qualification platform', () => {
		expect(FIELD_CHECKS.organisationSiren('006accaa8785cd10dd5fc80e8bbb35f4', true)).toBeUndefined();
		expect(FIELD_CHECKS.organisationStructure('FR12345678901', true)).toBeUndefined();
		expect(FIELD_CHECKS.organisationSiren('123456789', true)).toMatch(/check digit/);
		expect(FIELD_CHECKS.organisationSiren('123456789', false)).toBeUndefined();
		expect(FIELD_CHECKS.uuid('702042755', true)).toBe('"702042755" is not a UUID (32 hex characters)');
	});
});

describe('typed values of what users pick', () => {
	// An id picked from a list is declared with its type (integer) and a locator, not as text converted by a hook.
	const getService = find(transverseOperations, 'structure', 'getService');
	const idService = getService.fields.find((f) => f.name === 'idService') as Field;

	it('a service picked from the list or typed by an expression is sent as a number', () => {
		expect(idService).toMatchObject({ type: 'integer', locator: { list: 'searchStructureServices' } });
		expect(getService.hooks).toBeUndefined();
		expect(convertValue(idService, '1048577')).toBe(1048577);
		expect(convertValue(idService, 1048577)).toBe(1048577);
	});

	it('refuses what is not an id', () => {
		expect(() => convertValue(idService, 'abc')).toThrow('expected a whole number, got "abc"');
	});
});

describe('filter operators are declared on fields', () => {
	it('a PPF search sends each given filter with its operator beside its value', () => {
		const op = request(find(annuaireOperations, 'company', 'search'));
		expect(op.hooks).toBeUndefined();
		const { body } = buildRequest(op, { siren: '702042755', raisonSociale: 'ACME' });
		expect(body.filtres).toEqual({ siren: { valeur: '702042755', op: 'strict' }, raisonSociale: { valeur: 'ACME', op: 'contient' } });
	});

	it('a Référentiel des Organisations search sends { op, val } per criterion', () => {
		const op = request(find(annuaireOperations, 'organisationStructure', 'search'));
		const { body } = buildRequest(op, { ville: 'Paris', codePostal: '75001' });
		expect(body).toMatchObject({ ville: { val: 'Paris', op: 'CONTAINS' }, codePostal: { val: '75001', op: '=' } });
	});
});

describe('an operation is one request, steps over described operations, or a local computation', () => {
	it('Submit PDF Invoice is Add File, then soumettre: its steps are the described operations', () => {
		const submitPdf = find(facturesOperations, 'emittedInvoice', 'submitPdf');
		expect(submitPdf.kind).toBe('steps');
		if (submitPdf.kind !== 'steps') return;
		const addFile = find(transverseOperations, 'attachment', 'addFile');
		expect(submitPdf.steps[0].operation).toMatchObject({ api: addFile.api, method: addFile.method, path: addFile.path, binaryIn: addFile.binaryIn });
		expect(submitPdf.steps.map(({ operation: op }) => `${op.api} ${op.method} ${op.path}`)).toEqual([
			'transverses POST /ajouter/fichier',
			'factures POST /soumettre',
		]);
		expect(submitPdf.hooks?.prepare).toBeUndefined();
	});

	it('Build File Name is a local computation without a method or a path', () => {
		const build = find(eReportingOperations, 'transmission', 'buildFileName');
		expect(build.kind).toBe('local');
		expect(build.method).toBeUndefined();
		expect(build.path).toBeUndefined();
	});

	it('every request operation has a path', () => {
		const all = [...facturesOperations, ...transverseOperations, ...annuaireOperations, ...eReportingOperations];
		expect(all.filter(isRequest).filter((op) => !op.path).map((op) => `${op.resource}:${op.operation}`)).toEqual([]);
	});

	it('an operation named two ways is refused, naming both ways and the item, when neither is given', () => {
		const op = find(transverseOperations, 'structure', 'listUserLinks');
		expect(() => readParameters(context({}), op, 0)).toThrow('Give the structure as "Structure ID", or as "Structure Identifier" (item 1)');
		expect(() => readParameters(context({ identifiantStructure: '70204275500240' }), op, 0)).not.toThrow();
	});
});

/** Every `.ts` file under `dir`. */
const sources = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
	});

describe('each endpoint is written once in nodes/', () => {
	const all = [
		facturesOperations,
		travauxOperations,
		transverseOperations,
		engagementsOperations,
		annuaireOperations,
		eReportingOperations,
		eSignatureOperations,
	].flat();
	/** The requests the nodes send as described: the request operations and the steps of composite ones. */
	const requests = [...new Set(all.flatMap((op) => (op.kind === 'steps' ? op.steps.map((s) => s.operation) : isRequest(op) ? [op] : [])))];
	const listKey = (op: RequestOperation) => op.splitList ?? (op.pagination && 'list' in op.pagination ? op.pagination.list : undefined);
	/** The code of nodes/ without its comments, file by file. */
	const code = sources(join(__dirname, '../../nodes')).map((file) =>
		readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
			.join('\n'),
	);
	/** How often a literal is written in nodes/, except as a field's name (a body key may share a list key's name). */
	const written = (literal: string) =>
		code.reduce((n, text) => n + text.split(`'${literal}'`).length - 1 - (text.split(`name: '${literal}'`).length - 1), 0);

	it('a path or a list key is written no more often than the endpoints that have it (nothing restates a described request)', () => {
		// an endpoint is an API, a method and a path; several operations may share one (a download under each role)
		const endpointsWith = (value: (op: RequestOperation) => string | undefined) => {
			const endpoints = new Map<string, Set<string>>();
			for (const op of requests) {
				const v = value(op);
				if (v) endpoints.set(v, (endpoints.get(v) ?? new Set()).add(`${op.api} ${op.method} ${op.path}`));
			}
			return endpoints;
		};
		const restated: string[] = [];
		for (const [kind, endpoints] of [
			['path', endpointsWith((op) => op.path)],
			['list key', endpointsWith(listKey)],
		] as const) {
			for (const [literal, of] of endpoints) {
				const n = written(literal);
				if (n > of.size) restated.push(`${kind} '${literal}': written ${n} times for ${of.size} endpoint(s)`);
			}
		}
		expect(restated).toEqual([]);
	});
});

describe('hooks remain for what is truly special', () => {
	it('each hook of an operation says why it cannot be data (a "Special:" comment beside it)', () => {
		const silent: string[] = [];
		for (const file of sources(join(__dirname, '../../nodes'))) {
			const lines = readFileSync(file, 'utf8').split('\n');
			lines.forEach((line, i) => {
				if (!/^\s*hooks: \{/.test(line)) return;
				const near = lines.slice(Math.max(0, i - 2), i + 4).join('\n');
				if (!near.includes('// Special:')) silent.push(`${file}:${i + 1}`);
			});
		}
		expect(silent).toEqual([]);
	});
});
