import { CredentialStore } from '../test/harness/run';
import { startSimulator, type Simulator, type SimulatorOptions } from '../test/simulator/server';
import type { Target } from './baselines/naiveClient';

/** What one figure needs: a simulator of its own on 127.0.0.1 and a way to make fresh n8n credentials. */
export interface BenchEnv {
	sim: Simulator;
	target: Target;
	/** A new stored credential (no token yet), environment "custom" pointed at the simulator. */
	newCredential(): CredentialStore;
	close(): Promise<void>;
}

export async function benchEnv(options: SimulatorOptions = {}): Promise<BenchEnv> {
	// Tokens live for a year so that no figure ever sees one expire mid-run and counts a refresh.
	const sim = await startSimulator({ seed: 'empty', tokenLifetimeSeconds: 365 * 86_400, ...options });
	const target: Target = { url: sim.url, tokenUrl: sim.tokenUrl, credentials: { ...sim.credentials } };
	return {
		sim,
		target,
		newCredential: () =>
			new CredentialStore(sim.credentialData()),
		close: () => sim.close(),
	};
}

/** Input items for a node run: `count` empty items, like the output of a node that produced `count` rows. */
export function emptyItems(count: number): Array<{ json: Record<string, never> }> {
	return Array.from({ length: count }, () => ({ json: {} }));
}
