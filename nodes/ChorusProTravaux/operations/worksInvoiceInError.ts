import { LIMITS } from '../../shared/limits';
import type { Operation } from '../../shared/operation';
import { comment, integerField, textField, worksStatusChange } from './fields';

/**
 * "Process a works invoice in error" group of table 4.1: the supplier fixes a piece that was suspended,
 * sent to the wrong project manager or validator, or sent back for recycling.
 */
const resource = 'worksInvoiceInError';

const fix = worksStatusChange(resource);

export const worksInvoiceInErrorOperations: Operation[] = [
	fix(
		'complete',
		'Complete',
		'Complete a suspended works invoice',
		'Add the documents or the comment asked for on a works invoice waiting for completion (completer)',
		'/completer',
		[
			comment(false, 'Answer to the request (commentaire)'),
			{
				name: 'listePiecesJointes',
				label: 'Attachment IDs',
				type: 'idList',
				itemKey: 'pieceJointeId',
				placeholder: 'e.g. 7412589, 7412590',
				description: 'pieceJointeId values of files uploaded with Transverse → Attachment → Add File (listePiecesJointes)',
			},
		],
	),
	fix(
		'completeMoe',
		'Complete Project Manager',
		'Set the project manager of a works invoice',
		'Give the project manager (MOE) structure of a works invoice sent without one or to a wrong one (completermoe)',
		'/completermoe',
		[
			integerField('idStructureMoe', 'Project Manager Structure ID', 'idStructureMoe', { required: true }),
			integerField('idServiceMoe', 'Project Manager Service ID', 'idServiceMoe'),
		],
	),
	fix(
		'completeMoeService',
		'Complete Project Manager Service',
		'Set the project manager service of a works invoice',
		'Give the service of the project manager (MOE) when it is required or was wrong (completerservicemoe)',
		'/completerservicemoe',
		[integerField('idServiceMoe', 'Project Manager Service ID', 'idServiceMoe', { required: true })],
	),
	fix(
		'correctValidator',
		'Correct Validator',
		'Correct the validator of a works invoice',
		'Send a sub-contractor statement to the right validator (corriger/valideur)',
		'/corriger/valideur',
		[
			integerField('idStructureValideur', 'Validator Structure ID', 'idStructureValideur', { required: true }),
			integerField('idServiceValideur', 'Validator Service ID', 'idServiceValideur'),
		],
	),
	fix(
		'recycle',
		'Recycle',
		'Recycle a works invoice',
		'Re-route a works invoice sent back for recycling: new recipient, service or purchase order (recycler)',
		'/recycler',
		[
			textField('identifiantDestinataire', 'Recipient SIRET', 'identifiantDestinataire', { check: 'siret' }),
			textField('codeServiceExecutant', 'Recipient Service Code', 'codeServiceExecutant'),
			textField('numeroBonCommande', 'Purchase Order Number', 'numeroBonCommande (commitment number)', { maxLength: LIMITS.commitmentNumberLength }),
		],
	),
];
