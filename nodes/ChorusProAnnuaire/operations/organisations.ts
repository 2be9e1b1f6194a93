import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { filterHelp } from '../../shared/fieldHelp';
import type { BinaryOutput, Field, Operation, OperationContext } from '../../shared/operation';
import { checkSiren, checkSiret } from '../../shared/validation';

/**
 * Référentiel des Organisations (`/cpro/organisations/v1`, reference §9 and the DGFiP annex table 4.1: 19
 * operations). REST style: resources as answers (no codeRetour envelope), errors as `{ErrorCode, Description}`
 * (401) or an array of `{error, message, detail}` (400). The successor of the Structures API.
 */

export const api = 'organisations' as const;

type IdKind = 'siren' | 'structure' | 'uuid';

const UUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Intra-EU VAT number: country code + 2 to 13 letters or digits. */
const VAT = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

/**
 * The identifier in the path: a UUID (32 hex characters), or per the server's own error message a SIRET or an
 * intra-EU VAT number for a structure, a SIREN for a legal unit. Checked here so a typo never reaches the API.
 */
export function checkOrganisationId(value: string, kind: IdKind, checksum = true): string | undefined {
	if (UUID.test(value)) return undefined;
	if (kind === 'siren' && /^\d{9}$/.test(value)) return checkSiren(value, checksum);
	if (kind === 'structure' && /^\d{14}$/.test(value)) return checkSiret(value, checksum);
	if (kind === 'structure' && VAT.test(value)) return undefined;
	const accepted =
		kind === 'siren' ? 'a UUID (32 hex characters) or a SIREN' : kind === 'structure' ? 'a UUID (32 hex characters), a SIRET or an intra-EU VAT number' : 'a UUID (32 hex characters)';
	return `"${value}" is not ${accepted}`;
}

function identifier(name: string, label: string, kind: IdKind, key: string, description: string): Field {
	return { name, label, type: 'string', in: 'path', key, required: true, description, placeholder: '006accaa8785cd10dd5fc80e8bbb35f4' };
}

export const sirenId = identifier('sirenId', 'SIREN or UUID', 'siren', 'uuid_identifiant', 'The legal unit: its SIREN or its UUID in the référentiel');
export const structureId = identifier('structureId', 'Structure', 'structure', 'uuid_identifiant', 'The structure: its UUID, SIRET or intra-EU VAT number');
export const attachmentId = identifier('attachmentId', 'Attachment UUID', 'uuid', 'uuid', 'UUID of the attachment (from "Get Attachments")');
export const bankAttachmentId = identifier('bankAttachmentId', 'Bank Details Attachment UUID', 'uuid', 'uuid_pj', 'UUID of the attachment of the bank details (from "Get Bank Details")');
export const serviceId = identifier('serviceId', 'Service UUID', 'uuid', 'uuid', 'UUID of the service');

const ID_KINDS: Record<string, IdKind> = {
	sirenId: 'siren',
	structureId: 'structure',
	attachmentId: 'uuid',
	bankAttachmentId: 'uuid',
	serviceId: 'uuid',
};

export function checkIds(ctx: OperationContext): void {
	for (const field of ctx.operation.fields) {
		const kind = ID_KINDS[field.name];
		if (!kind || ctx.params[field.name] === undefined) continue;
		const value = String(ctx.params[field.name]);
		const problem = checkOrganisationId(value, kind);
		// On the qualification platform, a checksum failure of a well-formed SIRET/SIREN is only a warning.
		if (problem && ctx.acceptTestIdentifier && !checkOrganisationId(value, kind, false)) {
			ctx.acceptTestIdentifier(field.label, problem);
		} else if (problem) {
			throw new NodeOperationError(ctx.fn.getNode(), `Invalid value for "${field.label}" (item ${ctx.itemIndex + 1}): ${problem}`, {
				itemIndex: ctx.itemIndex,
				description: 'Nothing was sent to Chorus Pro.',
			});
		}
	}
}

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
export function orgSearch(criteria: OrgCriterion[]): Pick<Operation, 'api' | 'method' | 'mutates' | 'pagination' | 'fields' | 'hooks'> {
	const fields: Field[] = criteria.map((c) => ({
		name: c.name,
		label: c.label,
		type: c.options ? 'options' : 'string',
		options: c.options,
		key: `${c.name}.val`,
		description: filterHelp(c.label, [c.description, c.name], c.op === '='),
	}));
	fields.push(
		advancedCriteria,
		{ name: '_fields', label: 'Fields to Return', type: 'stringList', description: 'Comma-separated field names to return (_fields); all when empty' },
		{ name: '_sort', label: 'Sort By', type: 'stringList', description: 'Comma-separated field names to sort by (_sort)' },
		{ name: '_desc', label: 'Sort Descending By', type: 'stringList', description: 'Comma-separated field names sorted in descending order (_desc)' },
	);
	const operators = new Map(criteria.map((c) => [c.name, c.op]));
	return {
		api,
		method: 'POST',
		mutates: false,
		pagination: { style: 'none', list: 'items' },
		fields,
		hooks: {
			prepare: (ctx, request) => {
				for (const [name, op] of operators) {
					const criterion = request.body[name] as IDataObject | undefined;
					if (criterion) criterion.op = op;
				}
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

/** What every read of the référentiel shares: a GET whose identifiers in the path are checked first. */
export const READ = { api, method: 'GET', mutates: false, hooks: { prepare: checkIds } } as const;

/**
 * An attachment list of a structure or SIREN that has none: the sandbox answers HTTP 400
 * `[{"error":"NotFoundReference",…}]`, not `[]` (turbo124/piste-gouv-fr: tests/ReferentielDesOrganisationsTest.php
 * `testListerPiecesJointesStructure` expects 0 attachments, src/Api/ChorusPro/ReferentielDesOrganisations.php turns
 * that 400 into an empty list). The node outputs nothing, as for an empty list.
 */
export const ATTACHMENT_LIST = { splitList: 'items', noResultErrors: ['NotFoundReference'] };
