import { readInputFile, sniffMimeType } from '../../shared/binary';
import type { Field, Operation, Resource } from '../../shared/operation';
import { setPath } from '../../shared/parameters';
import { api, documentIn } from './common';
import { dssEvidence } from './evidence';

/**
 * Verifying signatures (annex table 4.1: Verification → /policy and /reports). The AIFE
 * page "Vérifier une signature en mode utilitaire" (communaute.chorus-pro.gouv.fr/documentation/
 * verifier-une-signature-en-mode-utilitaire/) describes the same service behind the web tool: XAdES (XML or any
 * document) and PAdES (PDF) signatures, a detached signature given as a second file, and a technical validity
 * report to interpret. The JSON shapes follow DSS's validation services.
 */

const detachedField: Field = {
	name: 'originalBinaryPropertyName',
	label: 'Signed Content Binary Field',
	type: 'string',
	in: 'none',
	placeholder: 'original',
	description: 'For a detached signature: the binary field holding the signed file itself (originalDocuments)',
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
];

export const verificationResource: Resource = { name: 'Verification', value: 'verification', description: 'Verify signed documents and read the verification policy' };
