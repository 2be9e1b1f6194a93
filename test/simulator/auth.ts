/**
 * PISTE's side of the simulator: the OAuth2 token endpoint (client credentials) and the checks the gateway
 * runs on every `/cpro/**` call (docs/api-notes.md §1.3, §1.4, §12.2, §14.3 items 1–4).
 */
import { randomBytes } from 'crypto';

/** The values the simulator accepts (type them into the n8n credential, environment "Custom"). */
export const SIM_CREDENTIALS = {
	clientId: 'simulateur-client-id',
	clientSecret: 'simulateur-client-secret',
	login: 'TECH_1_SIMULATEUR@cpro.fr',
	password: 'Simulateur-Mot-De-Passe-1!',
} as const;

export type Credentials = { clientId: string; clientSecret: string; login: string; password: string };

export const TOKEN_PATH = '/api/oauth/token';

/** Header of every 401 on a declared route (registered APIs answer with realm "PISTE", §1.2). */
export const BEARER_CHALLENGE = (error: string, description: string): string =>
	`Bearer realm="PISTE",error="${error}",error_description="${description}"`;

export interface AuthAnswer {
	status: number;
	headers: Record<string, string>;
	body?: unknown;
}

export class PisteAuth {
	private readonly tokens = new Map<string, number>();
	private issued = 0;

	constructor(
		readonly credentials: Credentials,
		private readonly lifetimeSeconds: number,
		private readonly clock: () => Date,
	) {}

	tokensIssued(): number {
		return this.issued;
	}

	/** Every token handed out so far answers 401 from now on. */
	expireTokens(): void {
		const now = this.clock().getTime();
		for (const token of this.tokens.keys()) this.tokens.set(token, now);
	}

	/**
	 * `POST /api/oauth/token`, form-encoded: grant_type=client_credentials, client_id, client_secret,
	 * scope=openid. A client may also authenticate with HTTP Basic (RFC 6749 §2.3.1).
	 */
	token(method: string, contentType: string | undefined, rawBody: string, authorization?: string): AuthAnswer {
		const json = { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' };
		const fail = (status: number, error: string, description: string): AuthAnswer => ({
			status,
			headers: json,
			body: { error, error_description: description },
		});
		if (method !== 'POST') return fail(405, 'invalid_request', 'POST attendu');
		if (!/^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) {
			return fail(400, 'invalid_request', 'Content-Type application/x-www-form-urlencoded attendu');
		}
		const form = new URLSearchParams(rawBody);
		let clientId = form.get('client_id');
		let clientSecret = form.get('client_secret');
		const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
		if (basic) {
			const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			clientId = clientId ?? decodeURIComponent(id);
			clientSecret = clientSecret ?? decodeURIComponent(rest.join(':'));
		}
		if (form.get('grant_type') !== 'client_credentials') {
			return fail(400, 'unsupported_grant_type', 'grant_type=client_credentials attendu');
		}
		if (clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret) {
			return fail(400, 'invalid_client', 'Client authentication failed');
		}
		const scope = form.get('scope');
		if (scope !== null && !scope.split(/\s+/).every((s) => s === 'openid' || s === 'resource.READ')) {
			return fail(400, 'invalid_scope', `Scope inconnu : ${scope}`);
		}
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, this.clock().getTime() + this.lifetimeSeconds * 1000);
		this.issued++;
		return {
			status: 200,
			headers: json,
			body: { access_token: token, token_type: 'Bearer', expires_in: this.lifetimeSeconds, scope: 'openid' },
		};
	}

	/** Undefined when the bearer token is valid, else the 401 to send. */
	checkBearer(authorization: string | undefined): AuthAnswer | undefined {
		const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
		if (!m) {
			return this.unauthorized('invalid_request', 'Bearer token manquant');
		}
		const expiresAt = this.tokens.get(m[1]);
		if (expiresAt === undefined) return this.unauthorized('invalid_token', 'Bearer token inconnu');
		if (expiresAt <= this.clock().getTime()) return this.unauthorized('invalid_token', 'Bearer token expiré');
		return undefined;
	}

	/** Undefined when `cpro-account` is base64("login:password") of the technical account, else the 401. */
	checkTechnicalAccount(header: string | undefined, body?: Record<string, string>): AuthAnswer | undefined {
		const expected = `${this.credentials.login}:${this.credentials.password}`;
		const decoded = header ? Buffer.from(header, 'base64').toString('utf8') : undefined;
		if (decoded === expected) return undefined;
		const challenge = { 'WWW-Authenticate': BEARER_CHALLENGE('Unauthorized', 'login or password incorrects') };
		return body
			? { status: 401, headers: { ...challenge, 'Content-Type': 'application/json;charset=utf-8' }, body }
			: { status: 401, headers: challenge };
	}

	private unauthorized(error: string, description: string): AuthAnswer {
		return {
			status: 401,
			headers: {
				'WWW-Authenticate': BEARER_CHALLENGE(error, description),
				'Content-Type': 'application/json;charset=utf-8',
			},
			body: { error, error_description: description },
		};
	}
}
