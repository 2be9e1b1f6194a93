import type { Operation, Resource } from '../../shared/operation';
import { certificateOperations } from './certificate';
import { sealOperations } from './seal';
import { signatureOperations } from './signature';
import { verificationOperations } from './verification';

/** The resources follow the "Fonctionnalité" column of the annex's table 4.1 for the E-signature API. */
export const eSignatureResources: Resource[] = [
	{ name: 'Verification', value: 'verification', description: 'Verify signed documents and read the verification policy' },
	{ name: 'Certificate', value: 'certificate', description: 'Verify certificates' },
	{ name: 'Seal', value: 'seal', description: 'Seal documents with the platform seal (cachet)' },
	{ name: 'Signature', value: 'signature', description: 'Sign documents with your own certificate, in two calls around your signing device' },
];

/** Every operation of the E-Signature node. */
export const eSignatureOperations: Operation[] = [
	...verificationOperations,
	...certificateOperations,
	...sealOperations,
	...signatureOperations,
];
