import { setPath } from '../../shared/parameters';
import type { Operation, Resource } from '../../shared/operation';
import { api, inputError } from './common';
import { dssEvidence } from './evidence';
import {
	certificateChain,
	checkDocumentFits,
	digest,
	documentToSign,
	evidenceModel,
	level,
	packaging,
	setSigner,
	signedOut,
	signingCertificate,
	SIGNING_DATE_OR_NOW,
	SIGNING_DATE_RETURNED,
} from './signing';

/** A personal signature (annex table 4.1: Signature → /signature/dataToSign and /signature/signDocument). */
export const signatureOperations: Operation[] = [
	{
		resource: 'signature',
		operation: 'getDataToSign',
		name: 'Get Data to Sign',
		action: 'Compute the data to sign for a document',
		description: 'Step 1 of a personal signature: the bytes your private key must sign (calculer la donnée à signer)',
		api,
		method: 'POST',
		path: '/signature/dataToSign',
		fields: [level, packaging, digest, signingCertificate, SIGNING_DATE_OR_NOW, certificateChain],
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
			SIGNING_DATE_RETURNED,
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

export const signatureResource: Resource = { name: 'Signature', value: 'signature', description: 'Sign documents with your own certificate, in two calls around your signing device' };
