import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../../nodes/shared/limits';
import { LAST_STATUS_CAPACITY } from '../../nodes/ChorusProTrigger/pollState';
import { runPoll } from '../../test/harness/run';
import { FullRescanSync, NaiveClient } from '../baselines/naiveClient';
import type { BenchConfig } from '../config';
import { benchEnv } from '../env';
import { verdict, type Row } from '../report';
import { ratios, spread, timed } from '../stats';
import { ChorusProTrigger } from '../nodes';

const SEARCH = '/rechercher/recipiendaire';
const HOUR = 3_600_000;
const STATIC_DATA_LIMIT = 16 * 1024;
/** Time between two polls in the figure: more than the trigger's default 10-minute overlap. */
const POLL_INTERVAL_MS = 15 * 60_000;

/**
 * Trigger poll: a history of N received invoices, then k status changes between two polls. Ours reads the
 * window since its cursor; the baseline re-reads every invoice and diffs it against its stored copy. Both must
 * report exactly the k changes.
 *
 * Time: the bench runs its polls seconds apart, a real trigger minutes apart. So the figure moves the clock
 * (`Date.now`, which the trigger and the simulator read) 15 minutes forward before each round's changes, more
 * than the trigger's 10-minute overlap: otherwise every poll would re-read, and keep in its memory, the changes
 * of all the previous rounds. Durations are measured with hrtime, which the shift does not touch.
 */
export async function triggerFigure(config: BenchConfig): Promise<Row[]> {
	const { history, changes } = config.trigger;
	const clock = new ShiftedClock();
	// The history ends three hours before the activation, outside the first poll's window.
	clock.shiftMs = -3 * HOUR;
	const env = await benchEnv({ clock: () => new Date(Date.now()) });
	const node = new ChorusProTrigger();
	const pageSize = LIMITS.maxPageSize;
	const parameters = { event: 'receivedInvoiceStatusChanged', options: { pageSize } };
	const rows: Row[] = [];
	try {
		const ids = env.sim.store.bulkInvoices(history);
		clock.shiftMs = 0;
		const credentials = env.newCredential();
		const staticData: IDataObject = {};
		// Activation: the trigger remembers "now"; the baseline takes its first full copy.
		await runPoll(node, { parameters, credentials, staticData, mode: 'trigger' });
		const sync = new FullRescanSync(new NaiveClient(env.target), pageSize);
		await sync.scan();

		let next = 0;
		for (const k of changes) {
			const ours = { ms: [] as number[], calls: [] as number[], staticBytes: [] as number[] };
			const base = { ms: [] as number[], calls: [] as number[] };
			for (let round = 0; round < config.repetitions; round++) {
				clock.shiftMs += POLL_INTERVAL_MS;
				for (let c = 0; c < k; c++) {
					const id = ids[next++ % ids.length];
					const invoice = env.sim.store.invoices.get(id);
					env.sim.store.setStatus(id, invoice?.statut === 'SERVICE_FAIT' ? 'MANDATEE' : 'SERVICE_FAIT');
				}
				const runOurs = async () => {
					const before = env.sim.counts(SEARCH);
					const { ms, value } = await timed(
						async () => await runPoll(node, { parameters, credentials, staticData, mode: 'trigger' }),
					);
					const emitted = value?.[0]?.length ?? 0;
					if (emitted !== k) throw new Error(`trigger: ${emitted} changes emitted instead of ${k}`);
					ours.ms.push(ms);
					ours.calls.push(env.sim.counts(SEARCH) - before);
					ours.staticBytes.push(Buffer.byteLength(JSON.stringify(staticData)));
				};
				const runBase = async () => {
					const before = env.sim.counts(SEARCH);
					const { ms, value } = await timed(async () => await sync.scan());
					if (value.length !== k) throw new Error(`trigger: the re-scan found ${value.length} changes instead of ${k}`);
					base.ms.push(ms);
					base.calls.push(env.sim.counts(SEARCH) - before);
				};
				if (round % 2 === 0) {
					await runOurs();
					await runBase();
				} else {
					await runBase();
					await runOurs();
				}
			}
			const bound = Math.ceil(k / pageSize) + 1;
			const workload = `${history} invoices in history, k = ${k} changes`;
			const timeRatio = spread(ratios(ours.ms, base.ms));
			rows.push(
				{
					figure: 'Trigger poll',
					workload,
					measure: 'search calls',
					unit: 'requests',
					ours: spread(ours.calls),
					baselineName: 'full re-scan',
					baseline: spread(base.calls),
					ratio: spread(ratios(ours.calls, base.calls)),
					goal: `≤ ⌈k / ${pageSize}⌉ + 1 = ${bound}`,
					verdict: verdict(ours.calls.every((n) => n <= bound)),
					samples: { ours: ours.calls, baseline: base.calls },
				},
				{
					figure: 'Trigger poll',
					workload,
					measure: 'static data',
					unit: 'bytes',
					ours: spread(ours.staticBytes),
					baselineName: 'full re-scan state',
					baseline: spread([sync.stateBytes()]),
					goal: `≤ ${STATIC_DATA_LIMIT} bytes`,
					verdict: verdict(ours.staticBytes.every((n) => n <= STATIC_DATA_LIMIT)),
					note: ours.staticBytes.every((n) => n <= STATIC_DATA_LIMIT)
						? undefined
						: `polls ${POLL_INTERVAL_MS / 60_000} minutes apart. To skip the changes its 10-minute overlap re-reads, the trigger keeps a ~10-character hash of every change it emitted, grouped by poll, for about two overlap windows, plus the last status of ${LAST_STATUS_CAPACITY} invoices: ${k} changes per poll is about 11 KB per group, and two groups are kept.`,
					samples: { ours: ours.staticBytes, baseline: [sync.stateBytes()] },
				},
				{
					figure: 'Trigger poll',
					workload,
					measure: 'wall time',
					unit: 'ms',
					ours: spread(ours.ms),
					baselineName: 'full re-scan',
					baseline: spread(base.ms),
					ratio: timeRatio,
					goal: 'ratio < 1 (faster than the re-scan)',
					verdict: verdict(timeRatio.median < 1),
					samples: { ours: ours.ms, baseline: base.ms },
				},
			);
		}
		return rows;
	} finally {
		clock.restore();
		await env.close();
	}
}

/** `Date.now` plus an offset the figure moves; `restore` puts the real clock back. */
class ShiftedClock {
	shiftMs = 0;

	private readonly realNow = Date.now;

	constructor() {
		const realNow = this.realNow;
		Date.now = () => realNow() + this.shiftMs;
	}

	restore(): void {
		Date.now = this.realNow;
	}
}
