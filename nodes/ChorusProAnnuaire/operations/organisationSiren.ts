import type { Operation, Resource } from '../../shared/operation';
import { attachmentFile, ATTACHMENT_LIST, attachmentId, bankAttachmentId, orgSearch, READ, sirenId } from './organisations';

/** Legal units (SIREN) of the Référentiel des Organisations. */
const resource = 'organisationSiren';

export const organisationSirenOperations: Operation[] = [
	{
		...READ,
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a legal unit (SIREN)',
		description: 'Read a legal unit of the référentiel (Consulter SIREN)',
		path: '/siren/{uuid_identifiant}',
		fields: [sirenId],
	},
	{
		...READ,
		resource,
		operation: 'getStructures',
		name: 'Get Structures',
		action: 'Get the structures of a SIREN',
		description: 'The structures (establishments) of a legal unit (Rechercher structure par SIREN)',
		path: '/siren/{uuid_identifiant}/structures',
		fields: [sirenId],
		splitList: 'items',
	},
	{
		...READ,
		resource,
		operation: 'getAttachments',
		name: 'Get Attachments',
		action: 'List the attachments of a SIREN',
		description: 'Attachments of a legal unit (Consulter pièces jointes par SIREN)',
		path: '/siren/{uuid_identifiant}/pieces_jointes',
		fields: [sirenId],
		...ATTACHMENT_LIST,
	},
	{
		...READ,
		resource,
		operation: 'downloadAttachment',
		name: 'Download Attachment',
		action: 'Download an attachment of a SIREN',
		description: 'One attachment of a legal unit as a file (Récupérer pièce jointe par SIREN)',
		path: '/siren/{uuid_identifiant}/pieces_jointes/{uuid}',
		fields: [sirenId, attachmentId],
		binaryOut: attachmentFile,
	},
	{
		...READ,
		resource,
		operation: 'getBankDetails',
		name: 'Get Bank Details',
		action: 'Get the bank details of a SIREN',
		description: 'Bank details (coordonnées bancaires) of a legal unit (Consulter coordonnées bancaires par SIREN)',
		path: '/siren/{uuid_identifiant}/coordonnees_bancaires',
		fields: [sirenId],
		splitList: 'items',
	},
	{
		...READ,
		resource,
		operation: 'downloadBankDetailsAttachment',
		name: 'Download Bank Details Attachment',
		action: 'Download the bank details document of a SIREN',
		description: 'The document (RIB) attached to bank details of a legal unit (Télécharger pièce jointe par coordonnées bancaires de SIREN)',
		path: '/siren/{uuid_identifiant}/coordonnees_bancaires/{uuid_pj}',
		fields: [sirenId, bankAttachmentId],
		binaryOut: attachmentFile,
	},
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search legal units',
		description: 'Search legal units of the référentiel (Rechercher SIREN)',
		path: '/siren/recherche',
		...orgSearch([
			{ name: 'siren', label: 'SIREN', op: '=' },
			{ name: 'raisonSociale', label: 'Company Name', op: 'CONTAINS', description: 'Raison sociale' },
		]),
	},
];

export const organisationSirenResource: Resource = { name: 'Organisation SIREN', value: resource, description: 'Legal units of the Référentiel des Organisations' };
