import { randomBytes } from 'crypto';

import { binaryItem, runNode } from '../../test/harness/run';
import { CredentialStore } from '../../test/harness/credentials';
import { NaiveClient, type Target } from '../baselines/naiveClient';
import { ChorusProFactures } from '../nodes';
import { childArgs } from './spawn';
import { peakBytes, report, startMeasure } from './memory';

/**
 * One upload of `bytes` through deposer/flux in a fresh process. The file is in memory before the measure
 * starts on both sides (ours: an n8n binary item, as n8n's default binary mode keeps it; naive: a Buffer), so
 * the peak growth is what the upload itself costs.
 */
interface Args {
	side: 'ours' | 'naive';
	bytes: number;
	target: Target;
}

function fluxFile(bytes: number): Buffer {
	const file = randomBytes(bytes);
	file.write('%PDF-1.7\n', 0, 'latin1');
	return file;
}

async function ours(args: Args): Promise<Record<string, number>> {
	const node = new ChorusProFactures();
	const credentials = new CredentialStore({
		environment: 'custom',
		baseUrl: args.target.url,
		tokenUrl: args.target.tokenUrl,
		...args.target.credentials,
	});
	const parameters = { resource: 'emittedInvoice', operation: 'depositFlux', syntaxeFlux: 'IN_DP_E2_CII_FACTURX' };
	// Warm-up: token minted, every module of the path loaded, before anything is measured.
	await runNode(node, { parameters, credentials, items: [await binaryItem(fluxFile(4096), 'warmup.pdf', 'application/pdf')] });
	const items = [await binaryItem(fluxFile(args.bytes), 'flux.pdf', 'application/pdf')];
	const before = startMeasure();
	const output = await runNode(node, { parameters, credentials, items });
	const peak = peakBytes();
	if (!output[0][0]?.json.numeroFluxDepot) throw new Error(`deposit failed: ${JSON.stringify(output[0][0]?.json)}`);
	return { growthBytes: peak - before, beforeBytes: before };
}

async function naive(args: Args): Promise<Record<string, number>> {
	const client = new NaiveClient(args.target);
	await client.depositFlux(fluxFile(4096), 'warmup.pdf');
	const file = fluxFile(args.bytes);
	const before = startMeasure();
	const answer = await client.depositFlux(file, 'flux.pdf');
	const peak = peakBytes();
	if (!answer.numeroFluxDepot) throw new Error(`deposit failed: ${JSON.stringify(answer)}`);
	return { growthBytes: peak - before, beforeBytes: before };
}

const args = childArgs<Args>();
(args.side === 'ours' ? ours(args) : naive(args)).then(
	(result) => {
		report(result);
		process.exit(0);
	},
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
