import { Agent, request } from 'https';

import type { Target } from './naiveClient';

/**
 * The two peers of our node over TLS, written with Node's https module and nothing else:
 * - a keep-alive client with a bounded number of requests in flight: what the same concurrency can give at best
 *   when connections are reused (n8n opens a new one for every request a node makes);
 * - a sequential loop that opens a new connection per request: what our node did before Parallel Requests.
 */
const READ_PATH = '/cpro/transverses/v1/recuperer/devises';

async function send(target: Target, agent: Agent, ca: string, path: string, body: string, headers: Record<string, string>): Promise<string> {
	const url = new URL(path, target.url);
	return await new Promise<string>((resolve, reject) => {
		const req = request(url, { method: 'POST', agent, ca, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode} on ${path}`))));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

export class TlsPeers {
	private token = '';

	constructor(
		private readonly target: Target,
		private readonly ca: string,
	) {}

	async login(): Promise<void> {
		const { clientId, clientSecret } = this.target.credentials;
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'openid' });
		const agent = new Agent({ keepAlive: false });
		const answer = await send(this.target, agent, this.ca, new URL(this.target.tokenUrl).pathname, form.toString(), {
			'Content-Type': 'application/x-www-form-urlencoded',
		});
		this.token = String((JSON.parse(answer) as { access_token?: string }).access_token);
	}

	/** The headers our node sends (the HTTP Request node of the real-n8n figure sends the same). */
	headers(): Record<string, string> {
		const { login, password } = this.target.credentials;
		return {
			Authorization: `Bearer ${this.token}`,
			'cpro-account': Buffer.from(`${login}:${password}`).toString('base64'),
			'Content-Type': 'application/json;charset=utf-8',
			Accept: 'application/json;charset=utf-8',
		};
	}

	private async read(agent: Agent): Promise<void> {
		const answer = JSON.parse(await send(this.target, agent, this.ca, READ_PATH, '{"codeLangue":"FR"}', this.headers())) as { codeRetour?: number };
		if (answer.codeRetour !== 0) throw new Error(`read refused: ${JSON.stringify(answer).slice(0, 200)}`);
	}

	/** `reads` reads, `concurrency` at a time, over at most `concurrency` kept-alive connections. */
	async keepAlive(reads: number, concurrency: number): Promise<void> {
		const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < reads) {
				next++;
				await this.read(agent);
			}
		};
		try {
			await Promise.all(Array.from({ length: Math.min(concurrency, reads) }, worker));
		} finally {
			agent.destroy();
		}
	}

	/** `reads` reads one after the other, each on a new connection (new TCP connection and TLS handshake). */
	async sequentialNewConnections(reads: number): Promise<void> {
		for (let i = 0; i < reads; i++) {
			const agent = new Agent({ keepAlive: false });
			await this.read(agent);
			agent.destroy();
		}
	}
}
