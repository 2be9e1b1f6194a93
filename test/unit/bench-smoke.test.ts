/**
 * A tiny run of `npm run bench` (same code, small workloads, one round) so the bench cannot silently rot: every
 * figure completes against the simulator, the deterministic goals (counts) hold, and the table has its shape.
 */
import { SMOKE } from '../../bench/config';
import { FIGURES, runBench } from '../../bench/run';
import { formatTable } from '../../bench/report';

jest.setTimeout(120_000);

describe('npm run bench (smoke)', () => {
	it('runs every figure, meets the count goals and prints one table', async () => {
		const results = await runBench(SMOKE);

		const figures = new Set(results.rows.map((row) => row.figure));
		// The HTTP Request node figure starts real n8n: full runs only.
		expect([...figures]).toEqual([
			'Token requests',
			'Engine overhead',
			'Return all',
			'Trigger poll',
			'Upload',
			'G2B archive',
			'Over TLS: vs keep-alive client',
			'Over TLS: vs sequential loop',
			'Over TLS: token at expiry',
		]);
		expect(Object.keys(FIGURES)).toHaveLength(8);
		for (const row of results.rows) {
			expect(['PASS', 'MISS', 'INFO']).toContain(row.verdict);
			expect(Number.isFinite(row.ours.median)).toBe(true);
			expect(row.goal).not.toBe('');
		}

		// Counts do not depend on the machine: these must pass even in a tiny run.
		const verdictOf = (figure: string, measure: string) =>
			results.rows.filter((row) => row.figure === figure && row.measure === measure).map((row) => row.verdict);
		expect(verdictOf('Token requests', 'token requests')).toEqual(['PASS']);
		expect(results.rows.find((row) => row.measure === 'token requests')?.ours.median).toBe(1);
		expect(verdictOf('Return all', 'search requests')).toEqual(['PASS']);
		expect(verdictOf('Trigger poll', 'search calls')).toEqual(['PASS', 'PASS']);
		expect(verdictOf('Trigger poll', 'static data')).toEqual(['PASS', 'PASS']);
		expect(verdictOf('Over TLS: token at expiry', 'token requests')).toEqual(['PASS']);

		const table = formatTable(results.rows).split('\n');
		expect(table[0]).toBe('| Figure | Workload | Measure | Ours | Baseline | Ratio ours÷baseline | Goal | Result |');
		expect(table.filter((line) => line.startsWith('| ') && !line.startsWith('| Figure'))).toHaveLength(results.rows.length);
		expect(results.misses).toBe(results.rows.filter((row) => row.verdict === 'MISS').length);
	});
});
