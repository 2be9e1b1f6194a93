import type { Operation, Resource } from '../../shared/operation';
import { commitmentAttachmentOperations } from './commitmentAttachment';
import { commitmentOperations } from './commitment';
import { annexPath } from './fields';

export const engagementsResources: Resource[] = [
	{ name: 'Engagement (Commitment)', value: 'commitment', description: 'Commitments (engagements juridiques): purchase orders, contracts' },
	{ name: 'Commitment Attachment', value: 'commitmentAttachment', description: 'Files of commitments (pièces jointes)' },
	{ name: 'Health', value: 'health', description: 'Check that the Engagements API answers' },
];

const health: Operation = {
	resource: 'health',
	operation: 'check',
	name: 'Check',
	action: 'Check that the Engagements API is available',
	description: 'Availability of the Engagements API with your credential (GET engagement/healthcheck)',
	api: 'engagements',
	method: 'GET',
	path: '/engagement/healthcheck',
	mutates: false,
	fields: [],
	evidence: annexPath('Prefix not published (our reading); GET and the answer are ours.'),
};

/** Every operation of the node: the coverage test lists them. */
export const engagementsOperations: Operation[] = [...commitmentOperations, ...commitmentAttachmentOperations, health];
