import { startSimulator, type Simulator } from '../../test/simulator/server';
import type { Target } from '../baselines/naiveClient';
import { startLatencyRelay, type LatencyRelay } from './latency';

/**
 * The simulator behind TLS and a round-trip delay: an HTTPS simulator on 127.0.0.1 and, in front of it, the
 * latency relay every client of the figure talks to.
 */
export interface RemoteSimulator {
	sim: Simulator;
	relay: LatencyRelay;
	/** Base URL and credentials as a client sees them (https://127.0.0.1:<relay port>). */
	target: Target;
	close(): Promise<void>;
}

export async function remoteSimulator(tls: { key: string; cert: string }, rttMs: number): Promise<RemoteSimulator> {
	// Tokens live for a year: no figure sees one expire unless it expires them on purpose.
	const sim = await startSimulator({ seed: 'empty', tokenLifetimeSeconds: 365 * 86_400, tls });
	const relay = await startLatencyRelay(Number(new URL(sim.url).port), rttMs);
	const url = `https://127.0.0.1:${relay.port}`;
	return {
		sim,
		relay,
		target: { url, tokenUrl: `${url}${new URL(sim.tokenUrl).pathname}`, credentials: { ...sim.credentials } },
		close: async () => {
			await relay.close();
			await sim.close();
		},
	};
}
