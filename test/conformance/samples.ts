/**
 * The replay corpus: real public request/answer samples, one JSON file each under samples/<api-group>/ (format in
 * README.md). Read by the replay runner (through the node) and the simulator check (against the simulator).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

export type ProvenanceKind = 'recordedExchange' | 'officialExample' | 'sandboxObserved' | 'swaggerExample';

export interface Sample {
	/** `<api-group>/<name>`, from the file's place. */
	id: string;
	group: string;
	provenance: { kind: ProvenanceKind; source: string; note: string };
	node: string;
	resource: string;
	operation: string;
	parameters: IDataObject;
	request: {
		method: string;
		path: string;
		contentType?: string;
		body?: IDataObject;
		/** Dot paths of body values the parameters do not determine (types are still compared). */
		ignoreValues?: string[];
		/** Top-level keys the node may add that the source does not show (e.g. a paging offset), each said in the note. */
		allowedExtraKeys?: string[];
	};
	/** `contentType` when the source names one other than JSON (e.g. application/problem+json). */
	response: { status: number; body: unknown; contentType?: string };
	expect: {
		/** Subset of the first output items, in order. */
		items?: IDataObject[];
		itemCount?: number;
		/** The node must fail with a message containing this text. */
		error?: string;
	};
	/**
	 * A documented, decided divergence: where two public sources disagree and the other one wins (said in `reason`
	 * and docs/evidence.md). The runner replays the sample expecting the winning spelling of the renamed top-level
	 * body keys, and reports the divergence in the test's title.
	 */
	divergence?: { reason: string; renamedKeys: Record<string, string> };
	/** The node is known to disagree with this sample and the fix is another helper's: the runner skips it, visibly. */
	knownMismatch?: string;
	/** Why the simulator cannot answer this exact request (e.g. an identifier only the real platform has). */
	simulatorGap?: string;
	/**
	 * AIFE qualification identifiers of the request → identifiers the simulator seeds: the simulator check sends the
	 * same request with them swapped (whole path segments and body values), then compares the answer's shape.
	 */
	simulatorIdentifiers?: Record<string, string | number>;
	/** The technical account the simulator check uses when the sample's condition is a wrong one. */
	simulatorAs?: { login?: string; password?: string };
}

export const SAMPLES_DIR = join(__dirname, 'samples');

export function loadSamples(): Sample[] {
	return readdirSync(SAMPLES_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((dir) =>
			readdirSync(join(SAMPLES_DIR, dir.name))
				.filter((file) => file.endsWith('.json'))
				.map((file) => {
					const sample = JSON.parse(readFileSync(join(SAMPLES_DIR, dir.name, file), 'utf8')) as Omit<Sample, 'id' | 'group'>;
					return { ...sample, id: `${dir.name}/${file.replace(/\.json$/, '')}`, group: dir.name };
				}),
		)
		.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The platform a sample's data comes from: AIFE's example pages (communaute.chorus-pro.gouv.fr) and what clients
 * observed on the sandbox show qualification data (test SIRETs such as 00000000011559 fail the INSEE checksum), so
 * they are replayed with the credential's Qualification setting; Swagger examples and recorded exchanges with
 * Production (strict checks).
 */
export function sourcePlatform(sample: Sample): 'production' | 'qualification' {
	const aifePage = /^https:\/\/communaute\.chorus-pro\.gouv\.fr\//.test(sample.provenance.source);
	return sample.provenance.kind === 'sandboxObserved' || aifePage ? 'qualification' : 'production';
}

/** JSON type of a value, as the samples compare them. */
export function jsonType(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

/**
 * Where `actual` does not have the shape of `expected`: every non-null value of `expected` must be in `actual` with
 * the same JSON type, objects compared key by key, arrays by their first element. Returns readable differences.
 */
export function shapeDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
	const want = jsonType(expected);
	if (want === 'null') return [];
	const got = jsonType(actual);
	if (want !== got) return [`${path}: expected ${want}, got ${got}`];
	if (want === 'array') {
		const [first] = expected as unknown[];
		const [firstActual] = actual as unknown[];
		if (first === undefined) return [];
		if (firstActual === undefined) return [`${path}: expected a non-empty array`];
		return shapeDifferences(first, firstActual, `${path}[0]`);
	}
	if (want === 'object') {
		return Object.entries(expected as IDataObject).flatMap(([key, value]) =>
			shapeDifferences(value, (actual as IDataObject)[key], `${path}.${key}`),
		);
	}
	return [];
}

/** Keys of `actual` (recursively) that `expected` does not have at all: keys the sender invented. */
export function extraKeys(expected: unknown, actual: unknown, path = '$'): string[] {
	if (jsonType(actual) === 'array' && jsonType(expected) === 'array') {
		const [first] = expected as unknown[];
		const [firstActual] = actual as unknown[];
		return first !== undefined && firstActual !== undefined ? extraKeys(first, firstActual, `${path}[0]`) : [];
	}
	if (jsonType(actual) !== 'object' || jsonType(expected) !== 'object') return [];
	return Object.entries(actual as IDataObject).flatMap(([key, value]) =>
		key in (expected as IDataObject)
			? extraKeys((expected as IDataObject)[key], value, `${path}.${key}`)
			: [`${path}.${key}`],
	);
}

/** Leaf values of `expected` that differ in `actual`, except under the ignored dot paths. */
export function valueDifferences(expected: unknown, actual: unknown, ignore: string[] = [], path = ''): string[] {
	if (ignore.includes(path)) return [];
	if (jsonType(expected) === 'object') {
		return Object.entries(expected as IDataObject).flatMap(([key, value]) =>
			valueDifferences(value, (actual as IDataObject | undefined)?.[key], ignore, path ? `${path}.${key}` : key),
		);
	}
	if (jsonType(expected) === 'array') {
		return (expected as unknown[]).flatMap((value, i) =>
			valueDifferences(value, (actual as unknown[] | undefined)?.[i], ignore, `${path}[${i}]`),
		);
	}
	if (expected === null) return [];
	return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** The sample's request as the simulator check sends it: AIFE's qualification identifiers swapped for seeded ones. */
export function simulatorRequest(sample: Sample): { method: string; path: string; body?: unknown } {
	const swap = sample.simulatorIdentifiers ?? {};
	const has = (value: unknown) => (typeof value === 'string' || typeof value === 'number') && String(value) in swap;
	const swapped = (value: unknown): unknown => {
		if (has(value)) return swap[String(value)];
		if (Array.isArray(value)) return value.map(swapped);
		if (jsonType(value) === 'object') return Object.fromEntries(Object.entries(value as IDataObject).map(([k, v]) => [k, swapped(v)]));
		return value;
	};
	const { method, path, body } = sample.request;
	return {
		method,
		path: path.split('/').map((segment) => (has(segment) ? String(swap[segment]) : segment)).join('/'),
		body: body === undefined ? undefined : swapped(body),
	};
}

/** The request body the node must send: the sample's, with a decided divergence's keys in their winning spelling. */
export function expectedRequestBody(sample: Sample): IDataObject | undefined {
	const { body } = sample.request;
	const renamed = sample.divergence?.renamedKeys;
	if (body === undefined || !renamed) return body;
	return Object.fromEntries(Object.entries(body).map(([key, value]) => [renamed[key] ?? key, value]));
}

/**
 * The public sources a sample is the one sample of: the AIFE pages it cites (path, and `p` for a page known by its
 * id; never `lang`) and the client test methods it names, with their test file (`…Test.php#testConsulterService`).
 */
export function sourceKeys(sample: Sample): string[] {
	const { source } = sample.provenance;
	const pages = [...source.matchAll(/https:\/\/communaute\.chorus-pro\.gouv\.fr\/[^\s)]*/g)].map(([address]) => {
		const url = new URL(address);
		const id = url.searchParams.get('p');
		return `aife:${url.pathname.replace(/\/+$/, '')}${id ? `?p=${id}` : ''}`;
	});
	const tests = [...source.matchAll(/(\w+Test\.php) \(([^)]*)\)/g)].flatMap(([, file, inside]) =>
		[...inside.matchAll(/\btest[A-Z]\w*/g)].map(([method]) => `test:${file}#${method}`),
	);
	return [...new Set([...pages, ...tests])];
}
