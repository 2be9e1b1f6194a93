import { LIMITS } from '../../shared/limits';
import type { Operation, Resource } from '../../shared/operation';
import { comment, integer, PICK, text } from '../../shared/fields';
import { WORKS_STATUS_CHANGE, worksInvoiceId } from './worksInvoice';

/**
 * "Process a works invoice in error" group of table 4.1: the supplier fixes a piece that was suspended,
 * sent to the wrong project manager or validator, or sent back for recycling.
 */
const resource = 'worksInvoiceInError';

export const worksInvoiceInErrorOperations: Operation[] = [
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'complete',
		name: 'Complete',
		action: 'Complete a suspended works invoice',
		description: 'Add the documents or the comment asked for on a works invoice waiting for completion (completer)',
		path: '/completer',
		fields: [
			worksInvoiceId,
			comment({ description: 'Answer to the request (commentaire)' }),
			{
				name: 'listePiecesJointes',
				label: 'Attachment IDs',
				type: 'idList',
				itemKey: 'pieceJointeId',
				placeholder: 'e.g. 7412589, 7412590',
				description: 'pieceJointeId values of files uploaded with Transverse → Attachment → Add File (listePiecesJointes)',
			},
		],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'completeMoe',
		name: 'Complete Project Manager',
		action: 'Set the project manager of a works invoice',
		description: 'Give the project manager (MOE) structure of a works invoice sent without one or to a wrong one (completermoe)',
		path: '/completermoe',
		fields: [
			worksInvoiceId,
			integer('idStructureMoe', 'Project Manager Structure ID', { locator: PICK.anyStructure, description: 'idStructureMoe', required: true }),
			integer('idServiceMoe', 'Project Manager Service ID', { locator: PICK.projectManagerService, description: 'idServiceMoe' }),
		],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'completeMoeService',
		name: 'Complete Project Manager Service',
		action: 'Set the project manager service of a works invoice',
		description: 'Give the service of the project manager (MOE) when it is required or was wrong (completerservicemoe)',
		path: '/completerservicemoe',
		fields: [worksInvoiceId, integer('idServiceMoe', 'Project Manager Service ID', { description: 'idServiceMoe', required: true })],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'correctValidator',
		name: 'Correct Validator',
		action: 'Correct the validator of a works invoice',
		description: 'Send a sub-contractor statement to the right validator (corriger/valideur)',
		path: '/corriger/valideur',
		fields: [
			worksInvoiceId,
			integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.anyStructure, description: 'idStructureValideur', required: true }),
			integer('idServiceValideur', 'Validator Service ID', { description: 'idServiceValideur' }),
		],
	},
	{
		...WORKS_STATUS_CHANGE,
		resource,
		operation: 'recycle',
		name: 'Recycle',
		action: 'Recycle a works invoice',
		description: 'Re-route a works invoice sent back for recycling: new recipient, service or purchase order (recycler)',
		path: '/recycler',
		fields: [
			worksInvoiceId,
			text('identifiantDestinataire', 'Recipient SIRET', { description: 'identifiantDestinataire', check: 'siret' }),
			text('codeServiceExecutant', 'Recipient Service Code', { description: 'codeServiceExecutant' }),
			text('numeroBonCommande', 'Purchase Order Number', { description: 'numeroBonCommande (commitment number)', maxLength: LIMITS.commitmentNumberLength }),
		],
	},
];

export const worksInvoiceInErrorResource: Resource = { name: 'Works Invoice in Error', value: resource, description: 'Complete, re-route or correct a works invoice you issued' };
