import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * How an API wraps its answers:
 * - `cpro`: the classic Chorus Pro envelope, `codeRetour` + `libelle` at top level (docs/api-notes.md §2.1);
 * - `plain`: no envelope (health checks, Référentiel des Organisations, G2B/PPF APIs with RFC 7807 errors).
 */
export type Envelope = 'cpro' | 'plain';

export interface ApiGroupInfo {
	/** Path prefix under the PISTE base URL. */
	prefix: string;
	/** Name of the API to subscribe in the PISTE application, used in 403 hints. */
	pisteName: string;
	envelope: Envelope;
	/**
	 * A top-level credential field that overrides the prefix: the four G2B fields of the first release, kept because
	 * saved credentials use them. Every other group is overridden in the credential's `apiBasePaths` collection.
	 */
	overrideField?: string;
	/** Label of the credential's base path setting, when `<pisteName> Base Path` is not it or is ambiguous. */
	basePathLabel?: string;
	/**
	 * `Content-Type` and `Accept` of the requests, when the API's official Swagger declares one; otherwise plain
	 * `application/json`, what the annex (§1.7: anything else is answered 415) and the clients tested on the
	 * sandbox send.
	 */
	contentType?: string;
}

/** Declared by the Factures and Structures Swaggers (`consumes` / `produces` of every operation). */
const SWAGGER_JSON = 'application/json;charset=utf-8';

/** Where no Swagger says otherwise (annex §1.7; the PPF annuaire OpenAPI declares it too). */
export const PLAIN_JSON = 'application/json';

/** The one table of API prefixes (docs/api-notes.md §1.2, §9, §10). */
export const API_GROUPS = {
	factures: { prefix: '/cpro/factures/v1', pisteName: 'Factures', envelope: 'cpro', contentType: SWAGGER_JSON },
	facturesTravaux: {
		prefix: '/cpro/facturesTravaux/v1',
		pisteName: 'Factures Travaux',
		envelope: 'cpro',
	},
	transverses: { prefix: '/cpro/transverses/v1', pisteName: 'Transverses', envelope: 'cpro' },
	structures: { prefix: '/cpro/structures/v1', pisteName: 'Structures', envelope: 'cpro', contentType: SWAGGER_JSON },
	utilisateurs: { prefix: '/cpro/utilisateurs/v1', pisteName: 'Utilisateurs', envelope: 'cpro' },
	// The legacy commitment services (rechercher, consulterDetail): the prefix OCA calls in production.
	engagementsJuridiques: {
		prefix: '/cpro/engagementsJuridiques/v1',
		pisteName: 'Engagements',
		envelope: 'cpro',
		// The 2025 API below has the same PISTE name: its field is "Engagements Base Path".
		basePathLabel: 'Engagements Juridiques (Legacy) Base Path',
	},
	// The "Engagements" API of 16/07/2025 (annex v6.1 table 4.1: /engagement/…, /piece-jointe…). Its prefix is not
	// published: ours follows the REST APIs of the same generation (Référentiel des Organisations answers under
	// /cpro/organisations/v1 for the table's /structures/…), and a credential field overrides it.
	engagements: {
		prefix: '/cpro/engagements/v1',
		pisteName: 'Engagements',
		envelope: 'cpro',
		overrideField: 'engagementsPath',
	},
	organisations: {
		prefix: '/cpro/organisations/v1',
		pisteName: 'Référentiel des Organisations',
		envelope: 'plain',
	},
	// The four G2B prefixes are not public (docs/api-notes.md §10.1, §16.3): they follow the /cpro/<api>/v1 convention
	// of PISTE under one `g2b` segment, and a credential field overrides each of them.
	g2bAnnuaire: {
		prefix: '/cpro/g2b/annuaire/v1',
		pisteName: 'Annuaire G2B',
		envelope: 'plain',
		overrideField: 'g2bAnnuairePath',
		basePathLabel: 'G2B Annuaire Base Path',
	},
	g2bFlux: {
		prefix: '/cpro/g2b/flux/v1',
		pisteName: 'Dépôt flux G2B',
		envelope: 'plain',
		overrideField: 'g2bFluxPath',
		basePathLabel: 'G2B Flux Base Path',
	},
	g2bFactures: {
		prefix: '/cpro/g2b/factures/v1',
		pisteName: 'Recherche Factures G2B',
		envelope: 'plain',
		overrideField: 'g2bFacturesPath',
		basePathLabel: 'G2B Factures Base Path',
	},
	eReporting: {
		prefix: '/cpro/g2b/ereporting/v1',
		pisteName: 'E-reporting',
		envelope: 'plain',
		overrideField: 'eReportingPath',
		basePathLabel: 'E-Reporting Base Path',
	},
	// E-signature (annex v6.1 table 4.1, 12/12/2024): the annex gives the resources, not the prefix. Ours follows the
	// /cpro/<api>/v1 convention of the other PISTE APIs of the annex; the credential's API Base Paths override it.
	eSignature: { prefix: '/cpro/esignature/v1', pisteName: 'E-signature', envelope: 'plain' },
} as const satisfies Record<string, ApiGroupInfo>;

export type ApiGroup = keyof typeof API_GROUPS;

export function apiInfo(api: ApiGroup): ApiGroupInfo {
	return API_GROUPS[api];
}

/** Credential collection holding the base path of every API group without a top-level override field. */
export const BASE_PATHS_COLLECTION = 'apiBasePaths';

/** The credential value that overrides an API's prefix, if the user set one. */
function override(api: ApiGroup, credentials?: ICredentialDataDecryptedObject): unknown {
	const info: ApiGroupInfo = API_GROUPS[api];
	if (info.overrideField) return credentials?.[info.overrideField];
	const paths = credentials?.[BASE_PATHS_COLLECTION];
	return paths && typeof paths === 'object' ? (paths as Record<string, unknown>)[api] : undefined;
}

/** The label of an API's base path setting in the credential. */
export function basePathLabel(api: ApiGroup): string {
	const info: ApiGroupInfo = API_GROUPS[api];
	return info.basePathLabel ?? `${info.pisteName} Base Path`;
}

/** Where a user sets an API's base path, in the words of the credential's form. */
export function basePathSetting(api: ApiGroup): string {
	const info: ApiGroupInfo = API_GROUPS[api];
	const label = `"${basePathLabel(api)}"`;
	return info.overrideField ? `the credential's ${label} field` : `the credential's "Chorus Pro API Base Paths" → ${label}`;
}

/**
 * `apiPrefix` as an n8n expression over the credential, for the one request n8n builds itself from the credential
 * type (its `test`): the same override, trimmed, slashes normalised, the built-in prefix when empty.
 */
export function prefixExpression(api: ApiGroup): string {
	const info: ApiGroupInfo = API_GROUPS[api];
	const value = info.overrideField
		? `$credentials.${info.overrideField}`
		: `($credentials.${BASE_PATHS_COLLECTION} || {}).${api}`;
	return `"/" + (String(${value} || "").trim() || "${info.prefix}").replace(/^\\/+|\\/+$/g, "")`;
}

/**
 * The prefix of an API, honouring the credential's override: a user whose PISTE subscription shows another path
 * fixes it without waiting for a release.
 */
export function apiPrefix(api: ApiGroup, credentials?: ICredentialDataDecryptedObject): string {
	const value = override(api, credentials);
	const prefix = typeof value === 'string' && value.trim() ? value.trim() : API_GROUPS[api].prefix;
	return `/${prefix.replace(/^\/+|\/+$/g, '')}`;
}
