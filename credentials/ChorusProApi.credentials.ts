import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	API_GROUPS,
	apiPrefix,
	BASE_PATHS_COLLECTION,
	basePathLabel,
	prefixExpression,
	type ApiGroup,
	type ApiGroupInfo,
} from '../nodes/shared/apis';
import {
	ACCOUNT_REFUSED,
	CREDENTIAL_TEST_HEADER,
	markMinted,
	markProven,
	mintedForThisRequest,
	proofState,
	requestProof,
	secretsRefused,
	TRANSVERSES_REFUSED,
	tokenNeeded,
} from '../nodes/shared/credentialTest';
import { applicationKey, sharedToken, tokenApplication } from '../nodes/shared/tokenFlight';

/**
 * PISTE hosts per environment (docs/api-notes.md §1.1). `custom` lets a user (and our tests and demo) point the
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

/** The `cpro-account` header: base64 of the UTF-8 bytes of `login:password` (docs/api-notes.md §1.4). */
export function cproAccountHeader(credentials: ICredentialDataDecryptedObject): string {
	return Buffer.from(`${credentials.login}:${credentials.password}`, 'utf8').toString('base64');
}

function statusOf(error: unknown): number | undefined {
	const status = (error as { response?: { status?: number } }).response?.status;
	return typeof status === 'number' ? status : undefined;
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
		const status = statusOf(error);
		const reason = (error as { response?: { data?: { error?: string } } }).response?.data?.error;
		if (status === 400 || status === 401) {
			throw new Error(secretsRefused(reason ?? `HTTP ${status}`));
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

/**
 * The test's real call, made by `preAuthentication` itself so that a refusal reaches the user in our words on
 * every n8n major (n8n 1.x shows its generic "Authorization failed" for a 401 of the test request): the
 * Transverses health check, with the fresh token and the typed technical account.
 */
async function proveTechnicalAccount(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	baseUrl: string,
	token: string,
): Promise<void> {
	const url = `${baseUrl}${apiPrefix('transverses', credentials)}/health-check`;
	try {
		await http.helpers.httpRequest({
			method: 'GET',
			url,
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, 'cpro-account': cproAccountHeader(credentials) },
			json: true,
		});
	} catch (error) {
		// Rebuilt from scratch too: the original error carries the request headers (token, cpro-account).
		const status = statusOf(error);
		if (status === 401) throw new Error(ACCOUNT_REFUSED);
		if (status === 403) throw new Error(TRANSVERSES_REFUSED);
		throw new Error(
			status
				? `Chorus Pro answered HTTP ${status} to the health check ${url}. Check the API base URL and the Transverses base path.`
				: `Could not reach Chorus Pro at ${url}. Check the environment and the API base URL.`,
		);
	}
	markProven(credentials);
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
		{
			// Which application's values minted the token (a hash, nodes/shared/tokenFlight.ts): a token kept after the
			// credential was edited to another client ID, secret or environment is not reused.
			displayName: 'Token Application',
			name: 'tokenApplication',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/**
	 * Mints the PISTE token n8n stores in `accessToken`. n8n calls this for every execution that finds the field
	 * empty or had its token refused, so concurrent executions of one process share one token request and reuse a
	 * token minted moments ago (nodes/shared/tokenFlight.ts): one token per process per expiry. For the credential
	 * test (nodes/shared/credentialTest.ts) it always mints with the typed values, then calls Chorus Pro with them.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { baseUrl, tokenUrl } = resolveUrls(credentials);
		const proving = proofState(credentials) === 'requested';
		const current = typeof credentials.accessToken === 'string' && credentials.accessToken ? credentials.accessToken : undefined;
		const accessToken =
			proving && mintedForThisRequest(credentials, current)
				? (current as string)
				: await sharedToken(
						applicationKey(tokenUrl, credentials.clientId, credentials.clientSecret),
						current,
						async () => {
							const minted = await mintToken(this, credentials, tokenUrl);
							markMinted(credentials, minted.token);
							return minted;
						},
						{ fresh: proving },
					);
		if (proving) await proveTechnicalAccount(this, credentials, baseUrl, accessToken);
		return { accessToken, tokenApplication: tokenApplication(credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { [CREDENTIAL_TEST_HEADER]: testMarker, ...headers } = requestOptions.headers ?? {};
		if (testMarker !== undefined && proofState(credentials) !== 'proven') {
			requestProof(credentials);
			throw tokenNeeded('The credential test asks PISTE for a new token with the values typed in the form');
		}
		const { baseUrl } = resolveUrls(credentials);
		return {
			...requestOptions,
			baseURL: requestOptions.baseURL ?? baseUrl,
			headers: {
				...headers,
				Authorization: `Bearer ${credentials.accessToken}`,
				'cpro-account': cproAccountHeader(credentials),
			},
		};
	}

	// Proves what the form holds: a fresh token from the typed client ID and secret and a real call with the typed
	// technical account (in preAuthentication, see nodes/shared/credentialTest.ts), then this request with both headers.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			// An expression over the credential, so that a Transverses base path override applies here too.
			url: `={{ ${prefixExpression('transverses')} + "/health-check" }}`,
			headers: { Accept: 'application/json', [CREDENTIAL_TEST_HEADER]: 'true' },
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: ACCOUNT_REFUSED } },
			{ type: 'responseCode', properties: { value: 403, message: TRANSVERSES_REFUSED } },
		],
	};
}
