/**
 * The arithmetic of the bench: repetitions run A and B alternately (ABAB… then BABA… on odd rounds) so that a
 * noisy neighbour on a shared machine hits both sides alike, and every figure is a ratio or a count measured
 * in the same run, summarised as median and min–max.
 */

export interface Spread {
	median: number;
	min: number;
	max: number;
}

export function spread(values: readonly number[]): Spread {
	if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Wall time of one call, in milliseconds (only ever used inside a ratio). */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = process.hrtime.bigint();
	const value = await work();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * Runs `repetitions` rounds of A and B, swapping which goes first every round, and hands back both series in
 * round order.
 */
export async function alternate<A, B>(
	repetitions: number,
	runA: (round: number) => Promise<A>,
	runB: (round: number) => Promise<B>,
): Promise<{ a: A[]; b: B[] }> {
	const a: A[] = [];
	const b: B[] = [];
	for (let round = 0; round < repetitions; round++) {
		if (round % 2 === 0) {
			a.push(await runA(round));
			b.push(await runB(round));
		} else {
			b.push(await runB(round));
			a.push(await runA(round));
		}
	}
	return { a, b };
}

/** Per-round ratios A ÷ B (the pairs were measured side by side). */
export function ratios(a: readonly number[], b: readonly number[]): number[] {
	return a.map((value, i) => value / b[i]);
}

export function round(value: number, digits = 2): number {
	if (!Number.isFinite(value)) return value;
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
