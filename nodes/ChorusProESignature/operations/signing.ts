import type { IDataObject } from 'n8n-workflow';

import { sniffMimeType } from '../../shared/binary';
import type { BinaryOutput, BuiltRequest, Field, OperationContext, OptionValue } from '../../shared/operation';
import { oneOf, text } from '../../shared/fields';
import { getPath, setPath } from '../../shared/parameters';
import { certificateDer, remoteCertificates } from './x509';
import { documentIn, inputError, millisOf } from './common';

/**
 * Creating signatures (annex table 4.1: Cachet → /seal/signDocument; Signature → /signature/dataToSign and
 * /signature/signDocument). A seal is applied by the platform with its own key. A personal signature takes three
 * steps, as in DSS: the API computes the data to sign from the document, your certificate and a signing date; you
 * sign those bytes with your private key (smart card, HSM: outside n8n); the API builds the signed document from
 * the same document, certificate, date and the signature value. Nothing is filed, so nothing here "mutates".
 * What the seal (seal.ts) and the signature (signature.ts) share.
 */

const LEVELS: OptionValue[] = ['B', 'T', 'LT', 'LTA'].flatMap((level) => [
	{ name: `PAdES Baseline ${level} (Inside the PDF)`, value: `PAdES_BASELINE_${level}` },
	{ name: `XAdES Baseline ${level} (XML Signature, Any File)`, value: `XAdES_BASELINE_${level}` },
]);

export const level: Field = {
	name: 'signatureLevel',
	label: 'Signature Level',
	type: 'options',
	required: true,
	key: 'parameters.signatureLevel',
	options: LEVELS,
	default: 'PAdES_BASELINE_B',
	description: 'Format and level (signatureLevel). PAdES is embedded in a PDF; XAdES signs XML or any file. The AIFE service verifies PAdES and XAdES.',
};

const PACKAGINGS = [
	{ name: 'Enveloped (Signature Inside the Document)', value: 'ENVELOPED' },
	{ name: 'Enveloping (Document Inside the Signature)', value: 'ENVELOPING' },
	{ name: 'Detached (Signature File Apart)', value: 'DETACHED' },
];

export const packaging: Field = oneOf('signaturePackaging', 'Signature Packaging', PACKAGINGS, {
	required: true,
	key: 'parameters.signaturePackaging',
	default: 'ENVELOPED',
	description: 'Where the signature goes (signaturePackaging); PAdES is always enveloped',
});

export const digest: Field = {
	name: 'digestAlgorithm',
	label: 'Digest Algorithm',
	type: 'options',
	required: true,
	key: 'parameters.digestAlgorithm',
	options: ['SHA256', 'SHA384', 'SHA512'],
	default: 'SHA256',
	description: 'Hash of the document and signed attributes (digestAlgorithm)',
};

export const signingCertificate: Field = {
	name: 'signingCertificate',
	label: 'Signing Certificate',
	type: 'string',
	in: 'none',
	required: true,
	placeholder: '-----BEGIN CERTIFICATE----- …',
	description: 'Your qualified signature certificate, PEM or base64 DER (parameters.signingCertificate). The private key stays with you.',
};

export const certificateChain: Field = {
	name: 'certificateChain',
	label: 'Certificate Chain',
	type: 'string',
	in: 'none',
	description: 'Issuer certificates, PEM bundle or base64 values separated by commas (parameters.certificateChain)',
};

const SIGNING_DATE = text('signingDate', 'Signing Date', { in: 'none', top: true, placeholder: '1735689600000' });

/** Step 1: the signing date to sign with, now by default; step 3 must send back the one step 1 returned. */
export const SIGNING_DATE_OR_NOW: Field = {
	...SIGNING_DATE,
	description: 'Epoch milliseconds or ISO 8601 (parameters.blevelParams.signingDate); now when empty. Pass the returned signingDate to "Sign Document".',
};
export const SIGNING_DATE_RETURNED: Field = {
	...SIGNING_DATE,
	required: true,
	description: 'The signingDate that "Get Data to Sign" returned (epoch milliseconds or ISO 8601): it must be the same in both steps',
};

export const documentToSign = documentIn('toSignDocument');

function signedName(params: IDataObject, response: IDataObject): string {
	if (typeof response.name === 'string' && response.name.trim()) return response.name.trim();
	const { extension } = sniffMimeType(Buffer.from(String(response.bytes ?? '').slice(0, 88), 'base64'));
	return `${String(params.signatureLevel).toLowerCase()}-signed.${extension}`;
}

export const signedOut: BinaryOutput = {
	contentKey: 'bytes',
	fileName: signedName,
	mimeType: (_params, _response, bytes) => sniffMimeType(bytes).mimeType,
};

/** What DSS refuses for the document: PAdES needs a PDF and is enveloped; an enveloped XAdES needs an XML document. */
export function checkDocumentFits(ctx: OperationContext, request: BuiltRequest): void {
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
export function setSigner(ctx: OperationContext, request: BuiltRequest): number {
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

export const evidenceModel = 'RestDocumentSignatureService (getDataToSign, signDocument), SignOneDocumentDTO {toSignDocument, parameters, signatureValue}, RemoteSignatureParameters, RemoteDocument {bytes, name}';
