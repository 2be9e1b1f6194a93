/**
 * The Chorus Pro Trigger across the autumn daylight-saving change (2026-10-25: Paris 02:00–03:00 happens twice,
 * 00:00–02:00 UTC), through n8n-core's real PollContext against the simulator, polling every 1–5 minutes from
 * 23:40 to 04:00 UTC with changes every few minutes. The platform's reading of a repeated local time (earlier or
 * later instant) and whether its answers carry offsets are switched on the simulator (`sim.dates`).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ChorusProTrigger } from '../../nodes/ChorusProTrigger/ChorusProTrigger.node';
import { runPoll } from '../harness/run';
import { fakeDateOnly } from '../harness/clock';
import { useSimulator } from './fixture';

const MIN = 60_000;
const START = Date.UTC(2026, 9, 24, 23, 40);
const END = Date.UTC(2026, 9, 25, 4, 0);
const CYCLE = ['SERVICE_FAIT', 'MANDATEE', 'MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE', 'MISE_A_DISPOSITION'];

const trigger = new ChorusProTrigger();

/** Paris wall clock of an instant, read by Intl directly (not through the module under test). */
const parisWallClock = (instant: number) =>
	new Date(instant).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' }).replace(' ', 'T');

// Only `Date` is faked, from before the simulator starts (its tokens and timestamps read the same clock).
beforeAll(() => fakeDateOnly(START));
afterAll(() => jest.useRealTimers());
const { sim, credentials } = useSimulator(trigger, { seed: 'empty', tokenLifetimeSeconds: 365 * 86_400 });

interface Change {
	id: number;
	status: string;
	previous: string;
	at: number;
}

describe.each([
	{ repeatedHour: 'earlier' as const, answerOffsets: true },
	{ repeatedHour: 'later' as const, answerOffsets: true },
	{ repeatedHour: 'earlier' as const, answerOffsets: false },
	{ repeatedHour: 'later' as const, answerOffsets: false },
])('Chorus Pro Trigger across 2026-10-25 (platform reads repeated times as $repeatedHour, offsets in answers: $answerOffsets)', (platform) => {
	it('emits every change exactly once, in order, with its time and previous status', async () => {
		sim.store.invoices.clear();
		sim.dates.repeatedHour = platform.repeatedHour;
		sim.dates.answerOffsets = platform.answerOffsets;
		jest.setSystemTime(START - 30 * MIN);
		const ids = sim.store.bulkInvoices(40);
		const current = new Map<number, string>(ids.map((id) => [id, 'MISE_A_DISPOSITION']));
		// Invoice `twice` reaches the same status at 02:30 summer time and at 02:30 winter time: without offsets,
		// both answers read "2026-10-25T02:30:00.000".
		const twice = ids[0];
		const scripted: Change[] = [
			{ id: twice, status: 'SERVICE_FAIT', previous: 'MISE_A_DISPOSITION', at: Date.UTC(2026, 9, 25, 0, 30) },
			{ id: twice, status: 'MANDATEE', previous: 'SERVICE_FAIT', at: Date.UTC(2026, 9, 25, 1, 5) },
			{ id: twice, status: 'SERVICE_FAIT', previous: 'MANDATEE', at: Date.UTC(2026, 9, 25, 1, 30) },
		];
		const pool = ids.slice(1);
		let seed = 20261025;
		const random = (n: number) => {
			seed = (seed * 48_271) % 2_147_483_647; // Park–Miller: the same run every time
			return Math.floor((seed / 2_147_483_647) * n);
		};

		const parameters = { event: 'receivedInvoiceStatusChanged', options: { overlapMinutes: 10 } };
		const staticData: IDataObject = {};
		jest.setSystemTime(START);
		expect(await runPoll(trigger, { parameters, credentials, staticData, mode: 'trigger' })).toBeNull();

		const made: Change[] = [];
		const emitted: INodeExecutionData[] = [];
		let next = 0;
		let polls = 0;
		while (Date.now() < END) {
			const before = Date.now();
			const step = (1 + random(5)) * MIN;
			// Changes of this interval, stamped inside it; an invoice changes at most once between two polls.
			const changes: Change[] = scripted.filter((c) => c.at > before && c.at <= before + step);
			for (let k = random(5); k > 0; k--) {
				const id = pool[next++ % pool.length];
				const status = CYCLE[(CYCLE.indexOf(current.get(id)!) + 1) % CYCLE.length];
				changes.push({ id, status, previous: current.get(id)!, at: before + 1 + random(step - 1) });
			}
			for (const change of changes.sort((a, b) => a.at - b.at)) {
				sim.store.setStatus(change.id, change.status, { at: new Date(change.at) });
				current.set(change.id, change.status);
				made.push(change);
			}
			jest.setSystemTime(before + step);
			const out = await runPoll(trigger, { parameters, credentials, staticData, mode: 'trigger' });
			emitted.push(...(out?.[0] ?? []));
			polls++;
		}

		expect(polls).toBeGreaterThan(60);
		expect(made.length).toBeGreaterThan(150);
		expect(made.filter((c) => c.at >= Date.UTC(2026, 9, 25, 0) && c.at < Date.UTC(2026, 9, 25, 2)).length).toBeGreaterThan(60);
		// Per invoice, the emitted events are its changes, each once and in order: nothing lost, repeated or stale.
		for (const id of ids) {
			const expected = made.filter((c) => c.id === id);
			const got = emitted.filter((item) => item.json.invoiceId === id);
			expect(got.map((item) => item.json.newStatus)).toEqual(expected.map((c) => c.status));
			// The trigger knows a previous status once it reported one for that invoice.
			expect(got.map((item) => item.json.previousStatus)).toEqual(expected.map((c, i) => (i === 0 ? null : c.previous)));
			got.forEach((item, i) => {
				const changedAt = Date.parse(String(item.json.changedAt));
				// With offsets the exact instant; without, the instant of the same Paris time (repeated hour: the earlier).
				if (platform.answerOffsets) expect(changedAt).toBe(expected[i].at);
				else expect(parisWallClock(changedAt)).toBe(parisWallClock(expected[i].at));
			});
		}
		expect(emitted.length).toBe(made.length);
	}, 60_000);
});
