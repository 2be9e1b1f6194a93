import { round, type Spread } from './stats';

/** PASS / MISS against a goal of the issue; INFO where the issue sets no threshold (reported, not judged). */
export type Verdict = 'PASS' | 'MISS' | 'INFO';

/** One line of the table: one measure of one figure, ours beside the baseline of the same run. */
export interface Row {
	figure: string;
	workload: string;
	measure: string;
	/** Unit of `ours` / `baseline` (requests, ms, MB, bytes…). */
	unit: string;
	ours: Spread;
	/** What the baseline is, e.g. "naive axios client". */
	baselineName?: string;
	baseline?: Spread;
	/** Ours ÷ baseline, per round. */
	ratio?: Spread;
	goal: string;
	verdict: Verdict;
	/** What limits the figure, in plain words; shown under the table. */
	note?: string;
	/** The per-round values, for results.json. */
	samples?: { ours: number[]; baseline?: number[] };
}

export interface BenchResults {
	startedAt: string;
	finishedAt: string;
	mode: 'full' | 'smoke';
	repetitions: number;
	machine: { node: string; platform: string; cpus: number };
	rows: Row[];
	misses: number;
}

function show(s: Spread | undefined, digits = 2): string {
	if (!s) return '—';
	const median = round(s.median, digits);
	if (s.min === s.max) return String(median);
	return `${median} (${round(s.min, digits)}–${round(s.max, digits)})`;
}

const HEADER = ['Figure', 'Workload', 'Measure', 'Ours', 'Baseline', 'Ratio ours÷baseline', 'Goal', 'Result'];

export function tableRows(rows: readonly Row[]): string[][] {
	return rows.map((row) => [
		row.figure,
		row.workload,
		`${row.measure} (${row.unit})`,
		show(row.ours),
		row.baseline ? `${show(row.baseline)} ${row.baselineName ? `[${row.baselineName}]` : ''}`.trim() : '—',
		show(row.ratio),
		row.goal,
		row.verdict,
	]);
}

/** A Markdown table (what the README shows), then the notes of every row that has one. */
export function formatTable(rows: readonly Row[]): string {
	const body = tableRows(rows);
	const escape = (cell: string) => cell.replace(/\|/g, '\\|');
	const lines = [
		`| ${HEADER.join(' | ')} |`,
		`|${HEADER.map(() => '---').join('|')}|`,
		...body.map((cells) => `| ${cells.map(escape).join(' | ')} |`),
	];
	const notes = rows
		.filter((row) => row.note)
		.map((row) => `- ${row.figure} / ${row.measure}: ${row.verdict === 'MISS' ? 'MISSED. ' : ''}${row.note}`);
	const misses = rows.filter((row) => row.verdict === 'MISS');
	const summary =
		misses.length === 0
			? 'Every goal with a threshold was met.'
			: `${misses.length} goal(s) MISSED: ${misses.map((row) => `${row.figure} / ${row.measure}`).join('; ')}.`;
	return [...lines, '', summary, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}

export function verdict(pass: boolean): Verdict {
	return pass ? 'PASS' : 'MISS';
}
