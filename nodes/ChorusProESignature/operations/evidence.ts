import type { Evidence } from '../../shared/operation';

/**
 * Where the E-signature shapes come from. Table 4.1 of the AIFE annex (v6.1, seed 002) lists the six resources and
 * nothing else: no method, no body, no prefix, and no public Swagger, example or client was found. The resource
 * names (`signature/dataToSign`, `signature/signDocument`, `certificate/verify`, validation `reports` and
 * `policy`) are those of the European Commission's DSS (Digital Signature Service) REST services, on which the
 * request and answer shapes are modelled: POST with JSON, files as base64 `bytes`, dates as epoch milliseconds.
 */
const ANNEX = 'AIFE annex v6.1, table 4.1, API "E-signature" (12/12/2024)';
const DSS = 'European Commission DSS REST services (github.com/esig/dss)';
/** Where DSS's JSON spelling is shown (blevelParams.signingDate in epoch milliseconds, base64 bytes). */
const DSS_JSON = 'JSON as in AaltoSmartCom/dss-demonstrations:documentation/README.md';

export function dssEvidence(row: string, model: string, note?: string): Evidence {
	return {
		level: 'unpublished',
		source: `${ANNEX}, row "${row}" (path only); body modelled on ${DSS}: ${model}; ${DSS_JSON}`,
		note:
			note ??
			'Method, body keys and the API prefix are not published; if Chorus Pro answers 400/403/404/415, set the E-Signature Base Path in the credential and tell us what PISTE shows.',
	};
}
