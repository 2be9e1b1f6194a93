import type { IDataObject } from 'n8n-workflow';

import { sniffMimeType } from '../../shared/binary';
import { ATTACHMENT_EXTENSIONS, LIMITS } from '../../shared/limits';
import type { BinaryOutput, Operation, Resource } from '../../shared/operation';
import { annexPath } from './commitmentModel';

/**
 * Files of commitments (table 4.1 "Pièce jointe"). Files travel as base64 in JSON like everywhere on Chorus
 * Pro (docs/api-notes.md §13.1): answers carry `fichier`, `nomFichier`, `typeMime`. Choices where the table gives only a path:
 * "Télécharger engagement" is GET /piece-jointe/ with the commitment id as query parameter `idEngagement`;
 * "Télécharger pièce jointe" is GET /piece-jointe/{id}; "Ajouter pièce jointe" is POST /piece-jointe.
 */
const resource = 'commitmentAttachment';

const fileOut: BinaryOutput = {
	contentKey: 'fichier',
	fileName: (params: IDataObject, response: IDataObject) =>
		typeof response.nomFichier === 'string' && response.nomFichier
			? response.nomFichier
			: `engagement_${String(params.idEngagement ?? params.id)}.${sniffMimeType(Buffer.from(String(response.fichier ?? '').slice(0, 16), 'base64')).extension}`,
	mimeType: (_params, response, bytes) =>
		typeof response.typeMime === 'string' && response.typeMime ? response.typeMime : sniffMimeType(bytes).mimeType,
};

export const commitmentAttachmentOperations: Operation[] = [
	{
		resource,
		operation: 'downloadCommitment',
		name: 'Download Commitment',
		action: 'Download the commitment document',
		description: 'The commitment itself (purchase order) as a file (GET piece-jointe/)',
		api: 'engagements',
		method: 'GET',
		path: '/piece-jointe/',
		mutates: false,
		fields: [
			{ name: 'idEngagement', label: 'Commitment ID', type: 'integer', required: true, in: 'query', locator: { list: 'searchCommitments' }, description: 'idEngagement' },
		],
		binaryOut: fileOut,
		evidence: annexPath('Prefix not published (our reading). GET with idEngagement as query parameter and the base64 answer { fichier, nomFichier, typeMime } are ours.'),
	},
	{
		resource,
		operation: 'download',
		name: 'Download',
		action: 'Download an attachment of a commitment',
		description: 'One file attached to a commitment (GET piece-jointe/{id})',
		api: 'engagements',
		method: 'GET',
		path: '/piece-jointe/{id}',
		mutates: false,
		fields: [
			{ name: 'id', label: 'Attachment ID', type: 'integer', required: true, in: 'path', description: 'idPieceJointe returned by Add' },
		],
		binaryOut: fileOut,
		evidence: annexPath('Prefix not published (our reading). GET by attachment id and the base64 answer are ours.'),
	},
	{
		resource,
		operation: 'add',
		name: 'Add',
		action: 'Attach a file to a commitment',
		description: 'Attach a binary file to a commitment (POST piece-jointe)',
		api: 'engagements',
		method: 'POST',
		path: '/piece-jointe',
		mutates: true,
		howToCheck: 'get the commitment (Commitment → Get) and look at its attachments before sending the file again.',
		binaryIn: {
			contentKey: 'fichier',
			fileNameKey: 'nomFichier',
			mimeTypeKey: 'typeMime',
			extensionKey: 'extension',
			maxBytes: LIMITS.attachmentBytes,
			limitLabel: '10 MB per file',
			extensions: ATTACHMENT_EXTENSIONS,
		},
		fields: [
			{ name: 'idEngagement', label: 'Commitment ID', type: 'integer', required: true, locator: { list: 'searchCommitments' }, description: 'idEngagement' },
			{
				name: 'nomFichier',
				label: 'File Name',
				type: 'string',
				maxLength: LIMITS.attachmentNameLength,
				description: "Name shown in Chorus Pro (nomFichier). Default: the binary's file name.",
			},
		],
		evidence: annexPath('Prefix not published (our reading). POST with the file as base64 in JSON (the Chorus Pro habit) and its keys are ours.'),
	},
];

export const commitmentAttachmentResource: Resource = { name: 'Commitment Attachment', value: resource, description: 'Files of commitments (pièces jointes)' };
