import axios from 'axios';

/**
 * The naive baseline, written the way the existing open-source Chorus Pro clients work: plain axios calls, a
 * PISTE token fetched at the start of every execution (nothing is cached between runs), one request per
 * search (whatever the first page holds), and a sync that re-reads every invoice and diffs it against a full
 * local copy of the statuses.
 */

export interface Target {
	/** Base URL serving /cpro/... */
	url: string;
	tokenUrl: string;
	credentials: { clientId: string; clientSecret: string; login: string; password: string };
}

export class NaiveClient {
	private token = '';

	constructor(private readonly target: Target) {}

	/** What the naive clients do first in every execution. */
	async login(): Promise<void> {
		const { credentials } = this.target;
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
			scope: 'openid',
		});
		const { data } = await axios.post(this.target.tokenUrl, form.toString(), {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		this.token = String(data.access_token);
	}

	async post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
		const { login, password } = this.target.credentials;
		const { data } = await axios.post(`${this.target.url}${path}`, body, {
			headers: {
				Authorization: `Bearer ${this.token}`,
				'cpro-account': Buffer.from(`${login}:${password}`).toString('base64'),
				'Content-Type': 'application/json;charset=utf-8',
				Accept: 'application/json',
			},
			maxBodyLength: Infinity,
			maxContentLength: Infinity,
		});
		return data as T;
	}

	/** One execution of N referential reads: a fresh token, then the calls. */
	async execution(calls: number): Promise<void> {
		await this.login();
		for (let i = 0; i < calls; i++) {
			await this.post('/cpro/transverses/v1/recuperer/devises', { codeLangue: 'FR' });
		}
	}

	/** Search received invoices the naive way: one call, no page loop (the platform's default page). */
	async searchReceivedOnce(): Promise<Array<Record<string, unknown>>> {
		await this.login();
		const answer = await this.post<{ listeFactures?: Array<Record<string, unknown>> }>(
			'/cpro/factures/v1/rechercher/recipiendaire',
			{},
		);
		return answer.listeFactures ?? [];
	}

	/** Deposit a flux file read whole into memory, base64 inside the JSON body. */
	async depositFlux(file: Buffer, name: string): Promise<Record<string, unknown>> {
		await this.login();
		return await this.post('/cpro/factures/v1/deposer/flux', {
			fichierFlux: file.toString('base64'),
			nomFichier: name,
			syntaxeFlux: 'IN_DP_E2_CII_FACTURX',
			avecSignature: false,
		});
	}
}

/**
 * The full re-scan sync: read every received invoice (pages of `pageSize`), compare with the statuses seen
 * last time, report the differences. Its "state" is the whole id → status map.
 */
export class FullRescanSync {
	private known = new Map<string, string>();

	constructor(
		private readonly client: NaiveClient,
		private readonly pageSize = 1000,
	) {}

	/** Requests sent by the last scan. */
	lastRequests = 0;

	async scan(): Promise<Array<{ idFacture: unknown; statut: unknown }>> {
		await this.client.login();
		const changes: Array<{ idFacture: unknown; statut: unknown }> = [];
		const seen = new Map<string, string>();
		this.lastRequests = 0;
		for (let page = 1; ; page++) {
			const answer = await this.client.post<{ listeFactures?: Array<Record<string, unknown>>; pages?: number }>(
				'/cpro/factures/v1/rechercher/recipiendaire',
				{ paramRecherche: { pageResultatDemandee: page, nbResultatsParPage: this.pageSize } },
			);
			this.lastRequests++;
			for (const invoice of answer.listeFactures ?? []) {
				const id = String(invoice.idFacture);
				const status = String(invoice.statut);
				seen.set(id, status);
				if (this.known.size > 0 && this.known.get(id) !== status) changes.push({ idFacture: invoice.idFacture, statut: status });
			}
			if (!answer.pages || page >= answer.pages) break;
		}
		this.known = seen;
		return changes;
	}

	/** Size of the state the sync keeps between runs, as JSON. */
	stateBytes(): number {
		return Buffer.byteLength(JSON.stringify(Object.fromEntries(this.known)));
	}
}
