import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { API_GROUPS, BASE_PATHS_COLLECTION, basePathLabel, prefixExpression, type ApiGroup, type ApiGroupInfo } from '../nodes/shared/apis';
import { applicationKey, sharedToken } from '../nodes/shared/tokenFlight';

/**
 * PISTE hosts per environment (reference §1.1). `custom` lets a user (and our tests and demo) point the
 * credential at any base URL, e.g. the local simulator.
 */
const ENVIRONMENTS = {
	sandbox: {
		baseUrl: 'https://sandbox-api.piste.gouv.fr',
		tokenUrl: 'https://sandbox-oauth.piste.gouv.fr/api/oauth/token',
	},
	production: {
		baseUrl: 'https://api.piste.gouv.fr',
		tokenUrl: 'https://oauth.piste.gouv.fr/api/oauth/token',
	},
} as const;

type Environment = keyof typeof ENVIRONMENTS | 'custom';

export function resolveUrls(credentials: ICredentialDataDecryptedObject): {
	baseUrl: string;
	tokenUrl: string;
} {
	const environment = (credentials.environment as Environment) ?? 'sandbox';
	if (environment === 'custom') {
		return {
			baseUrl: String(credentials.baseUrl ?? '').replace(/\/+$/, ''),
			tokenUrl: String(credentials.tokenUrl ?? ''),
		};
	}
	return ENVIRONMENTS[environment] ?? ENVIRONMENTS.sandbox;
}

/** The `cpro-account` header: base64 of the UTF-8 bytes of `login:password` (reference §1.4). */
/**
 * One option per API group without a top-level field of its own (the four G2B fields predate this collection and
 * stay where saved credentials have them): a new API group gets its override here without touching this file.
 */
const BASE_PATH_OPTIONS: INodeProperties[] = Object.entries(API_GROUPS as Record<string, ApiGroupInfo>)
	.filter(([, info]) => !info.overrideField)
	.map(([api, info]) => ({
		displayName: basePathLabel(api as ApiGroup),
		name: api,
		type: 'string' as const,
		default: '',
		placeholder: info.prefix,
	}));

export function cproAccountHeader(credentials: ICredentialDataDecryptedObject): string {
	return Buffer.from(`${credentials.login}:${credentials.password}`, 'utf8').toString('base64');
}

/** One client-credentials request to PISTE; its errors are rebuilt so that none carries the client secret. */
async function mintToken(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	tokenUrl: string,
): Promise<{ token: string; expiresInSeconds?: number }> {
	let response: { access_token?: string; expires_in?: number };
	try {
		response = (await http.helpers.httpRequest({
			method: 'POST',
			url: tokenUrl,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: {
				grant_type: 'client_credentials',
				client_id: credentials.clientId,
				client_secret: credentials.clientSecret,
				scope: 'openid',
			},
			json: true,
		})) as { access_token?: string; expires_in?: number };
	} catch (error) {
		// Rebuild the error from scratch: the original one carries the request body, i.e. the client secret.
		const status = (error as { response?: { status?: number } }).response?.status;
		const reason = (error as { response?: { data?: { error?: string } } }).response?.data?.error;
		if (status === 400 || status === 401) {
			throw new Error(
				`PISTE refused the client ID / client secret (${reason ?? `HTTP ${status}`}). Check the OAuth credentials of your PISTE application and that it exists in the chosen environment.`,
			);
		}
		throw new Error(
			`Could not obtain a PISTE token from ${tokenUrl}${status ? ` (HTTP ${status})` : ''}. Check the environment and the token URL.`,
		);
	}
	if (!response?.access_token) {
		throw new Error(`The PISTE token endpoint ${tokenUrl} answered without an access_token.`);
	}
	const expiresIn = Number(response.expires_in);
	return { token: response.access_token, expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined };
}

export class ChorusProApi implements ICredentialType {
	name = 'chorusProApi';

	displayName = 'Chorus Pro API';

	icon: Icon = { light: 'file:../icons/chorus-pro.svg', dark: 'file:../icons/chorus-pro.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-chorus-pro/n8n-nodes-chorus-pro#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Sandbox (Qualification)',
					value: 'sandbox',
					description: 'sandbox-api.piste.gouv.fr, wired to the Chorus Pro qualification portal',
				},
				{ name: 'Production', value: 'production', description: 'api.piste.gouv.fr' },
				{
					name: 'Custom',
					value: 'custom',
					description: 'Any base URL and token URL, e.g. a local Chorus Pro simulator',
				},
			],
			default: 'sandbox',
			description: 'Which PISTE platform to call: the sandbox for tests, production for real invoices',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8080',
			description: 'The host that serves /cpro/... paths, without a trailing slash',
			displayOptions: { show: { environment: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8080/api/oauth/token',
			description: 'The OAuth2 token endpoint (client credentials grant)',
			displayOptions: { show: { environment: ['custom'] } },
			required: true,
		},
		{
			displayName: 'Custom Platform Data',
			name: 'customPlatform',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'SIRET and SIREN must pass their check digit before any call',
				},
				{
					name: 'Qualification (Test Data)',
					value: 'qualification',
					description:
						'Like the Sandbox environment: test SIRET/SIREN that fail the checksum are sent, with a warning',
				},
			],
			default: 'production',
			description:
				'Whose data the custom URL serves: production identifiers must pass their checksum; the qualification data set uses test identifiers that do not',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'PISTE Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'Client ID of your PISTE application (piste.gouv.fr → Applications → your application → OAuth credentials)',
		},
		{
			displayName: 'PISTE Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Client secret of the same PISTE application, shown next to its client ID',
		},
		{
			displayName: 'Technical Account Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'TECH_1_xxxxx@cpro.fr',
			description:
				'Login of the Chorus Pro technical account ("compte technique") of your structure, created in the Chorus Pro portal',
		},
		{
			displayName: 'Technical Account Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'It expires regularly: renew it in the Chorus Pro portal when calls answer 401',
		},
		{
			// n8n shows a notice's display name as its text.
			displayName:
				'API Base Paths (advanced): leave them empty to use the built-in paths. If Chorus Pro answers 403 or 404 for one API although it is subscribed in your PISTE application, type the base path PISTE shows for it. The G2B paths are not public yet.',
			name: 'g2bNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Chorus Pro API Base Paths',
			name: BASE_PATHS_COLLECTION,
			type: 'collection',
			placeholder: 'Override a Base Path',
			default: {},
			description: 'Only if Chorus Pro answers 403 or 404 for an API you subscribed: the base path PISTE shows for it',
			options: BASE_PATH_OPTIONS,
		},
		{
			displayName: basePathLabel('g2bAnnuaire'),
			name: 'g2bAnnuairePath',
			type: 'string',
			default: '',
			description: 'Path of the G2B directory (annuaire) API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/annuaire/v1',
		},
		{
			displayName: basePathLabel('g2bFlux'),
			name: 'g2bFluxPath',
			type: 'string',
			default: '',
			description: 'Path of the G2B flux deposit API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/flux/v1',
		},
		{
			displayName: basePathLabel('g2bFactures'),
			name: 'g2bFacturesPath',
			type: 'string',
			default: '',
			description: 'Path of the G2B invoice search API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/factures/v1',
		},
		{
			displayName: basePathLabel('eReporting'),
			name: 'eReportingPath',
			type: 'string',
			default: '',
			description: 'Path of the e-reporting API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/ereporting/v1',
		},
		{
			displayName: basePathLabel('engagements'),
			name: 'engagementsPath',
			type: 'string',
			default: '',
			placeholder: '/cpro/engagements/v1',
			description:
				'Prefix of the 2025 Engagements API (/engagement/…, /piece-jointe…), not published yet. Leave empty for the built-in one.',
		},
		{
			// PISTE bearer token, minted by preAuthentication and persisted by n8n in the credential, so every
			// execution and every queue-mode worker reuses it until the API answers 401.
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Mints the PISTE token n8n stores in `accessToken`. n8n calls this for every execution that finds the field
	 * empty or had its token refused, so concurrent executions of one process share one token request and reuse a
	 * token minted moments ago (nodes/shared/tokenFlight.ts): one token per process per expiry.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { tokenUrl } = resolveUrls(credentials);
		const key = applicationKey(tokenUrl, credentials.clientId, credentials.clientSecret);
		const refused = typeof credentials.accessToken === 'string' && credentials.accessToken ? credentials.accessToken : undefined;
		const accessToken = await sharedToken(key, refused, async () => await mintToken(this, credentials, tokenUrl));
		return { accessToken };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { baseUrl } = resolveUrls(credentials);
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? baseUrl,
			headers: {
				...(requestOptions.headers ?? {}),
				Authorization: `Bearer ${credentials.accessToken}`,
				'cpro-account': cproAccountHeader(credentials),
			},
		};
	}

	// A real call with both headers: a wrong client id/secret fails in preAuthentication with its own message;
	// a wrong technical account gets 401 from the gateway, reported by the rule below.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			// An expression over the credential, so that a Transverses base path override applies here too.
			url: `={{ ${prefixExpression('transverses')} + "/health-check" }}`,
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The PISTE token is valid but Chorus Pro refused the technical account: check its login and password, and whether the password expired',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Access refused: subscribe the Chorus Pro "Transverses" API in your PISTE application (and connect the application to the technical account in Chorus Pro)',
				},
			},
		],
	};
}
