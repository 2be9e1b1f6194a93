import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

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
export function cproAccountHeader(credentials: ICredentialDataDecryptedObject): string {
	return Buffer.from(`${credentials.login}:${credentials.password}`, 'utf8').toString('base64');
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
			// n8n shows a notice's displayName (its default is not displayed), so the sentence goes there.
			displayName:
				'G2B API paths: the G2B APIs follow the published specification, but their paths are not public yet. Leave the fields below empty to use the built-in paths, or type the path PISTE shows for your subscription.',
			name: 'g2bNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'G2B Annuaire Base Path',
			name: 'g2bAnnuairePath',
			type: 'string',
			default: '',
			description: 'Path of the G2B directory (annuaire) API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/annuaire/v1',
		},
		{
			displayName: 'G2B Flux Base Path',
			name: 'g2bFluxPath',
			type: 'string',
			default: '',
			description: 'Path of the G2B flux deposit API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/flux/v1',
		},
		{
			displayName: 'G2B Factures Base Path',
			name: 'g2bFacturesPath',
			type: 'string',
			default: '',
			description: 'Path of the G2B invoice search API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/factures/v1',
		},
		{
			displayName: 'E-Reporting Base Path',
			name: 'eReportingPath',
			type: 'string',
			default: '',
			description: 'Path of the e-reporting API under the base URL; empty for the built-in path',
			placeholder: '/cpro/g2b/ereporting/v1',
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

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { tokenUrl } = resolveUrls(credentials);
		let response: { access_token?: string };
		try {
			response = (await this.helpers.httpRequest({
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
			})) as { access_token?: string };
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
		return { accessToken: response.access_token };
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

	// The connection test is the nodes' `chorusProApiTest` (nodes/shared/credentialTest.ts, named by `testedBy`):
	// it mints a fresh token from the typed secret, which a `test` request here would not (n8n reuses the stored one).
}
