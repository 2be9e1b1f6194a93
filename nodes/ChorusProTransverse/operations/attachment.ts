import type { IDataObject } from 'n8n-workflow';

import { sniffMimeType } from '../../shared/binary';
import { IDENTIFIER_TYPES } from '../../shared/enums';
import { ATTACHMENT_EXTENSIONS, LIMITS } from '../../shared/limits';
import type { Operation, Pagination, Resource } from '../../shared/operation';
import { LANGUAGE, PICK, structureId } from '../../shared/fields';

/** Files on Chorus Pro (transverses docs/api-notes.md §5.2): upload from n8n binary data, search, download to binary data. */
const resource = 'attachment';

const attachmentSearch = (list = 'listePiecesJointes'): Pagination => ({
	style: 'body',
	request: 'parametresRecherche',
	response: 'parametresRetour',
	list,
	maxPageSize: LIMITS.maxPageSize,
	// The column the AIFE example "rechercher-piece-jointe-structure" sorts by (the only one published).
	sortColumns: ['PieceJointeDesignation'],
});

const searchFilters: Operation['fields'] = [
	LANGUAGE,
	{ name: 'pieceJointeDesignation', label: 'Name', type: 'string', description: 'Name of the attachment (pieceJointeDesignation)' },
	{ name: 'pieceJointeTypeId', label: 'Attachment Type ID', type: 'integer', description: 'idTypePieceJointe from Referential → Get Attachment Types (pieceJointeTypeId)' },
];

/** The objects whose files telecharger/pieceJointe serves, each with its own sub-object (§5.2). */
const OBJECTS = [
	{ name: 'Payment Request (Demande De Paiement)', value: 'DEMANDE_PAIEMENT' },
	{ name: 'Commitment (Engagement Juridique)', value: 'ENGAGEMENT_JURIDIQUE' },
	{ name: 'Request (Sollicitation)', value: 'SOLLICITATION' },
	{ name: 'Structure Attachment', value: 'STRUCTURE_PIECEJOINTE' },
	{ name: 'Structure Mandate', value: 'STRUCTURE_MANDAT' },
	{ name: 'Structure Bank Details', value: 'STRUCTURE_COORDONNEE_BANCAIRE' },
];
const STRUCTURE_OBJECTS = ['STRUCTURE_PIECEJOINTE', 'STRUCTURE_MANDAT', 'STRUCTURE_COORDONNEE_BANCAIRE'];
const when = (...objects: string[]) => ({ objetPieceJointe: objects });

function downloadName(params: IDataObject, response: IDataObject): string {
	const { extension } = sniffMimeType(Buffer.from(String(response.pieceJointe ?? '').slice(0, 16), 'base64'));
	const object = String(params.objetPieceJointe);
	const subject =
		object === 'DEMANDE_PAIEMENT'
			? (params.listeFacture as Array<{ idFacture: number }>).map((f) => f.idFacture).join('_')
			: object === 'ENGAGEMENT_JURIDIQUE'
				? params.numeroEngagementJuridique
				: object === 'SOLLICITATION'
					? params.idSollicitation
					: params.idStructure;
	return `${object.toLowerCase()}_${String(subject)}.${extension}`;
}

export const attachmentOperations: Operation[] = [
	{
		resource,
		operation: 'addFile',
		name: 'Add File',
		action: 'Upload a file to Chorus Pro',
		description:
			'Upload a binary file to your account and get its pieceJointeId, to attach it to an invoice or a works invoice (ajouter/fichier)',
		api: 'transverses',
		method: 'POST',
		path: '/ajouter/fichier',
		mutates: true,
		howToCheck:
			'search the files of your account (Attachment → Search on My Account, filter "Name"); an unused copy is harmless.',
		binaryIn: {
			contentKey: 'pieceJointeFichier',
			fileNameKey: 'pieceJointeNom',
			// Chorus Pro keeps attachment names to 50 characters (§13.2).
			fileNameMaxLength: LIMITS.attachmentNameLength,
			mimeTypeKey: 'pieceJointeTypeMime',
			extensionKey: 'pieceJointeExtension',
			maxBytes: LIMITS.attachmentBytes,
			limitLabel: '10 MB per file',
			extensions: ATTACHMENT_EXTENSIONS,
		},
		fields: [
			{
				name: 'pieceJointeNom',
				label: 'File Name',
				type: 'string',
				maxLength: LIMITS.attachmentNameLength,
				description: `Name shown in Chorus Pro (pieceJointeNom), at most ${LIMITS.attachmentNameLength} characters. Default: the binary's file name, shortened if needed.`,
			},
		],
	},
	{
		resource,
		operation: 'searchMyAccount',
		name: 'Search on My Account',
		action: 'Search the files of my account',
		description: 'Files uploaded to your user account (rechercher/pj/moncompte)',
		api: 'transverses',
		method: 'POST',
		path: '/rechercher/pj/moncompte',
		mutates: false,
		pagination: attachmentSearch(),
		fields: searchFilters,
	},
	{
		resource,
		operation: 'searchStructure',
		name: 'Search on Structure',
		action: 'Search the files of a structure',
		description: 'Files attached to one of your structures (rechercher/pj/structure)',
		api: 'transverses',
		method: 'POST',
		path: '/rechercher/pj/structure',
		mutates: false,
		pagination: attachmentSearch(),
		fields: [
			structureId({ name: 'idStructureCPP', locator: PICK.myStructure, description: 'idStructureCPP' }),
			...searchFilters,
		],
	},
	{
		resource,
		operation: 'download',
		name: 'Download',
		action: 'Download an attachment as a file',
		description: 'Download the file of a payment request, commitment, request or structure into binary data (telecharger/pieceJointe)',
		api: 'transverses',
		method: 'POST',
		path: '/telecharger/pieceJointe',
		mutates: false,
		fields: [
			{
				name: 'objetPieceJointe',
				label: 'Object',
				type: 'options',
				required: true,
				options: OBJECTS,
				default: 'DEMANDE_PAIEMENT',
				description: 'What the file belongs to (objetPieceJointe)',
			},
			{
				name: 'listeFacture',
				key: 'demandePaiement.listeFacture',
				label: 'Invoice IDs',
				type: 'idList',
				itemKey: 'idFacture',
				required: true,
				showWhen: when('DEMANDE_PAIEMENT'),
				description: 'idFacture values, separated by commas (demandePaiement.listeFacture)',
			},
			{
				name: 'format',
				key: 'demandePaiement.format',
				label: 'Format',
				type: 'options',
				top: true,
				options: ['PDF', 'PIVOT'],
				showWhen: when('DEMANDE_PAIEMENT'),
				description: 'demandePaiement.format',
			},
			{
				name: 'avecPiecesJointesComplementaires',
				key: 'demandePaiement.avecPiecesJointesComplementaires',
				label: 'With Additional Attachments',
				type: 'options',
				top: true,
				options: ['true', 'false'],
				showWhen: when('DEMANDE_PAIEMENT'),
				description: 'Sent as the text "true"/"false", as the API declares it',
			},
			{
				name: 'numeroEngagementJuridique',
				key: 'engagementJuridique.numeroEngagementJuridique',
				label: 'Commitment Number',
				type: 'string',
				required: true,
				maxLength: LIMITS.commitmentNumberLength,
				showWhen: when('ENGAGEMENT_JURIDIQUE'),
				description: 'engagementJuridique.numeroEngagementJuridique',
			},
			{
				name: 'idSollicitation',
				key: 'sollicitation.idSollicitation',
				label: 'Request ID',
				type: 'integer',
				required: true,
				showWhen: when('SOLLICITATION'),
				description: 'sollicitation.idSollicitation',
			},
			{
				name: 'pieceJointeSollicitation',
				key: 'sollicitation.pieceJointeSollicitation',
				label: 'Request Attachment',
				type: 'string',
				top: true,
				showWhen: when('SOLLICITATION'),
				description: 'sollicitation.pieceJointeSollicitation',
			},
			{
				name: 'idStructure',
				key: 'structure.idStructure',
				label: 'Structure ID',
				type: 'integer',
				required: true,
				showWhen: when(...STRUCTURE_OBJECTS),
				description: 'structure.idStructure',
			},
			{
				name: 'identifiantStructure',
				key: 'structure.identifiantStructure',
				label: 'Structure Identifier',
				type: 'string',
				top: true,
				showWhen: when(...STRUCTURE_OBJECTS),
				description: 'structure.identifiantStructure (SIRET…)',
			},
			{
				name: 'typeIdentifiantStructure',
				key: 'structure.typeIdentifiantStructure',
				label: 'Identifier Type',
				type: 'options',
				top: true,
				options: IDENTIFIER_TYPES,
				showWhen: when(...STRUCTURE_OBJECTS),
				description: 'structure.typeIdentifiantStructure',
			},
		],
		binaryOut: {
			contentKey: 'pieceJointe',
			fileName: downloadName,
			mimeType: (_params, _response, bytes) => sniffMimeType(bytes).mimeType,
		},
	},
];

export const attachmentResource: Resource = { name: 'Attachment', value: resource, description: 'Upload, search and download files (pièces jointes)' };
