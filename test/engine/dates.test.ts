/**
 * Date parameters reach Chorus Pro as Paris local time, whatever the n8n process's time zone (TZ) and the
 * instance's zone (GENERIC_TIMEZONE, the zone of {{ $now }} and DateTime in expressions): the scenarios of
 * fixtures/sentDates.ts run through n8n-core's real ExecuteContext here and in child processes with another TZ.
 */
import { execFile } from 'child_process';
import { join } from 'path';

import { getGlobalState, setGlobalState } from 'n8n-workflow';

import { sentDates, type SentDates } from './fixtures/sentDates';

/** What Chorus Pro must receive (Paris: UTC+2 in summer, UTC+1 in winter). */
const EXPECTED: SentDates = {};
for (const way of ['picker', 'DateTime', 'Honolulu']) {
	EXPECTED[`${way} 2026-08-14T22:30:00Z periodeDateHeureEtatCourantDu`] = '2026-08-15T00:30:00';
	EXPECTED[`${way} 2026-02-03T07:15:00Z periodeDateHeureEtatCourantDu`] = '2026-02-03T08:15:00';
}
Object.assign(EXPECTED, {
	'typed periodeDateHeureEtatCourantAu': '2026-08-15T00:30:00', // Paris time without offset: sent as written
	'typed periodeDateDepotDu': '2026-08-15', // the picker's 15 August 00:00 Paris, stored as 14 August 22:00 UTC
	'typed periodeDateDepotAu': '2026-08-15T23:59:59',
	// consulterCR takes an offset (antoine2116/go-choruspro sends RFC 3339): Paris time with the Paris offset.
	'consulterCR 2026-08-14T22:30:00.000Z': '2026-08-15T00:30:00+02:00',
	'consulterCR 2026-02-03T07:15:00.000Z': '2026-02-03T08:15:00+01:00',
	'consulterCR 2026-10-25T02:30:00': '2026-10-25T02:30:00+02:00', // repeated hour: its first occurrence
});

const instanceZone = getGlobalState().defaultTimezone;
afterAll(() => setGlobalState({ defaultTimezone: instanceZone }));

interface ChildRun {
	tz: string;
	zoneOffsetMinutes: number;
	sent: SentDates;
}

/** One n8n process (a child: jest keeps its own copy of process.env) run under each TZ in turn. */
function inChildProcess(zone: string, zones: string[]): Promise<ChildRun[]> {
	const script = join(__dirname, 'fixtures', 'sentDates.ts');
	const tsNode = join(__dirname, '..', '..', 'node_modules', 'ts-node', 'dist', 'bin.js');
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [tsNode, '--transpile-only', script, zone, ...zones], { timeout: 170_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`${error.message}\n${stderr}`));
			else resolve(JSON.parse(stdout) as ChildRun[]);
		});
	});
}

describe('date parameters are sent as Paris time', () => {
	it.each(['UTC', 'America/New_York', 'Europe/Paris'])('in this process, with instance zone %s', async (zone) => {
		expect(await sentDates(zone)).toEqual(EXPECTED);
	});

	it('in an n8n process running with TZ=UTC, then TZ=America/New_York (instance zone Asia/Tokyo)', async () => {
		const runs = await inChildProcess('Asia/Tokyo', ['UTC', 'America/New_York']);
		// The process really ran on UTC, then on New York time (EDT in August).
		expect(runs.map((run) => [run.tz, run.zoneOffsetMinutes])).toEqual([['UTC', 0], ['America/New_York', 240]]);
		for (const run of runs) expect(run.sent).toEqual(EXPECTED);
	}, 180_000);
});
