import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filterHelp } from '../../shared/fieldHelp';
import type { FieldCheck } from '../../shared/checks';
import type { BinaryOutput, Field, Operation, RequestOperation } from '../../shared/operation';

/**
 * Référentiel des Organisations (`/cpro/organisations/v1`, reference §9 and the DGFiP annex table 4.1: 19
 * operations). REST style: resources as answers (no codeRetour envelope), errors as `{ErrorCode, Description}`
 * (401) or an array of `{error, message, detail}` (400). The successor of the Structures API.
 */

const api = 'organisations' as const;

function identifier(name: string, label: string, check: FieldCheck, key: string, description: string): Field {
	return { name, label, type: 'string', in: 'path', key, required: true, check, description, placeholder: '006accaa8785cd10dd5fc80e8bbb35f4' };
}

const sirenId = identifier('sirenId', 'SIREN or UUID', 'organisationSiren', 'uuid_identifiant', 'The legal unit: its SIREN or its UUID in the référentiel');
const structureId = identifier('structureId', 'Structure', 'organisationStructure', 'uuid_identifiant', 'The structure: its UUID, SIRET or intra-EU VAT number');
const attachmentId = identifier('attachmentId', 'Attachment UUID', 'uuid', 'uuid', 'UUID of the attachment (from "Get Attachments")');
const bankAttachmentId = identifier('bankAttachmentId', 'Bank Details Attachment UUID', 'uuid', 'uuid_pj', 'UUID of the attachment of the bank details (from "Get Bank Details")');
const serviceId = identifier('serviceId', 'Service UUID', 'uuid', 'uuid', 'UUID of the service');

/** Attachments come as `{ sizeBytes, fileName, uuid, contentType, attachmentData (base64) }`. */
const attachmentFile: BinaryOutput = {
	contentKey: 'attachmentData',
	fileName: (_params, response) => String(response.fileName || `${String(response.uuid ?? 'attachment')}.bin`),
	mimeType: (_params, response) => String(response.contentType || 'application/octet-stream'),
};

// --- searches: { <field>: { op, val } , _sort, _desc, _fields } (reference §9) -----------------------------

type OrgOperator = '=' | 'CONTAINS';

interface OrgCriterion {
	name: string;
	label: string;
	op: OrgOperator;
	options?: Field['options'];
	description?: string;
}

const advancedCriteria: Field = {
	name: 'criteria',
	label: 'Other Criteria (JSON)',
	type: 'json',
	in: 'none',
	description:
		'More criteria as the API writes them, e.g. {"dateCreation": {"op": ">=", "val": "2025-01-01"}}. Operators: =, >, <, >=, <=, IN, CONTAINS.',
};

const OPERATORS = ['=', '>', '<', '>=', '<=', 'IN', 'CONTAINS'];

function orgSearch(
	resource: string,
	path: string,
	what: string,
	criteria: OrgCriterion[],
	description: string,
): Operation {
	const fields: Field[] = criteria.map((c) => ({
		name: c.name,
		label: c.label,
		type: c.options ? 'options' : 'string',
		options: c.options,
		key: `${c.name}.val`,
		operator: c.op,
		description: filterHelp(c.label, [c.description, c.name], c.op === '='),
	}));
	fields.push(
		advancedCriteria,
		{ name: '_fields', label: 'Fields to Return', type: 'stringList', description: 'Comma-separated field names to return (_fields); all when empty' },
		{ name: '_sort', label: 'Sort By', type: 'stringList', description: 'Comma-separated field names to sort by (_sort)' },
		{ name: '_desc', label: 'Sort Descending By', type: 'stringList', description: 'Comma-separated field names sorted in descending order (_desc)' },
	);
	return {
		resource,
		operation: 'search',
		name: 'Search',
		action: `Search ${what}`,
		description,
		api,
		method: 'POST',
		path,
		mutates: false,
		pagination: { style: 'none', list: 'items' },
		fields,
		hooks: {
			// Special: free criteria written as the API writes them, checked one by one and merged into the body; the
			// sandbox-tested client always sends the three lists.
			prepare: (ctx, request) => {
				const extra = ctx.params.criteria;
				if (extra !== undefined) {
					if (typeof extra !== 'object' || Array.isArray(extra)) {
						throw new NodeOperationError(ctx.fn.getNode(), `"Other Criteria (JSON)" must be a JSON object (item ${ctx.itemIndex + 1})`, {
							itemIndex: ctx.itemIndex,
						});
					}
					for (const [key, value] of Object.entries(extra as IDataObject)) {
						const op = (value as IDataObject | null)?.op;
						if (typeof value !== 'object' || value === null || !OPERATORS.includes(String(op)) || !('val' in value)) {
							throw new NodeOperationError(
								ctx.fn.getNode(),
								`"Other Criteria (JSON)": criterion "${key}" must read {"op": one of ${OPERATORS.join(' ')}, "val": …} (item ${ctx.itemIndex + 1})`,
								{ itemIndex: ctx.itemIndex, description: 'Nothing was sent to Chorus Pro.' },
							);
						}
						request.body[key] = value;
					}
				}
				// The sandbox-tested client always sends the three lists, empty when unused (replay corpus).
				for (const list of ['_sort', '_desc', '_fields']) request.body[list] ??= [];
			},
		},
	};
}

// --- operations -------------------------------------------------------------------------------------------

function read(
	resource: string,
	operation: string,
	name: string,
	action: string,
	description: string,
	path: string,
	fields: Field[],
	extra: Partial<RequestOperation> = {},
): RequestOperation {
	return {
		resource,
		operation,
		name,
		action,
		description,
		api,
		method: 'GET',
		path,
		mutates: false,
		fields,
		...extra,
	};
}

const list = { splitList: 'items' };

/**
 * An attachment list of a structure or SIREN that has none: the sandbox answers HTTP 400
 * `[{"error":"NotFoundReference",…}]`, not `[]` (turbo124/piste-gouv-fr: tests/ReferentielDesOrganisationsTest.php
 * `testListerPiecesJointesStructure` expects 0 attachments, src/Api/ChorusPro/ReferentielDesOrganisations.php turns
 * that 400 into an empty list). The node outputs nothing, as for an empty list.
 */
const attachmentList = { ...list, noResultErrors: ['NotFoundReference'] };

const sirenOperations: Operation[] = [
	read('organisationSiren', 'get', 'Get', 'Get a legal unit (SIREN)', 'Read a legal unit of the référentiel (Consulter SIREN)', '/siren/{uuid_identifiant}', [sirenId]),
	read('organisationSiren', 'getStructures', 'Get Structures', 'Get the structures of a SIREN', 'The structures (establishments) of a legal unit (Rechercher structure par SIREN)', '/siren/{uuid_identifiant}/structures', [sirenId], list),
	read('organisationSiren', 'getAttachments', 'Get Attachments', 'List the attachments of a SIREN', 'Attachments of a legal unit (Consulter pièces jointes par SIREN)', '/siren/{uuid_identifiant}/pieces_jointes', [sirenId], attachmentList),
	read('organisationSiren', 'downloadAttachment', 'Download Attachment', 'Download an attachment of a SIREN', 'One attachment of a legal unit as a file (Récupérer pièce jointe par SIREN)', '/siren/{uuid_identifiant}/pieces_jointes/{uuid}', [sirenId, attachmentId], { binaryOut: attachmentFile }),
	read('organisationSiren', 'getBankDetails', 'Get Bank Details', 'Get the bank details of a SIREN', 'Bank details (coordonnées bancaires) of a legal unit (Consulter coordonnées bancaires par SIREN)', '/siren/{uuid_identifiant}/coordonnees_bancaires', [sirenId], list),
	read('organisationSiren', 'downloadBankDetailsAttachment', 'Download Bank Details Attachment', 'Download the bank details document of a SIREN', 'The document (RIB) attached to bank details of a legal unit (Télécharger pièce jointe par coordonnées bancaires de SIREN)', '/siren/{uuid_identifiant}/coordonnees_bancaires/{uuid_pj}', [sirenId, bankAttachmentId], { binaryOut: attachmentFile }),
	orgSearch('organisationSiren', '/siren/recherche', 'legal units', [
		{ name: 'siren', label: 'SIREN', op: '=' },
		{ name: 'raisonSociale', label: 'Company Name', op: 'CONTAINS', description: 'Raison sociale' },
	], 'Search legal units of the référentiel (Rechercher SIREN)'),
];

const STRUCTURE_TYPES = [
	{ name: 'Private', value: 'private' },
	{ name: 'Public', value: 'public' },
];
const STRUCTURE_STATUSES = ['active', 'inactive', 'activation in progress'];

const structureOperations: Operation[] = [
	read('organisationStructure', 'get', 'Get', 'Get a structure', 'Read a structure: identity, address, invoicing parameters (Consulter structure)', '/structures/{uuid_identifiant}', [structureId]),
	read('organisationStructure', 'getServices', 'Get Services', 'Get the services of a structure', 'The services of a structure (Rechercher service)', '/structures/{uuid_identifiant}/services', [structureId], list),
	read('organisationStructure', 'getAttachments', 'Get Attachments', 'List the attachments of a structure', 'Attachments of a structure (Consulter pièces jointes par structure)', '/structures/{uuid_identifiant}/pieces_jointes', [structureId], attachmentList),
	read('organisationStructure', 'downloadAttachment', 'Download Attachment', 'Download an attachment of a structure', 'One attachment of a structure as a file (Récupérer pièce jointe par structure)', '/structures/{uuid_identifiant}/pieces_jointes/{uuid}', [structureId, attachmentId], { binaryOut: attachmentFile }),
	read('organisationStructure', 'getBankDetails', 'Get Bank Details', 'Get the bank details of a structure', 'Bank details of a structure (Consulter coordonnées bancaires par structure)', '/structures/{uuid_identifiant}/coordonnees_bancaires', [structureId], list),
	read('organisationStructure', 'downloadBankDetailsAttachment', 'Download Bank Details Attachment', 'Download the bank details document of a structure', 'The document (RIB) attached to bank details of a structure (Télécharger pièce jointe par coordonnées bancaires de structure)', '/structures/{uuid_identifiant}/coordonnees_bancaires/{uuid_pj}', [structureId, bankAttachmentId], { binaryOut: attachmentFile }),
	{
		resource: 'organisationStructure',
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
	orgSearch('organisationStructure', '/structures/recherche', 'structures', [
		{ name: 'identifiant', label: 'Identifier', op: '=', description: 'SIRET or other identifier (identifiant)' },
		{ name: 'libelleOrganisation', label: 'Name', op: 'CONTAINS', description: 'libelleOrganisation' },
		{ name: 'raisonSociale', label: 'Company Name', op: 'CONTAINS', description: 'Raison sociale' },
		{ name: 'typeOrganisation', label: 'Type', op: '=', options: STRUCTURE_TYPES, description: 'typeOrganisation' },
		{ name: 'status', label: 'Status', op: '=', options: STRUCTURE_STATUSES, description: 'status' },
		{ name: 'codePostal', label: 'Postcode', op: '=', description: 'codePostal' },
		{ name: 'ville', label: 'City', op: 'CONTAINS', description: 'ville' },
		{ name: 'numeroTvaIntracommunautaire', label: 'VAT Number', op: '=', description: 'numeroTvaIntracommunautaire' },
	], 'Search structures of the référentiel (Rechercher structure)'),
];

const SERVICE_STATES = ['ACTIF', 'INACTIF', 'SUPPRIME'];

const serviceOperations: Operation[] = [
	{
		resource: 'organisationService',
		operation: 'create',
		name: 'Create',
		action: 'Create a service',
		description: 'Create a service in a structure you manage (Créer service)',
		api,
		method: 'POST',
		path: '/services',
		mutates: true,
		howToCheck: 'search the services of the structure by code (Organisation Service → Search, "Service Code") before creating it again.',
		fields: [
			{ name: 'rattachementOrganisation', label: 'Structure UUID', type: 'string', required: true, check: 'uuid', description: 'UUID of the structure the service belongs to (rattachementOrganisation)' },
			{ name: 'codeService', label: 'Service Code', type: 'string', required: true, maxLength: 100, description: 'codeService' },
			{ name: 'libelle', label: 'Name', type: 'string', required: true, description: 'libelle' },
			{ name: 'description', label: 'Description', type: 'string' },
			{ name: 'numeroEj', label: 'Commitment Number Required', type: 'boolean', description: 'Whether invoices to this service need a commitment number (numeroEj)' },
			{ name: 'adresse', label: 'Address', type: 'string' },
			{ name: 'complementAdresse1', label: 'Address Line 2', type: 'string' },
			{ name: 'complementAdresse2', label: 'Address Line 3', type: 'string' },
			{ name: 'codePostal', label: 'Postcode', type: 'string' },
			{ name: 'ville', label: 'City', type: 'string' },
			{ name: 'pays', label: 'Country', type: 'string', description: 'Full country name, e.g. France' },
			{ name: 'telephone', label: 'Phone', type: 'string' },
			{ name: 'dateDebutActivation', label: 'Active From', type: 'date', description: 'dateDebutActivation' },
			{ name: 'dateFinActivation', label: 'Active Until', type: 'date', description: 'dateFinActivation' },
		],
	},
	orgSearch('organisationService', '/services/recherche', 'services', [
		{ name: 'codeService', label: 'Service Code', op: '=', description: 'codeService' },
		{ name: 'libelle', label: 'Name', op: 'CONTAINS', description: 'libelle' },
		{ name: 'rattachementOrganisation', label: 'Structure UUID', op: '=', description: 'rattachementOrganisation' },
		{ name: 'etatService', label: 'State', op: '=', options: SERVICE_STATES, description: 'etatService' },
	], 'Search services of the référentiel (Rechercher services)'),
	read('organisationService', 'get', 'Get', 'Get a service', 'Read a service (Consulter service)', '/services/{uuid}', [serviceId]),
];

const healthOperations: Operation[] = [
	{
		resource: 'health',
		operation: 'checkOrganisations',
		name: 'Check Organisations API',
		action: 'Check the Référentiel des Organisations API',
		description: 'Whether the Référentiel des Organisations API answers with your credential (healthcheck)',
		api,
		method: 'GET',
		path: '/healthcheck',
		mutates: false,
		fields: [],
		// Special: the healthcheck answers nothing but its status; the output says which API answered.
		hooks: { output: () => [{ json: { api: 'Référentiel des Organisations', available: true } }] },
	},
];

export const organisationOperations: Operation[] = [
	...sirenOperations,
	...structureOperations,
	...serviceOperations,
	...healthOperations,
];
