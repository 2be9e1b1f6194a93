/**
 * Issue 9: the simulator answers from evidence. Each replay sample's request is sent to the simulator as the public
 * source shows it; the simulator must answer with the sample's status and the shape of its answer (keys, nesting,
 * JSON types; values may differ). A sample whose identifiers exist only in AIFE's qualification data is sent with
 * seeded ones (`simulatorIdentifiers`); one the simulator cannot play at all says why in `simulatorGap`.
 */
import { SimClient } from '../simulator/client';
import { startSimulator, type Simulator } from '../simulator/server';
import { loadSamples, shapeDifferences, simulatorRequest } from './samples';

const samples = loadSamples();
let sim: Simulator;
let client: SimClient;

beforeAll(async () => {
	sim = await startSimulator();
	client = new SimClient(sim);
});

afterAll(async () => {
	await sim.close();
});

describe('The simulator agrees with the replay corpus', () => {
	for (const sample of samples) {
		const title = `${sample.id} (${sample.provenance.kind})`;
		if (sample.simulatorGap) {
			it.skip(`${title} — simulator gap: ${sample.simulatorGap}`, () => undefined);
			continue;
		}
		it(title, async () => {
			const { method, path, body } = simulatorRequest(sample);
			const as = sample.simulatorAs ? new SimClient(sim, sample.simulatorAs) : client;
			const answer = await as.send(method, path, body === undefined ? undefined : JSON.stringify(body));
			expect({ status: answer.status, shape: shapeDifferences(sample.response.body, answer.body) }).toEqual({
				status: sample.response.status,
				shape: [],
			});
		});
	}
});
