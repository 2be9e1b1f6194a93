import { sleep } from 'n8n-workflow';

/**
 * The pace of one execution's requests, shared by the items of a read that run side by side.
 *
 * - The items share one PISTE quota, so a 429 answered to one of them means the whole batch is too fast: every
 *   request of the execution waits until the gateway's Retry-After is over, not only the one that was refused.
 */
export class RequestPace {
	private resumeAt = 0;

	/** No request of this execution starts before `ms` from now (a longer hold already set stays). */
	hold(ms: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}

	/** Sends `exchange` when the execution may: after a 429 hold. */
	async send<T>(exchange: () => Promise<T>): Promise<T> {
		await this.ready();
		return await exchange();
	}

	private async ready(): Promise<void> {
		for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) await sleep(wait);
	}
}
