import { LIMITS } from '../../nodes/shared/limits';
import type { BenchConfig } from '../config';
import { runChild } from '../child/spawn';
import { benchEnv } from '../env';
import { verdict, type Row } from '../report';
import { alternate, ratios, spread } from '../stats';

const MAX_GROWTH_PER_BYTE = 3;

/**
 * Upload: one flux through emittedInvoice → depositFlux (deposer/flux), peak RSS growth of a fresh process
 * divided by the file size, against the naive client posting the same file. The simulator runs here, in the
 * parent, so that its own copy of the body is not counted.
 */
export async function uploadFigure(config: BenchConfig): Promise<Row[]> {
	const { bytes } = config.upload;
	const env = await benchEnv();
	try {
		const run = async (side: 'ours' | 'naive') => {
			const before = env.sim.counts('/deposer/flux');
			const result = await runChild('upload', { side, bytes, target: env.target });
			if (env.sim.counts('/deposer/flux') - before !== 2) throw new Error(`upload: ${side} did not deposit exactly twice`);
			return result.growthBytes / bytes;
		};
		const { a, b } = await alternate(config.repetitions, async () => await run('ours'), async () => await run('naive'));
		const ours = spread(a);
		return [
			{
				figure: 'Upload',
				workload: `a ${formatMb(bytes)} flux through deposer/flux${bytes === LIMITS.fluxBytes ? ' (the 30 MB limit)' : ''}`,
				measure: 'peak RSS growth ÷ file size',
				unit: '×',
				ours,
				baselineName: 'naive axios',
				baseline: spread(b),
				ratio: spread(ratios(a, b)),
				goal: `≤ ${MAX_GROWTH_PER_BYTE}`,
				verdict: verdict(ours.max <= MAX_GROWTH_PER_BYTE),
				note:
					ours.max <= MAX_GROWTH_PER_BYTE
						? undefined
						: "deposer/flux takes the file as base64 inside a JSON body, so the upload holds at once the decoded file (1×), its base64 text (1.33×), the JSON text n8n's axios request serialises (1.33×) and the bytes it writes (1.33×); no streaming is possible through httpRequestWithAuthentication. Reusing the base64 n8n already keeps for a binary in its default mode, instead of decoding and re-encoding it, would save about 2.3×.",
				samples: { ours: a, baseline: b },
			},
		];
	} finally {
		await env.close();
	}
}

export function formatMb(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
