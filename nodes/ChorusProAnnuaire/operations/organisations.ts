import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filterHelp } from '../../shared/fieldHelp';
import { text } from '../../shared/fields';
import type { BinaryOutput, Field, RequestOperation } from '../../shared/operation';

/**
 * Référentiel des Organisations (`/cpro/organisations/v1`, reference §9 and the DGFiP annex table 4.1: 19
 * operations). REST style: resources as answers (no codeRetour envelope), errors as `{ErrorCode, Description}`
 * (401) or an array of `{error, message, detail}` (400). The successor of the Structures API.
 */

export const api = 'organisations' as const;

/** An identifier in the path of a référentiel URL, checked by its field check before any request. */
const IN_PATH = { in: 'path', required: true, placeholder: '006accaa8785cd10dd5fc80e8bbb35f4' } as const;

export const sirenId = text('sirenId', 'SIREN or UUID', { ...IN_PATH, key: 'uuid_identifiant', check: 'organisationSiren', description: 'The legal unit: its SIREN or its UUID in the référentiel' });
export const structureId = text('structureId', 'Structure', { ...IN_PATH, key: 'uuid_identifiant', check: 'organisationStructure', description: 'The structure: its UUID, SIRET or intra-EU VAT number' });
export const attachmentId = text('attachmentId', 'Attachment UUID', { ...IN_PATH, key: 'uuid', check: 'uuid', description: 'UUID of the attachment (from "Get Attachments")' });
export const bankAttachmentId = text('bankAttachmentId', 'Bank Details Attachment UUID', { ...IN_PATH, key: 'uuid_pj', check: 'uuid', description: 'UUID of the attachment of the bank details (from "Get Bank Details")' });
export const serviceId = text('serviceId', 'Service UUID', { ...IN_PATH, key: 'uuid', check: 'uuid', description: 'UUID of the service' });

/** Attachments come as `{ sizeBytes, fileName, uuid, contentType, attachmentData (base64) }`. */
export const attachmentFile: BinaryOutput = {
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

/** The search mechanics of the référentiel (criteria, field lists, no paging): its operation adds what it searches. */
export function orgSearch(criteria: OrgCriterion[]): Pick<RequestOperation, 'api' | 'method' | 'mutates' | 'pagination' | 'fields' | 'hooks'> {
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
		api,
		method: 'POST',
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

// --- reads -----------------------------------------------------------------------------------------------

/** What every read of the référentiel shares: a GET (its identifiers in the path are checked by their fields). */
export const READ = { api, method: 'GET', mutates: false } as const;

/**
 * An attachment list of a structure or SIREN that has none: the sandbox answers HTTP 400
 * `[{"error":"NotFoundReference",…}]`, not `[]` (turbo124/piste-gouv-fr: tests/ReferentielDesOrganisationsTest.php
 * `testListerPiecesJointesStructure` expects 0 attachments, src/Api/ChorusPro/ReferentielDesOrganisations.php turns
 * that 400 into an empty list). The node outputs nothing, as for an empty list.
 */
export const ATTACHMENT_LIST = { splitList: 'items', noResultErrors: ['NotFoundReference'] };
