/**
 * Faults on demand: `sim.faults.add({...})` makes the next matching request(s) misbehave.
 *
 * - `path`: suffix of the request path (`'/soumettre'`, `'/api/oauth/token'`); absent = every request,
 *   including token requests.
 * - `method`: only that method.
 * - `status`: answer with this HTTP status instead (e.g. 429, 500, 502, 503). With `body` but no status: 200.
 * - `retryAfter`: value of a `Retry-After` header (seconds or an HTTP date).
 * - `body`: `'html'` (an HTML error page, `text/html`), `'truncated'` (the JSON answer cut in the middle,
 *   `application/json`), `'reset'` (the connection is destroyed without an answer), `'cut'` (the request is
 *   handled, the real answer's status line and headers are sent with its full Content-Length, then half its body,
 *   then the connection is destroyed: a connection broken after the headers), or any string sent as is.
 * - `delayMs`: wait that long before answering. Alone (no status, no body) it only slows the real answer.
 * - `times`: how many matching requests the fault applies to (default 1); each use consumes one.
 * - `afterHandling`: the request IS processed (state changes: the invoice is filed, the status changed) and
 *   only then is the answer replaced by the fault — "it went through but the answer was lost".
 */

export interface FaultSpec {
	path?: string;
	method?: string;
	status?: number;
	retryAfter?: string;
	times?: number;
	delayMs?: number;
	body?: 'html' | 'truncated' | 'reset' | 'cut' | string;
	afterHandling?: boolean;
}

export interface ActiveFault extends FaultSpec {
	remaining: number;
	/** True when the fault replaces the answer (status or body given), false when it only delays it. */
	replaces: boolean;
}

export class Faults {
	private readonly active: ActiveFault[] = [];

	add(spec: FaultSpec): this {
		const times = spec.times ?? 1;
		if (times > 0) {
			this.active.push({
				...spec,
				method: spec.method?.toUpperCase(),
				remaining: times,
				replaces: spec.status !== undefined || spec.body !== undefined,
			});
		}
		return this;
	}

	clear(): void {
		this.active.length = 0;
	}

	/** Faults still armed (for assertions). */
	pending(): number {
		return this.active.reduce((n, f) => n + f.remaining, 0);
	}

	/** The first armed fault matching the request, consumed by one use. */
	take(method: string, path: string): ActiveFault | undefined {
		const index = this.active.findIndex(
			(f) => (!f.method || f.method === method) && (!f.path || path.endsWith(f.path)),
		);
		if (index < 0) return undefined;
		const fault = this.active[index];
		fault.remaining--;
		if (fault.remaining <= 0) this.active.splice(index, 1);
		return fault;
	}
}

const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>Erreur</title></head><body><h1>Service indisponible</h1>' +
	'<p>Le service est momentanément indisponible. Veuillez réessayer ultérieurement.</p></body></html>';

export interface RawAnswer {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

/** The answer a fault sends, built from the real answer when there is one (afterHandling + truncated). */
export function faultAnswer(fault: ActiveFault, real?: RawAnswer): RawAnswer {
	const status = fault.status ?? 200;
	const headers: Record<string, string> = {};
	if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
	let body: Buffer = Buffer.alloc(0);
	if (fault.body === 'html') {
		headers['Content-Type'] = 'text/html;charset=utf-8';
		body = Buffer.from(HTML_PAGE);
	} else if (fault.body === 'truncated') {
		headers['Content-Type'] = 'application/json;charset=utf-8';
		const full = real?.body.length ? real.body : Buffer.from('{"codeRetour":0,"libelle":"TRA_MSG_00.000","listeFactures":[{"idFacture":1}]}');
		body = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
	} else if (fault.body === 'cut' && real) {
		return real;
	} else if (typeof fault.body === 'string' && fault.body !== 'reset') {
		headers['Content-Type'] = 'text/plain;charset=utf-8';
		body = Buffer.from(fault.body);
	}
	return { status, headers, body };
}
