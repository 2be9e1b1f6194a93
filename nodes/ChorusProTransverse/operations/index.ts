import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { attachmentOperations, attachmentResource } from './attachment';
import { fluxReportOperations, fluxReportResource } from './fluxReport';
import { healthOperations, healthResource } from './health';
import { myAccountOperations, myAccountResource } from './myAccount';
import { recipientOperations, recipientResource } from './recipient';
import { recipientDirectoryOperations, recipientDirectoryResource } from './recipientDirectory';
import { referentialOperations, referentialResource } from './referential';
import { structureOperations, structureResource } from './structure';
import { transverseEvidence } from './evidence';

export const transverseResources: Resource[] = [
	attachmentResource,
	fluxReportResource,
	healthResource,
	myAccountResource,
	recipientResource,
	recipientDirectoryResource,
	referentialResource,
	structureResource,
];

/** Every operation of the node: the coverage test lists them. */
export const transverseOperations: Operation[] = withEvidence(
	[
		[attachmentOperations, fluxReportOperations, healthOperations, myAccountOperations],
		[recipientOperations, recipientDirectoryOperations, referentialOperations, structureOperations],
	].flat(2),
	transverseEvidence,
);
