import type { Operation, Resource } from '../../shared/operation';
import { certificateOperations, certificateResource } from './certificate';
import { sealOperations, sealResource } from './seal';
import { signatureOperations, signatureResource } from './signature';
import { verificationOperations, verificationResource } from './verification';

/** The resources follow the "Fonctionnalité" column of the annex's table 4.1 for the E-signature API. */
export const eSignatureResources: Resource[] = [
	verificationResource,
	certificateResource,
	sealResource,
	signatureResource,
];

/** Every operation of the E-Signature node. */
export const eSignatureOperations: Operation[] = [
	...verificationOperations,
	...certificateOperations,
	...sealOperations,
	...signatureOperations,
];
