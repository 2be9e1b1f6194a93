import { Agent, request } from 'http';

import type { Target } from './naiveClient';

/**
 * The floor: Node's own http module with one keep-alive socket, a token fetched once, no parameter
 * resolution, no checks. What our nodes cost on top of the network is measured against this.
 */
export class RawLoop {
	private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

	private token = '';

	private readonly account: string;

	constructor(private readonly target: Target) {
		const { login, password } = target.credentials;
		this.account = Buffer.from(`${login}:${password}`).toString('base64');
	}

	async login(): Promise<void> {
		const { credentials } = this.target;
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
			scope: 'openid',
		}).toString();
		const answer = await this.send(this.target.tokenUrl, form, 'application/x-www-form-urlencoded');
		this.token = String(answer.access_token);
	}

	async post(path: string, body: unknown): Promise<Record<string, unknown>> {
		return await this.send(`${this.target.url}${path}`, JSON.stringify(body), 'application/json;charset=utf-8');
	}

	/** 1,000 reads of one referential, one after the other on the kept-alive socket. */
	async referentialReads(count: number): Promise<void> {
		for (let i = 0; i < count; i++) await this.post('/cpro/transverses/v1/recuperer/devises', { codeLangue: 'FR' });
	}

	/** Every received invoice, pages of `pageSize`, looping on `pages`. */
	async allReceived(pageSize: number): Promise<number> {
		let total = 0;
		for (let page = 1; ; page++) {
			const answer = await this.post('/cpro/factures/v1/rechercher/recipiendaire', {
				paramRecherche: { pageResultatDemandee: page, nbResultatsParPage: pageSize },
			});
			total += Array.isArray(answer.listeFactures) ? answer.listeFactures.length : 0;
			if (!answer.pages || page >= Number(answer.pages)) break;
		}
		return total;
	}

	close(): void {
		this.agent.destroy();
	}

	private send(url: string, payload: string, contentType: string): Promise<Record<string, unknown>> {
		return new Promise((resolve, reject) => {
			const req = request(
				url,
				{
					method: 'POST',
					agent: this.agent,
					headers: {
						'Content-Type': contentType,
						'Content-Length': Buffer.byteLength(payload),
						Accept: 'application/json',
						...(this.token ? { Authorization: `Bearer ${this.token}`, 'cpro-account': this.account } : {}),
					},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						if ((res.statusCode ?? 0) >= 400) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
						else resolve(JSON.parse(text) as Record<string, unknown>);
					});
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
	}
}
