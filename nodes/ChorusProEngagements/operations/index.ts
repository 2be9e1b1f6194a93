import type { Operation, Resource } from '../../shared/operation';
import { commitmentAttachmentOperations } from './commitmentAttachment';
import { commitmentOperations } from './commitment';
import { healthOperations } from './health';

export const engagementsResources: Resource[] = [
	{ name: 'Engagement (Commitment)', value: 'commitment', description: 'Commitments (engagements juridiques): purchase orders, contracts' },
	{ name: 'Commitment Attachment', value: 'commitmentAttachment', description: 'Files of commitments (pièces jointes)' },
	{ name: 'Health', value: 'health', description: 'Check that the Engagements API answers' },
];

/** Every operation of the node: the coverage test lists them. */
export const engagementsOperations: Operation[] = [...commitmentOperations, ...commitmentAttachmentOperations, ...healthOperations];
