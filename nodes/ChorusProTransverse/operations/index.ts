import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { attachmentOperations } from './attachment';
import { fluxReportOperations } from './fluxReport';
import { healthOperations } from './health';
import { myAccountOperations } from './myAccount';
import { recipientOperations } from './recipient';
import { recipientDirectoryOperations } from './recipientDirectory';
import { referentialOperations } from './referential';
import { structureOperations } from './structure';
import { transverseEvidence } from './evidence';

export const transverseResources: Resource[] = [
	{ name: 'Attachment', value: 'attachment', description: 'Upload, search and download files (pièces jointes)' },
	{ name: 'Flux Report', value: 'fluxReport', description: 'Follow a deposited flux (compte rendu)' },
	{ name: 'Health', value: 'health', description: 'Check that Chorus Pro answers' },
	{ name: 'My Account', value: 'myAccount', description: 'Structures your technical account is attached to (rattachements)' },
	{ name: 'Recipient', value: 'recipient', description: 'Find the public structures you can invoice (destinataires)' },
	{ name: 'Recipient Directory', value: 'recipientDirectory', description: 'The public directory of recipients as a file (annuaire)' },
	{ name: 'Referential', value: 'referential', description: 'Reference lists: currencies, VAT rates, frameworks… (référentiels)' },
	{ name: 'Structure', value: 'structure', description: 'Structures, their services and parameters (structures)' },
];

/** Every operation of the node: the coverage test lists them. */
export const transverseOperations: Operation[] = withEvidence(
	[
		[attachmentOperations, fluxReportOperations, healthOperations, myAccountOperations],
		[recipientOperations, recipientDirectoryOperations, referentialOperations, structureOperations],
	].flat(2),
	transverseEvidence,
);
