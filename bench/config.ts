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
};
