/**
 * API E-signature (annex v6.1 table 4.1: /policy, /reports, /certificate/verify, /seal/signDocument,
 * /signature/dataToSign, /signature/signDocument). AIFE publishes the resources only; the bodies are modelled on
 * the European Commission's DSS REST services (github.com/esig/dss: DataToSignOneDocumentDTO, SignOneDocumentDTO,
 * RemoteSignatureParameters, DataToValidateDTO, CertificateToValidateDTO), whose names the resources echo, and the
 * AIFE page "Vérifier une signature en mode utilitaire" (PAdES and XAdES, detached signatures given apart).
 *
 * The simulator signs for real, in its own small container (it is not an ETSI format): the data to sign is
 * derived from the document, the level, the packaging, the digest algorithm, the certificate and the signing date;
 * a signature value made over it with the certificate's private key verifies, anything else fails at /reports the
 * way DSS reports it (TOTAL_FAILED / HASH_FAILURE for changed content, SIG_CRYPTO_FAILURE for a value that does
 * not match what was signed). The platform seal is a key of the
 * simulator and is trusted; other certificates have no trusted chain here (INDETERMINATE /
 * NO_CERTIFICATE_CHAIN_FOUND). Refused like DSS would: a missing document or certificate, PAdES on a non-PDF or
 * not enveloped, an enveloped XAdES on a non-XML file, a certificate that does not parse.
 */
import { constants, createHash, generateKeyPairSync, sign, verify, X509Certificate, type KeyObject } from 'crypto';

import { arrayOf, bool, int64, object, oneOf, str } from '../modelKit';
import { problem } from '../ppf';
import type { RouteContext, Router } from '../router';
import type { Schema } from '../swagger';

export const E_SIGNATURE_PREFIX = '/cpro/esignature/v1';

const LEVELS = ['B', 'T', 'LT', 'LTA'].flatMap((l) => [`PAdES_BASELINE_${l}`, `XAdES_BASELINE_${l}`]);
const DIGESTS = ['SHA224', 'SHA256', 'SHA384', 'SHA512'];
const ALGORITHMS = [
	'RSA_SHA256', 'RSA_SHA384', 'RSA_SHA512', 'RSA_SSA_PSS_SHA256_MGF1', 'RSA_SSA_PSS_SHA384_MGF1', 'RSA_SSA_PSS_SHA512_MGF1',
	'ECDSA_SHA256', 'ECDSA_SHA384', 'ECDSA_SHA512',
];
const MARK = 'SIM-ESIGNATURE';
const BASE64 = '^[A-Za-z0-9+/]*={0,2}$';

// ---- DSS models (closed objects: an unknown key is refused) ----------------------------------------------------
const bytes: Schema = { type: 'string', pattern: BASE64 };
const remoteDocument = object({ bytes, digestAlgorithm: oneOf(DIGESTS), name: str }, ['bytes']);
const remoteCertificate = object({ encodedCertificate: bytes }, ['encodedCertificate']);
const parameters = object({
	signingCertificate: remoteCertificate,
	certificateChain: arrayOf(remoteCertificate),
	detachedContents: arrayOf(remoteDocument),
	signatureLevel: oneOf(LEVELS),
	signaturePackaging: oneOf(['ENVELOPED', 'ENVELOPING', 'DETACHED', 'INTERNALLY_DETACHED']),
	signatureAlgorithm: oneOf(ALGORITHMS),
	digestAlgorithm: oneOf(DIGESTS),
	referenceDigestAlgorithm: oneOf(DIGESTS),
	encryptionAlgorithm: oneOf(['RSA', 'RSASSA_PSS', 'ECDSA']),
	blevelParams: object({ signingDate: int64, trustAnchorBPPolicy: bool, claimedSignerRoles: arrayOf(str), commitmentTypeIndications: arrayOf(str), signerLocation: { type: 'object' } }),
	signWithExpiredCertificate: bool,
	generateTBSWithoutCertificate: bool,
}, ['signatureLevel', 'signaturePackaging']);
const signatureValue = object({ algorithm: oneOf(ALGORITHMS), value: bytes }, ['algorithm', 'value']);
const DATA_TO_SIGN = object({ toSignDocument: remoteDocument, parameters }, ['toSignDocument', 'parameters']);
const SIGN_DOCUMENT = object({ toSignDocument: remoteDocument, parameters, signatureValue }, ['toSignDocument', 'parameters', 'signatureValue']);
const SEAL = object({ toSignDocument: remoteDocument, parameters }, ['toSignDocument', 'parameters']);
const VALIDATE = object({
	signedDocument: remoteDocument,
	originalDocuments: arrayOf(remoteDocument),
	policy: remoteDocument,
	tokenExtractionStrategy: oneOf(['NONE', 'EXTRACT_CERTIFICATES_ONLY', 'EXTRACT_TIMESTAMPS_ONLY', 'EXTRACT_REVOCATION_DATA_ONLY', 'EXTRACT_ALL']),
	signatureId: str,
}, ['signedDocument']);
const CERTIFICATE = object({
	certificate: remoteCertificate,
	certificateChain: arrayOf(remoteCertificate),
	validationTime: int64,
	policy: remoteDocument,
	tokenExtractionStrategy: oneOf(['NONE', 'EXTRACT_CERTIFICATES_ONLY', 'EXTRACT_TIMESTAMPS_ONLY', 'EXTRACT_REVOCATION_DATA_ONLY', 'EXTRACT_ALL']),
}, ['certificate']);

// ---- the simulator's signatures -------------------------------------------------------------------------------
/** What the container keeps of a signature: enough to recompute the data to sign and verify the value. */
interface Embedded {
	id: string;
	level: string;
	packaging: string;
	digestAlgorithm: string;
	signingDate: number;
	certificate?: string;
	seal?: boolean;
	signedBy: string;
	algorithm: string;
	value: string;
	/** Digest of the signed content when it was signed (DSS: the message-digest / reference digest). */
	documentDigest: string;
	contentLength?: number;
}

interface Params {
	signatureLevel: string;
	signaturePackaging: string;
	digestAlgorithm?: string;
	signingCertificate?: { encodedCertificate: string };
	blevelParams?: { signingDate?: number };
}

const seal: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SEAL_NAME = 'AIFE - Cachet serveur (simulateur)';

const docHash = (digest: string, content: Buffer) => createHash(digest.toLowerCase()).update(content).digest('base64');

/** The bytes the signer's key signs: the DSS "ToBeSigned", here a canonical line over everything that is signed. */
function toBeSigned(e: Pick<Embedded, 'level' | 'packaging' | 'digestAlgorithm' | 'signingDate' | 'certificate' | 'seal'>, content: Buffer): Buffer {
	const signer = e.seal ? 'seal' : createHash('sha256').update(Buffer.from(e.certificate ?? '', 'base64')).digest('hex');
	return Buffer.from([MARK, e.level, e.packaging, e.digestAlgorithm, docHash(e.digestAlgorithm, content), signer, e.signingDate].join('|'), 'utf8');
}

function algorithmParts(algorithm: string): { hash: string; options: { padding?: number; saltLength?: number } } {
	const hash = `sha${/SHA(\d+)/.exec(algorithm)![1]}`;
	if (algorithm.includes('PSS')) return { hash, options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } };
	return { hash, options: {} };
}

const kindOf = (content: Buffer) =>
	content.subarray(0, 4).toString('latin1') === '%PDF' ? 'pdf' : /^\s*</.test(content.subarray(0, 64).toString('utf8')) ? 'xml' : 'other';

function certificateOf(ctx: RouteContext, encoded: string | undefined, what: string): X509Certificate {
	if (!encoded) throw problem(400, 'Requête invalide', `${what} : certificat obligatoire`, ctx.path);
	try {
		return new X509Certificate(Buffer.from(encoded, 'base64'));
	} catch {
		throw problem(400, 'Requête invalide', `${what} : certificat illisible (DER base64 attendu)`, ctx.path);
	}
}

/** DSS's refusals for a document and its parameters. */
function checkParameters(ctx: RouteContext, content: Buffer, params: Params): void {
	if (content.length === 0) throw problem(400, 'Requête invalide', 'toSignDocument.bytes : document vide', ctx.path);
	const kind = kindOf(content);
	if (params.signatureLevel.startsWith('PAdES')) {
		if (kind !== 'pdf') throw problem(400, 'Requête invalide', 'PAdES : le document n\'est pas un PDF', ctx.path);
		if (params.signaturePackaging !== 'ENVELOPED') throw problem(400, 'Requête invalide', `PAdES : conditionnement ${params.signaturePackaging} non supporté`, ctx.path);
	} else if (params.signaturePackaging === 'ENVELOPED' && kind !== 'xml') {
		throw problem(400, 'Requête invalide', 'XAdES enveloppé : le document n\'est pas un XML', ctx.path);
	}
}

function describe(params: Params, now: Date, certificate?: string, isSeal = false): Omit<Embedded, 'algorithm' | 'value' | 'id' | 'signedBy' | 'documentDigest'> {
	return {
		level: params.signatureLevel,
		packaging: params.signaturePackaging,
		digestAlgorithm: params.digestAlgorithm ?? 'SHA256',
		signingDate: params.blevelParams?.signingDate ?? now.getTime(),
		...(isSeal ? { seal: true } : { certificate }),
	};
}

function commonName(cert: X509Certificate): string {
	return /CN=([^\n,]+)/.exec(cert.subject)?.[1]?.trim() ?? cert.subject;
}

/** The signed document: the signature inside the PDF or XML (enveloped), or an XML signature holding or naming it. */
function container(content: Buffer, e: Embedded, name: string): { bytes: Buffer; name: string } {
	const token = Buffer.from(JSON.stringify({ ...e, contentLength: content.length })).toString('base64');
	const base = name.replace(/\.[^.]+$/, '') || 'document';
	const suffix = e.level.toLowerCase().replace(/_/g, '-');
	if (e.packaging === 'ENVELOPED') {
		const tail = kindOf(content) === 'pdf' ? `\n%${MARK} ${token}\n%%EOF\n` : `\n<!--${MARK} ${token}-->\n`;
		return { bytes: Buffer.concat([content, Buffer.from(tail, 'latin1')]), name: `${base}-${suffix}.${kindOf(content) === 'pdf' ? 'pdf' : 'xml'}` };
	}
	const object = e.packaging === 'ENVELOPING' ? `<ds:Object>${content.toString('base64')}</ds:Object>` : '';
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="${e.id}"><ds:SignatureValue>${e.value}</ds:SignatureValue>${object}<!--${MARK} ${token}--></ds:Signature>\n`;
	return { bytes: Buffer.from(xml, 'utf8'), name: `${base}-${suffix}.xml` };
}

interface Found {
	e: Embedded;
	content?: Buffer;
}

function signaturesIn(document: Buffer, originals: Buffer[]): Found[] {
	const text = document.toString('latin1');
	return [...text.matchAll(new RegExp(`${MARK} ([A-Za-z0-9+/=]+)`, 'g'))].map((m) => {
		const e = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as Embedded;
		if (e.packaging === 'ENVELOPED') return { e, content: document.subarray(0, e.contentLength) };
		if (e.packaging === 'ENVELOPING') {
			const inner = /<ds:Object>([A-Za-z0-9+/=]*)<\/ds:Object>/.exec(text);
			return { e, content: inner ? Buffer.from(inner[1], 'base64') : undefined };
		}
		return { e, content: originals[0] };
	});
}

function indicationOf(found: Found): { Indication: string; SubIndication?: string } {
	const { e, content } = found;
	if (!content) return { Indication: 'INDETERMINATE', SubIndication: 'SIGNED_DATA_NOT_FOUND' };
	if (docHash(e.digestAlgorithm, content) !== e.documentDigest) return { Indication: 'TOTAL_FAILED', SubIndication: 'HASH_FAILURE' };
	const data = toBeSigned(e, content);
	const { hash, options } = algorithmParts(e.algorithm);
	const cert = e.seal ? undefined : new X509Certificate(Buffer.from(e.certificate ?? '', 'base64'));
	const key = cert ? cert.publicKey : seal.publicKey;
	const valueOk = (() => {
		try {
			return verify(hash, data, { key, ...options }, Buffer.from(e.value, 'base64'));
		} catch {
			return false;
		}
	})();
	if (!valueOk) return { Indication: 'TOTAL_FAILED', SubIndication: 'SIG_CRYPTO_FAILURE' };
	if (e.seal) return { Indication: 'TOTAL_PASSED' };
	const signedAt = new Date(e.signingDate);
	if (signedAt < new Date(cert!.validFrom) || signedAt > new Date(cert!.validTo)) return { Indication: 'INDETERMINATE', SubIndication: 'OUT_OF_BOUNDS_NO_POE' };
	return { Indication: 'INDETERMINATE', SubIndication: 'NO_CERTIFICATE_CHAIN_FOUND' };
}

const POLICY_XML = `<?xml version="1.0" encoding="UTF-8"?>\n<ConstraintsParameters Name="Politique de vérification AIFE (simulateur)" xmlns="http://dss.esig.europa.eu/validation/policy">\n\t<Description>Signatures PAdES et XAdES ; rapport de validité technique à interpréter par le client.</Description>\n</ConstraintsParameters>\n`;

let serial = 0;

export function register(router: Router, _store: unknown, prefix = E_SIGNATURE_PREFIX): void {
	const api = router.api({ name: 'eSignature', prefix, errorStyle: 'problem' });

	api.get('/policy', () => ({ name: 'politique-verification-signature.xml', bytes: Buffer.from(POLICY_XML, 'utf8').toString('base64') }));

	api.post('/signature/dataToSign', (ctx) => {
		const { toSignDocument, parameters: params } = ctx.body as { toSignDocument: { bytes: string }; parameters: Params };
		const content = Buffer.from(toSignDocument.bytes, 'base64');
		checkParameters(ctx, content, params);
		certificateOf(ctx, params.signingCertificate?.encodedCertificate, 'parameters.signingCertificate');
		const e = describe(params, ctx.now, params.signingCertificate!.encodedCertificate);
		return { bytes: toBeSigned(e, content).toString('base64') };
	}, { schema: DATA_TO_SIGN });

	api.post('/signature/signDocument', (ctx) => {
		const { toSignDocument, parameters: params, signatureValue: value } = ctx.body as {
			toSignDocument: { bytes: string; name?: string };
			parameters: Params;
			signatureValue: { algorithm: string; value: string };
		};
		const content = Buffer.from(toSignDocument.bytes, 'base64');
		checkParameters(ctx, content, params);
		const cert = certificateOf(ctx, params.signingCertificate?.encodedCertificate, 'parameters.signingCertificate');
		// Like DSS, the value is not checked here: a wrong one gives a document whose signature fails verification.
		const e: Embedded = {
			...describe(params, ctx.now, params.signingCertificate!.encodedCertificate),
			id: `S-${++serial}`,
			signedBy: commonName(cert),
			algorithm: value.algorithm,
			value: value.value,
			documentDigest: docHash(params.digestAlgorithm ?? 'SHA256', content),
		};
		const signed = container(content, e, toSignDocument.name ?? 'document');
		return { bytes: signed.bytes.toString('base64'), name: signed.name };
	}, { schema: SIGN_DOCUMENT });

	api.post('/seal/signDocument', (ctx) => {
		const { toSignDocument, parameters: params } = ctx.body as { toSignDocument: { bytes: string; name?: string }; parameters: Params };
		const content = Buffer.from(toSignDocument.bytes, 'base64');
		checkParameters(ctx, content, params);
		const described = describe(params, ctx.now, undefined, true);
		const e: Embedded = {
			...described,
			id: `S-${++serial}`,
			signedBy: SEAL_NAME,
			algorithm: 'RSA_SHA256',
			value: sign('sha256', toBeSigned(described, content), seal.privateKey).toString('base64'),
			documentDigest: docHash(described.digestAlgorithm, content),
		};
		const signed = container(content, e, toSignDocument.name ?? 'document');
		return { bytes: signed.bytes.toString('base64'), name: signed.name };
	}, { schema: SEAL });

	api.post('/reports', (ctx) => {
		const { signedDocument, originalDocuments = [] } = ctx.body as { signedDocument: { bytes: string; name?: string }; originalDocuments?: Array<{ bytes: string }> };
		const document = Buffer.from(signedDocument.bytes, 'base64');
		if (document.length === 0) throw problem(400, 'Requête invalide', 'signedDocument.bytes : document vide', ctx.path);
		const found = signaturesIn(document, originalDocuments.map((d) => Buffer.from(d.bytes, 'base64')));
		const signatures = found.map((f) => ({
			Signature: {
				Id: f.e.id,
				SignatureLevel: { value: f.e.level },
				SignatureFormat: f.e.level,
				SigningTime: new Date(f.e.signingDate).toISOString(),
				SignedBy: f.e.signedBy,
				...indicationOf(f),
			},
		}));
		return {
			simpleReport: {
				validationPolicy: { policyName: 'Politique de vérification AIFE (simulateur)' },
				documentName: signedDocument.name ?? 'document',
				validationTime: ctx.now.toISOString(),
				signaturesCount: signatures.length,
				validSignaturesCount: signatures.filter((s) => s.Signature.Indication === 'TOTAL_PASSED').length,
				signatureOrTimestampOrEvidenceRecord: signatures,
			},
			detailedReport: { signatureOrTimestampOrEvidenceRecord: signatures.map((s) => ({ Signature: { Id: s.Signature.Id, Conclusion: { Indication: s.Signature.Indication, SubIndication: s.Signature.SubIndication } } })) },
			diagnosticData: { documentName: signedDocument.name ?? 'document', validationDate: ctx.now.toISOString(), signatures: found.map((f) => ({ id: f.e.id, signatureFormat: f.e.level, claimedSigningTime: new Date(f.e.signingDate).toISOString() })) },
		};
	}, { schema: VALIDATE });

	api.post('/certificate/verify', (ctx) => {
		const body = ctx.body as { certificate: { encodedCertificate: string }; certificateChain?: Array<{ encodedCertificate: string }>; validationTime?: number };
		const cert = certificateOf(ctx, body.certificate.encodedCertificate, 'certificate');
		const chain = (body.certificateChain ?? []).map((c, i) => certificateOf(ctx, c.encodedCertificate, `certificateChain[${i}]`));
		const at = body.validationTime !== undefined ? new Date(body.validationTime) : ctx.now;
		const inTime = at >= new Date(cert.validFrom) && at <= new Date(cert.validTo);
		const issuerGiven = chain.some((c) => cert.checkIssued(c) && cert.verify(c.publicKey));
		const selfSigned = cert.checkIssued(cert) && cert.verify(cert.publicKey);
		return {
			simpleCertificateReport: {
				validationTime: at.toISOString(),
				chain: [{
					id: `C-${cert.fingerprint256.replace(/:/g, '')}`,
					subject: { commonName: commonName(cert), distinguishedName: cert.subject.replace(/\n/g, ', ') },
					issuerName: cert.issuer.replace(/\n/g, ', '),
					serialNumber: cert.serialNumber,
					notBefore: new Date(cert.validFrom).toISOString(),
					notAfter: new Date(cert.validTo).toISOString(),
					selfSigned,
					issuerProvided: issuerGiven,
					trustAnchors: [],
					Indication: 'INDETERMINATE',
					SubIndication: inTime ? 'NO_CERTIFICATE_CHAIN_FOUND' : 'OUT_OF_BOUNDS_NO_POE',
				}],
			},
			detailedReport: {},
			diagnosticData: { validationDate: at.toISOString(), usedCertificates: [cert, ...chain].map((c) => ({ id: `C-${c.fingerprint256.replace(/:/g, '')}`, subjectDistinguishedName: c.subject.replace(/\n/g, ', ') })) },
		};
	}, { schema: CERTIFICATE });
}
