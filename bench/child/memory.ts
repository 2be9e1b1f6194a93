import { readFileSync, writeFileSync } from 'fs';

/**
 * Peak memory of this process, from Linux's counters: writing 5 to /proc/self/clear_refs resets the peak RSS
 * (VmHWM) to the current RSS, so "peak after − RSS before" is what the measured work added, spikes inside
 * synchronous code included (which a timer sampling `process.memoryUsage()` would miss).
 */

function statusKb(field: 'VmRSS' | 'VmHWM'): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
	if (!match) throw new Error(`/proc/self/status has no ${field}`);
	return Number(match[1]);
}

/** Collects garbage (the child runs with --expose-gc) and resets the peak; returns the RSS in bytes. */
export function startMeasure(): number {
	(globalThis as { gc?: () => void }).gc?.();
	writeFileSync('/proc/self/clear_refs', '5');
	return statusKb('VmRSS') * 1024;
}

export function peakBytes(): number {
	return statusKb('VmHWM') * 1024;
}

/** The child's one line of output, read by the parent. */
export function report(result: Record<string, number>): void {
	process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}
