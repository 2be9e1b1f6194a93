/**
 * A bare HTTP client for tests that talk to the simulator directly (no n8n): fetches a token, sends the
 * headers the node sends (docs/api-notes.md §1.4, §15.2) and returns status, headers and parsed body.
 */
import type { Simulator } from './server';

/** Header values replacing the defaults; `undefined` removes the header. */
export type HeaderOverrides = Record<string, string | undefined>;

export interface SimAnswer {
	status: number;
	headers: Headers;
	/** Parsed JSON when the body is JSON, else the text ('' for an empty body). */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	text: string;
}

export class SimClient {
	private token?: string;

	constructor(
		private readonly sim: Pick<Simulator, 'url' | 'tokenUrl' | 'credentials'>,
		private readonly overrides: { login?: string; password?: string } = {},
	) {}

	async fetchToken(clientSecret = this.sim.credentials.clientSecret): Promise<SimAnswer> {
		const response = await fetch(this.sim.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: this.sim.credentials.clientId,
				client_secret: clientSecret,
				scope: 'openid',
			}).toString(),
		});
		const answer = await read(response);
		if (answer.status === 200) this.token = answer.body.access_token;
		return answer;
	}

	cproAccount(): string {
		const login = this.overrides.login ?? this.sim.credentials.login;
		const password = this.overrides.password ?? this.sim.credentials.password;
		return Buffer.from(`${login}:${password}`, 'utf8').toString('base64');
	}

	/** POST a JSON body to a `/cpro/...` path (a token is fetched first if needed). */
	async post(path: string, body: unknown = {}, headers: HeaderOverrides = {}): Promise<SimAnswer> {
		return this.send('POST', path, typeof body === 'string' ? body : JSON.stringify(body), headers);
	}

	async get(path: string, headers: HeaderOverrides = {}): Promise<SimAnswer> {
		return this.send('GET', path, undefined, headers);
	}

	async send(method: string, path: string, body: string | undefined, overrides: HeaderOverrides = {}): Promise<SimAnswer> {
		if (!this.token) await this.fetchToken();
		const merged: HeaderOverrides = {
			Authorization: `Bearer ${this.token}`,
			'cpro-account': this.cproAccount(),
			Accept: 'application/json;charset=utf-8',
			...(body !== undefined ? { 'Content-Type': 'application/json;charset=utf-8' } : {}),
			...overrides,
		};
		const headers = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
		const response = await fetch(`${this.sim.url}${path}`, { method, headers, body });
		return read(response);
	}
}

async function read(response: Response): Promise<SimAnswer> {
	const text = await response.text();
	let body: unknown = text;
	if (/json/i.test(response.headers.get('content-type') ?? '') && text !== '') {
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
	}
	return { status: response.status, headers: response.headers, body, text };
}
