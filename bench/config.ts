import { DEFAULT_PARALLEL_REQUESTS } from '../nodes/shared/parallel';

/** Workload sizes: `full` is what the issue asks for; `smoke` is a tiny run of the same code for `npm test`. */
export interface BenchConfig {
	mode: 'full' | 'smoke';
	/** Rounds of A/B (the issue asks for at least 5). */
	repetitions: number;
	tokens: { executions: number; operations: number };
	engine: { reads: number };
	returnAll: { invoices: number };
	trigger: { history: number; changes: number[] };
	upload: { bytes: number };
	archive: { files: number; fileBytes: number };
	/**
	 * Over TLS with a round-trip delay: reads per run, the delay, our node's "Parallel Requests" (the keep-alive
	 * peer uses the same), concurrent executions at token expiry, and whether real n8n runs the HTTP Request node
	 * figure (not in smoke: starting n8n takes longer than the whole smoke run).
	 */
	network: { reads: number; rttMs: number; parallel: number; executions: number; realN8n: boolean };
}

export const FULL: BenchConfig = {
	mode: 'full',
	repetitions: 5,
	tokens: { executions: 20, operations: 1000 },
	engine: { reads: 1000 },
	returnAll: { invoices: 10_000 },
	trigger: { history: 10_000, changes: [0, 10, 1000] },
	upload: { bytes: 30 * 1024 * 1024 },
	archive: { files: 500, fileBytes: 50 * 1024 },
	network: { reads: 200, rttMs: 20, parallel: DEFAULT_PARALLEL_REQUESTS, executions: 20, realN8n: true },
};

export const SMOKE: BenchConfig = {
	mode: 'smoke',
	repetitions: 1,
	tokens: { executions: 2, operations: 20 },
	engine: { reads: 20 },
	returnAll: { invoices: 2500 },
	trigger: { history: 1200, changes: [0, 5] },
	upload: { bytes: 256 * 1024 },
	archive: { files: 10, fileBytes: 4 * 1024 },
	network: { reads: 10, rttMs: 5, parallel: DEFAULT_PARALLEL_REQUESTS, executions: 5, realN8n: false },
};
