import type { Operation, Resource } from '../../shared/operation';
import { api } from './common';
import { dssEvidence } from './evidence';
import { checkDocumentFits, digest, documentToSign, evidenceModel, level, packaging, signedOut } from './signing';

/** The platform seal (annex table 4.1: Cachet → /seal/signDocument), applied with the platform's own key. */
export const sealOperations: Operation[] = [
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
];

export const sealResource: Resource = { name: 'Seal', value: 'seal', description: 'Seal documents with the platform seal (cachet)' };
