import { readInputFile, sniffMimeType } from '../../shared/binary';
import { LIMITS } from '../../shared/limits';
import type { Field, Operation } from '../../shared/operation';
import { getPath, setPath } from '../../shared/parameters';
import { certificateDer, remoteCertificates } from './certificates';
import { documentIn, inputError, millisOf } from './common';
import { dssEvidence } from './evidence';

/**
 * Verifying (annex table 4.1: Verification → /policy and /reports; Certificate → /certificate/verify). The AIFE
 * page "Vérifier une signature en mode utilitaire" (communaute.chorus-pro.gouv.fr/documentation/
 * verifier-une-signature-en-mode-utilitaire/) describes the same service behind the web tool: XAdES (XML or any
 * document) and PAdES (PDF) signatures, a detached signature given as a second file, and a technical validity
 * report to interpret. The JSON shapes follow DSS's validation services.
 */

const api = 'eSignature' as const;

const detachedField: Field = {
	name: 'originalBinaryPropertyName',
	label: 'Signed Content Binary Field',
	type: 'string',
	in: 'none',
	placeholder: 'original',
	description: 'For a detached signature: the binary field holding the signed file itself (originalDocuments)',
};

const validationTime: Field = {
	name: 'validationTime',
	label: 'Validation Time',
	type: 'string',
	in: 'none',
	description: 'Check the certificate as of this date (epoch milliseconds or ISO 8601); now when empty (validationTime)',
};

const chainField: Field = {
	name: 'certificateChain',
	label: 'Certificate Chain',
	type: 'string',
	in: 'none',
	description: 'Issuer certificates the service may lack, PEM bundle or base64 values separated by commas (certificateChain)',
};

export const verificationOperations: Operation[] = [
	{
		resource: 'verification',
		operation: 'getPolicy',
		name: 'Get Policy',
		action: 'Get the signature verification policy',
		description: 'The rules the service checks signatures against, as a file (politique vérification signature)',
		api,
		method: 'GET',
		path: '/policy',
		fields: [],
		mutates: false,
		binaryOut: {
			contentKey: 'bytes',
			fileName: (_params, response) => (typeof response.name === 'string' && response.name.trim() ? response.name.trim() : 'signature-policy.xml'),
			mimeType: (_params, _response, bytes) => sniffMimeType(bytes).mimeType,
		},
		evidence: dssEvidence('Verification / Politique vérification signature', 'a validation policy is a RemoteDocument {bytes, name} (an XML constraints file) in DataToValidateDTO.policy', 'Method (GET) and answer shape are our reading: DSS passes policies as documents, the annex only names the resource.'),
	},
	{
		resource: 'verification',
		operation: 'verify',
		name: 'Verify Signed Document',
		action: 'Verify the signatures of a document',
		description: 'Verify the signatures of a signed file and get the verification reports (vérification signature et génération rapports)',
		api,
		method: 'POST',
		path: '/reports',
		fields: [detachedField],
		mutates: false,
		binaryIn: documentIn('signedDocument'),
		hooks: {
			// Special: a second, optional input file (the original of a detached signature).
			prepare: async (ctx, request) => {
				if (ctx.params.originalBinaryPropertyName === undefined) return;
				const original = await readInputFile(ctx.fn, ctx.itemIndex, String(ctx.params.originalBinaryPropertyName), documentIn('signedDocument'));
				setPath(request.body, 'originalDocuments', [{ bytes: original.base64, name: original.fileName }]);
			},
		},
		evidence: dssEvidence('Verification / Vérification signature et génération rapports vérification', 'RestDocumentValidationService.validateSignature, DataToValidateDTO {signedDocument, originalDocuments, policy}, answer WSReportsDTO {simpleReport, detailedReport, diagnosticData}'),
	},
	{
		resource: 'certificate',
		operation: 'verify',
		name: 'Verify Certificate',
		action: 'Verify a certificate',
		description: 'Check a certificate (validity, chain, revocation) from a .cer, .crt or .pem file (vérification des certificats)',
		api,
		method: 'POST',
		path: '/certificate/verify',
		fields: [validationTime, chainField],
		mutates: false,
		binaryIn: { contentKey: 'certificate.encodedCertificate', maxBytes: LIMITS.certificateBytes, limitLabel: '1 MB per certificate' },
		hooks: {
			// Special: the file may be PEM or DER; the API wants base64 DER. Checked here, before anything is sent.
			prepare: (ctx, request) => {
				const der = certificateDer(Buffer.from(String(getPath(request.body, 'certificate.encodedCertificate')), 'base64'));
				if (!der) throw inputError(ctx, 'binaryPropertyName', 'the file is not an X.509 certificate (expected .cer/.crt DER or PEM)');
				setPath(request.body, 'certificate.encodedCertificate', der.toString('base64'));
				if (ctx.params.certificateChain !== undefined) {
					const chain = remoteCertificates(String(ctx.params.certificateChain));
					if (!chain) throw inputError(ctx, 'certificateChain', 'one of the values is not an X.509 certificate');
					request.body.certificateChain = chain;
				}
				if (ctx.params.validationTime !== undefined) request.body.validationTime = millisOf(ctx, 'validationTime');
			},
		},
		evidence: dssEvidence('Certificate / Vérification des certificats', 'RestCertificateValidationService.validateCertificate, CertificateToValidateDTO {certificate: RemoteCertificate {encodedCertificate}, certificateChain, validationTime}, answer CertificateReportsDTO'),
	},
];
