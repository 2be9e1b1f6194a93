import type { IDataObject } from 'n8n-workflow';

import { sniffMimeType } from '../../shared/binary';
import type { BinaryOutput, BuiltRequest, Field, Operation, OperationContext, OptionValue } from '../../shared/operation';
import { getPath, setPath } from '../../shared/parameters';
import { certificateDer, remoteCertificates } from './certificates';
import { documentIn, inputError, millisOf } from './common';
import { dssEvidence } from './evidence';

/**
 * Creating signatures (annex table 4.1: Cachet → /seal/signDocument; Signature → /signature/dataToSign and
 * /signature/signDocument). A seal is applied by the platform with its own key. A personal signature takes three
 * steps, as in DSS: the API computes the data to sign from the document, your certificate and a signing date; you
 * sign those bytes with your private key (smart card, HSM: outside n8n); the API builds the signed document from
 * the same document, certificate, date and the signature value. Nothing is filed, so nothing here "mutates".
 */

const api = 'eSignature' as const;

const LEVELS: OptionValue[] = ['B', 'T', 'LT', 'LTA'].flatMap((level) => [
	{ name: `PAdES Baseline ${level} (Inside the PDF)`, value: `PAdES_BASELINE_${level}` },
	{ name: `XAdES Baseline ${level} (XML Signature, Any File)`, value: `XAdES_BASELINE_${level}` },
]);

const level: Field = {
	name: 'signatureLevel',
	label: 'Signature Level',
	type: 'options',
	required: true,
	key: 'parameters.signatureLevel',
	options: LEVELS,
	default: 'PAdES_BASELINE_B',
	description: 'Format and level (signatureLevel). PAdES is embedded in a PDF; XAdES signs XML or any file. The AIFE service verifies PAdES and XAdES.',
};

const packaging: Field = {
	name: 'signaturePackaging',
	label: 'Signature Packaging',
	type: 'options',
	required: true,
	key: 'parameters.signaturePackaging',
	options: [
		{ name: 'Enveloped (Signature Inside the Document)', value: 'ENVELOPED' },
		{ name: 'Enveloping (Document Inside the Signature)', value: 'ENVELOPING' },
		{ name: 'Detached (Signature File Apart)', value: 'DETACHED' },
	],
	default: 'ENVELOPED',
	description: 'Where the signature goes (signaturePackaging); PAdES is always enveloped',
};

const digest: Field = {
	name: 'digestAlgorithm',
	label: 'Digest Algorithm',
	type: 'options',
	required: true,
	key: 'parameters.digestAlgorithm',
	options: ['SHA256', 'SHA384', 'SHA512'],
	default: 'SHA256',
	description: 'Hash of the document and signed attributes (digestAlgorithm)',
};

const signingCertificate: Field = {
	name: 'signingCertificate',
	label: 'Signing Certificate',
	type: 'string',
	in: 'none',
	required: true,
	placeholder: '-----BEGIN CERTIFICATE----- …',
	description: 'Your qualified signature certificate, PEM or base64 DER (parameters.signingCertificate). The private key stays with you.',
};

const certificateChain: Field = {
	name: 'certificateChain',
	label: 'Certificate Chain',
	type: 'string',
	in: 'none',
	description: 'Issuer certificates, PEM bundle or base64 values separated by commas (parameters.certificateChain)',
};

const signingDate = (required: boolean): Field => ({
	name: 'signingDate',
	label: 'Signing Date',
	type: 'string',
	in: 'none',
	required,
	top: true,
	placeholder: '1735689600000',
	description: required
		? 'The signingDate that "Get Data to Sign" returned (epoch milliseconds or ISO 8601): it must be the same in both steps'
		: 'Epoch milliseconds or ISO 8601 (parameters.blevelParams.signingDate); now when empty. Pass the returned signingDate to "Sign Document".',
});

const documentToSign = documentIn('toSignDocument');

function signedName(params: IDataObject, response: IDataObject): string {
	if (typeof response.name === 'string' && response.name.trim()) return response.name.trim();
	const { extension } = sniffMimeType(Buffer.from(String(response.bytes ?? '').slice(0, 88), 'base64'));
	return `${String(params.signatureLevel).toLowerCase()}-signed.${extension}`;
}

const signedOut: BinaryOutput = {
	contentKey: 'bytes',
	fileName: signedName,
	mimeType: (_params, _response, bytes) => sniffMimeType(bytes).mimeType,
};

/** What DSS refuses for the document: PAdES needs a PDF and is enveloped; an enveloped XAdES needs an XML document. */
function checkDocumentFits(ctx: OperationContext, request: BuiltRequest): void {
	const head = Buffer.from(String(getPath(request.body, 'toSignDocument.bytes') ?? '').slice(0, 88), 'base64');
	const kind = sniffMimeType(head).mimeType;
	const chosen = String(ctx.params.signatureLevel);
	const how = String(ctx.params.signaturePackaging);
	if (chosen.startsWith('PAdES') && kind !== 'application/pdf') {
		throw inputError(ctx, 'signatureLevel', `a PAdES signature goes inside a PDF, and the input file is ${kind}; choose XAdES`);
	}
	if (chosen.startsWith('PAdES') && how !== 'ENVELOPED') {
		throw inputError(ctx, 'signaturePackaging', 'a PAdES signature is always enveloped');
	}
	if (chosen.startsWith('XAdES') && how === 'ENVELOPED' && kind !== 'application/xml') {
		throw inputError(ctx, 'signaturePackaging', `an enveloped XAdES signature goes inside an XML document, and the input file is ${kind}; choose Enveloping or Detached`);
	}
}

/** The signer's certificate, its chain and the signing date, in DSS's `parameters` (checked first). */
function setSigner(ctx: OperationContext, request: BuiltRequest): number {
	const der = certificateDer(String(ctx.params.signingCertificate));
	if (!der) throw inputError(ctx, 'signingCertificate', 'not an X.509 certificate (expected PEM or base64 DER)');
	setPath(request.body, 'parameters.signingCertificate', { encodedCertificate: der.toString('base64') });
	if (ctx.params.certificateChain !== undefined) {
		const chain = remoteCertificates(String(ctx.params.certificateChain));
		if (!chain) throw inputError(ctx, 'certificateChain', 'one of the values is not an X.509 certificate');
		setPath(request.body, 'parameters.certificateChain', chain);
	}
	// Whole seconds: the signed attributes of PAdES and XAdES carry the signing time to the second.
	const date = ctx.params.signingDate === undefined ? Math.floor(Date.now() / 1000) * 1000 : millisOf(ctx, 'signingDate');
	setPath(request.body, 'parameters.blevelParams.signingDate', date);
	return date;
}

const evidenceModel = 'RestDocumentSignatureService (getDataToSign, signDocument), SignOneDocumentDTO {toSignDocument, parameters, signatureValue}, RemoteSignatureParameters, RemoteDocument {bytes, name}';

export const signingOperations: Operation[] = [
	{
		resource: 'seal',
		operation: 'signDocument',
		name: 'Seal Document',
		action: 'Seal a document with the platform seal',
		description: 'Sign a document with the server seal (signer avec cachet); the signed file comes back as binary',
		api,
		method: 'POST',
		path: '/seal/signDocument',
		fields: [level, packaging, digest],
		mutates: false,
		binaryIn: documentToSign,
		binaryOut: signedOut,
		// Special: whether the level and packaging fit depends on the file's content (PDF or XML).
		hooks: { prepare: checkDocumentFits },
		evidence: dssEvidence('Cachet / Signer avec cachet', `${evidenceModel}; the seal's key stays on the server, so no certificate or signature value is sent`),
	},
	{
		resource: 'signature',
		operation: 'getDataToSign',
		name: 'Get Data to Sign',
		action: 'Compute the data to sign for a document',
		description: 'Step 1 of a personal signature: the bytes your private key must sign (calculer la donnée à signer)',
		api,
		method: 'POST',
		path: '/signature/dataToSign',
		fields: [level, packaging, digest, signingCertificate, signingDate(false), certificateChain],
		mutates: false,
		binaryIn: documentToSign,
		hooks: {
			// Special: the file's content decides what fits, certificates are decoded, the date defaults to now.
			prepare: (ctx, request) => {
				checkDocumentFits(ctx, request);
				ctx.params.signingDate = setSigner(ctx, request);
			},
			// The date is part of what gets signed: the next step needs it back.
			output: (ctx, response) => [{ json: { ...response, signingDate: ctx.params.signingDate } }],
		},
		evidence: dssEvidence('Signature / Calculer la donnée à signer', `${evidenceModel}; answer ToBeSignedDTO {bytes}`),
	},
	{
		resource: 'signature',
		operation: 'signDocument',
		name: 'Sign Document',
		action: 'Build the signed document from a signature value',
		description: 'Step 3 of a personal signature: the same document, certificate and date, plus your signature value (signer document)',
		api,
		method: 'POST',
		path: '/signature/signDocument',
		fields: [
			level,
			packaging,
			digest,
			signingCertificate,
			signingDate(true),
			{ name: 'signatureValue', label: 'Signature Value', type: 'string', required: true, key: 'signatureValue.value', description: 'Base64 of what your private key produced over the data to sign (signatureValue.value)' },
			{
				name: 'signatureAlgorithm',
				label: 'Signature Algorithm',
				type: 'options',
				required: true,
				key: 'signatureValue.algorithm',
				options: ['RSA_SHA256', 'RSA_SHA384', 'RSA_SHA512', 'RSA_SSA_PSS_SHA256_MGF1', 'RSA_SSA_PSS_SHA384_MGF1', 'RSA_SSA_PSS_SHA512_MGF1', 'ECDSA_SHA256', 'ECDSA_SHA384', 'ECDSA_SHA512'],
				default: 'RSA_SHA256',
				description: 'Algorithm your key signed with (signatureValue.algorithm)',
			},
			certificateChain,
		],
		mutates: false,
		binaryIn: documentToSign,
		binaryOut: signedOut,
		hooks: {
			// Special: the file's content decides what fits, certificates are decoded, the signature is base64.
			prepare: (ctx, request) => {
				checkDocumentFits(ctx, request);
				setSigner(ctx, request);
				const value = String(ctx.params.signatureValue).replace(/\s+/g, '');
				if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) throw inputError(ctx, 'signatureValue', 'not base64');
				setPath(request.body, 'signatureValue.value', value);
			},
		},
		evidence: dssEvidence('Signature / Signer document', `${evidenceModel}; answer RemoteDocument {bytes, name}`),
	},
];
