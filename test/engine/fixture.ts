/**
 * The engine suites' one fixture: a simulator started for the file, the credential pointing at it, and runs of
 * the node under test through n8n-core's real ExecuteContext (test/harness) that record what reached the
 * simulator and which operations ran, for the closing "ran every operation" check.
 *
 *   const { sim, credentials, run, sent, itRanEveryOperation } = useSimulator(new ChorusProTravaux(), { prefix: PREFIX });
 *   const { items, json, sent: requests } = await run('worksInvoice', 'search', { roleUtilisateur: 'FOURNISSEUR' });
 *   sent('/rechercher');                 // the last request received on PREFIX + '/rechercher'
 *   itRanEveryOperation(travauxOperations); // last in the file
 */
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { current } from '../harness/current';
import { CredentialStore, runNode, type RunNodeOptions } from '../harness/run';
import { startSimulator, type RecordedRequest, type Simulator, type SimulatorOptions } from '../simulator/server';

export interface SuiteOptions extends SimulatorOptions {
	/** Prepended by `sent` / `sentAll` to a path that does not start with it (default: none). */
	prefix?: string;
	/** Clears the injected faults before each test (default true). */
	clearFaults?: boolean;
}

export interface RunOptions extends Pick<RunNodeOptions, 'continueOnFail' | 'typeVersion' | 'hints' | 'mode'> {
	items?: INodeExecutionData[];
	/** Another stored credential than the suite's (an overridden path, a wrong secret). */
	store?: CredentialStore;
}

/** What one run returned and what reached the simulator's APIs meanwhile. */
export interface RunResult {
	items: INodeExecutionData[];
	json: IDataObject[];
	sent: RecordedRequest[];
}

export type NodeError = Error & { description?: string; httpCode?: string };

/** The 4th argument of the run helpers: input items, or the options. */
type ItemsOrOptions = INodeExecutionData[] | RunOptions;

const isApiPath = (path: string) => path.startsWith('/cpro') || path.startsWith('/custom');

export function useSimulator(node: INodeType, options: SuiteOptions = {}) {
	const { prefix = '', clearFaults = true, ...simulatorOptions } = options;
	let started: Simulator | undefined;
	let store: CredentialStore | undefined;
	const sim = current('The simulator', () => started);
	const credentials = current('The credential', () => store);
	/** `resource:operation` of every run (and every `cover`). */
	const ran = new Set<string>();

	beforeAll(async () => {
		started = await startSimulator(simulatorOptions);
		store = new CredentialStore(started.credentialData());
	});
	afterAll(async () => {
		await started?.close();
	});
	if (clearFaults) beforeEach(() => started?.faults.clear());

	const apiRequests = () => sim.requests.filter((r) => isApiPath(r.path));
	const runOptions = (x: ItemsOrOptions | undefined, other?: CredentialStore): RunOptions =>
		Array.isArray(x) ? { items: x, store: other } : { ...x, store: x?.store ?? other };

	/** Runs one operation; records it as ran. Throws what the node threw. */
	async function run(resource: string, operation: string, parameters: INodeParameters = {}, x?: ItemsOrOptions, other?: CredentialStore): Promise<RunResult> {
		ran.add(`${resource}:${operation}`);
		const { store: chosen, ...rest } = runOptions(x, other);
		const before = apiRequests().length;
		const [items] = await runNode(node, { ...rest, parameters: { resource, operation, ...parameters }, credentials: chosen ?? credentials });
		return { items, json: items.map((item) => item.json), sent: apiRequests().slice(before) };
	}

	/** Runs expecting the node to fail: the error and how many requests reached the simulator's APIs meanwhile. */
	async function failing(resource: string, operation: string, parameters: INodeParameters = {}, x?: ItemsOrOptions, other?: CredentialStore) {
		const before = apiRequests().length;
		const error = await run(resource, operation, parameters, x, other).then(
			() => undefined,
			(e: unknown) => e as NodeError,
		);
		expect(error).toBeDefined();
		return { error: error!, sent: apiRequests().length - before };
	}

	/** Every request received on `path` (the suite's prefix added unless the path is already under /cpro or /custom). */
	function sentAll(path: string, under = prefix): RecordedRequest[] {
		const full = isApiPath(path) ? path : `${under}${path}`;
		return sim.requests.filter((r) => r.path === full);
	}

	/** The last request received on `path`; fails the test when there is none. */
	function sent(path: string, under = prefix): RecordedRequest {
		const found = sentAll(path, under);
		expect(found.length).toBeGreaterThan(0);
		return found[found.length - 1];
	}

	return {
		sim,
		credentials,
		ran,
		run,
		failing,
		/** The output items' json of a run. */
		json: async (...args: Parameters<typeof run>) => (await run(...args)).json,
		/** The output items of a run. */
		items: async (...args: Parameters<typeof run>) => (await run(...args)).items,
		sent,
		sentAll,
		/** Requests received on the APIs (not the token endpoint) so far. */
		apiRequests,
		/** Marks an operation as ran when a test reaches it another way than `run`. */
		cover: (resource: string, operation: string) => ran.add(`${resource}:${operation}`),
		/** The closing check: every operation of the node ran at least once in this file (call it last). */
		itRanEveryOperation(operations: ReadonlyArray<{ resource: string; operation: string }>, count?: number) {
			it('ran every operation of the node against the simulator', () => {
				const all = operations.map((op) => `${op.resource}:${op.operation}`);
				if (count !== undefined) expect(all).toHaveLength(count);
				expect(all.filter((key) => !ran.has(key))).toEqual([]);
			});
		},
	};
}
