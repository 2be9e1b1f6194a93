import { sleep } from 'n8n-workflow';

/**
 * The pace of one execution's requests, shared by the items of a read that run side by side.
 *
 * - The execution's first request goes alone: it finds out whether the stored PISTE token still works (or has
 *   n8n mint one when there is none) before the others are sent, so an expired token costs the execution one
 *   401 and n8n saves the new token once, instead of once per request in flight.
 * - The items share one PISTE quota, so a 429 answered to one of them means the whole batch is too fast: every
 *   request of the execution waits until the gateway's Retry-After is over, not only the one that was refused.
 */
export class RequestPace {
	private resumeAt = 0;

	private first?: Promise<unknown>;

	/** No request of this execution starts before `ms` from now (a longer hold already set stays). */
	hold(ms: number): void {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}

	/** Sends `exchange` when the execution may: after a 429 hold, and after the first request was answered. */
	async send<T>(exchange: () => Promise<T>): Promise<T> {
		if (this.first === undefined) {
			const answer = this.ready().then(exchange);
			this.first = answer.catch(() => undefined);
			return await answer;
		}
		await this.first;
		await this.ready();
		return await exchange();
	}

	private async ready(): Promise<void> {
		for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) await sleep(wait);
	}
}
