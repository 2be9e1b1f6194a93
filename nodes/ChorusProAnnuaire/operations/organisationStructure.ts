import type { Operation, Resource } from '../../shared/operation';
import { api, attachmentFile, ATTACHMENT_LIST, attachmentId, bankAttachmentId, orgSearch, READ, structureId } from './organisations';

/** Structures of the Référentiel des Organisations. */
const resource = 'organisationStructure';

const STRUCTURE_TYPES = [
	{ name: 'Private', value: 'private' },
	{ name: 'Public', value: 'public' },
];
const STRUCTURE_STATUSES = ['active', 'inactive', 'activation in progress'];

export const organisationStructureOperations: Operation[] = [
	{
		...READ,
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a structure',
		description: 'Read a structure: identity, address, invoicing parameters (Consulter structure)',
		path: '/structures/{uuid_identifiant}',
		fields: [structureId],
	},
	{
		...READ,
		resource,
		operation: 'getServices',
		name: 'Get Services',
		action: 'Get the services of a structure',
		description: 'The services of a structure (Rechercher service)',
		path: '/structures/{uuid_identifiant}/services',
		fields: [structureId],
		splitList: 'items',
	},
	{
		...READ,
		resource,
		operation: 'getAttachments',
		name: 'Get Attachments',
		action: 'List the attachments of a structure',
		description: 'Attachments of a structure (Consulter pièces jointes par structure)',
		path: '/structures/{uuid_identifiant}/pieces_jointes',
		fields: [structureId],
		...ATTACHMENT_LIST,
	},
	{
		...READ,
		resource,
		operation: 'downloadAttachment',
		name: 'Download Attachment',
		action: 'Download an attachment of a structure',
		description: 'One attachment of a structure as a file (Récupérer pièce jointe par structure)',
		path: '/structures/{uuid_identifiant}/pieces_jointes/{uuid}',
		fields: [structureId, attachmentId],
		binaryOut: attachmentFile,
	},
	{
		...READ,
		resource,
		operation: 'getBankDetails',
		name: 'Get Bank Details',
		action: 'Get the bank details of a structure',
		description: 'Bank details of a structure (Consulter coordonnées bancaires par structure)',
		path: '/structures/{uuid_identifiant}/coordonnees_bancaires',
		fields: [structureId],
		splitList: 'items',
	},
	{
		...READ,
		resource,
		operation: 'downloadBankDetailsAttachment',
		name: 'Download Bank Details Attachment',
		action: 'Download the bank details document of a structure',
		description: 'The document (RIB) attached to bank details of a structure (Télécharger pièce jointe par coordonnées bancaires de structure)',
		path: '/structures/{uuid_identifiant}/coordonnees_bancaires/{uuid_pj}',
		fields: [structureId, bankAttachmentId],
		binaryOut: attachmentFile,
	},
	{
		resource,
		operation: 'updateEdiSettings',
		name: 'Update EDI Settings',
		action: 'Update the EDI settings of a structure',
		description: 'Turn EDI reception and EDI connection on or off for a structure you manage (Modifier structure, parametres-edi)',
		api,
		method: 'PATCH',
		path: '/structures/{uuid_identifiant}/parametres-edi',
		mutates: true,
		howToCheck: 'read the structure (Organisation Structure → Get) and look at its EDI settings before running this item again.',
		fields: [
			structureId,
			{ name: 'reception_edi', label: 'Receive by EDI', type: 'boolean', required: true, default: false, description: 'Whether the structure receives its invoices by EDI (reception_edi)' },
			{ name: 'connexion_edi', label: 'EDI Connection', type: 'boolean', required: true, default: false, description: 'Whether the structure is connected by EDI (connexion_edi)' },
		],
		hooks: {
			// Special: the answer is 204 No Content, so the output says what was set.
			output: (ctx) => [
				{ json: { structure: ctx.params.structureId, reception_edi: ctx.params.reception_edi, connexion_edi: ctx.params.connexion_edi, updated: true } },
			],
		},
	},
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search structures',
		description: 'Search structures of the référentiel (Rechercher structure)',
		path: '/structures/recherche',
		...orgSearch([
			{ name: 'identifiant', label: 'Identifier', op: '=', description: 'SIRET or other identifier (identifiant)' },
			{ name: 'libelleOrganisation', label: 'Name', op: 'CONTAINS' },
			{ name: 'raisonSociale', label: 'Company Name', op: 'CONTAINS', description: 'Raison sociale' },
			{ name: 'typeOrganisation', label: 'Type', op: '=', options: STRUCTURE_TYPES },
			{ name: 'status', label: 'Status', op: '=', options: STRUCTURE_STATUSES },
			{ name: 'codePostal', label: 'Postcode', op: '=' },
			{ name: 'ville', label: 'City', op: 'CONTAINS' },
			{ name: 'numeroTvaIntracommunautaire', label: 'VAT Number', op: '=' },
		]),
	},
];

export const organisationStructureResource: Resource = { name: 'Organisation Structure', value: resource, description: 'Structures of the Référentiel des Organisations' };
