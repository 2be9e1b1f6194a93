import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readInputFile } from '../../shared/binary';
import { described } from '../../shared/lookup';
import type { Field, Operation, OperationContext, RequestOperation } from '../../shared/operation';
import { buildRequest } from '../../shared/parameters';
import { BINARY_PROPERTY } from '../../shared/properties';
import { CheckReport } from './checkReport';
import { checkWithPlatform } from './checkRules';
import { emittedInvoiceOperations, PDF_FILE, requireLines } from './emittedInvoice';
import { invoiceDataFields } from './invoiceData';

/**
 * "Check Before Submitting" (emitted invoices) and the "Check First" option of the two submit operations: the
 * rejections Chorus Pro or the buyer would give, found from the platform's own data before anything is sent.
 */
const resource = 'emittedInvoice';

/** The node version from which new nodes check first by default (saved nodes of version 1 keep submitting). */
const CHECK_FIRST_SINCE = 1.1;

const emitted = (operation: 'submit' | 'search'): RequestOperation => described(emittedInvoiceOperations, resource, operation);

const SUBMIT_AS = 'submitAs';

/** PDF present, non-empty, a PDF, within 10 MB (the limits of "Submit PDF Invoice"); for keyed-in, the lines. */
async function checkDocument(ctx: OperationContext, report: CheckReport): Promise<void> {
	if (ctx.params[SUBMIT_AS] === 'keyedIn') {
		try {
			requireLines(ctx, buildRequest(emitted('submit'), ctx.params));
			report.pass('document');
		} catch (error) {
			const parameter = ctx.params.lignePoste === undefined ? 'lignePoste' : 'ligneTva';
			report.fail('document', {
				parameter,
				code: 'LINES_MISSING',
				message: (error as Error).message,
				action: (error as NodeOperationError).description ?? '',
			});
		}
		return;
	}
	const property = String(ctx.params[BINARY_PROPERTY] ?? 'data');
	if (!ctx.fn.getInputData()[ctx.itemIndex]?.binary?.[property]) {
		report.fail('document', {
			parameter: BINARY_PROPERTY,
			code: 'FILE_MISSING',
			message: `The item has no binary field "${property}": there is no PDF to submit.`,
			action: 'Read the PDF before this node (Read/Write Files from Disk, HTTP Request…) or set the binary field that holds it.',
		});
		return;
	}
	try {
		await readInputFile(ctx.fn, ctx.itemIndex, property, PDF_FILE);
		report.pass('document');
	} catch (error) {
		report.fail('document', {
			parameter: BINARY_PROPERTY,
			code: 'FILE_NOT_ACCEPTED',
			message: (error as Error).message,
			action: (error as NodeOperationError).description ?? '',
		});
	}
}

function reportInputProblems(ctx: OperationContext, report: CheckReport): void {
	for (const { field, reason } of ctx.inputProblems) {
		const missing = reason === 'is required';
		report.fail('input', {
			parameter: field.name,
			code: missing ? 'REQUIRED' : 'INVALID_VALUE',
			message: missing ? `"${field.label}" is missing: Chorus Pro requires it.` : `"${field.label}" is not valid: ${reason}.`,
			action: `Give "${field.label}" (${field.key ?? field.name}) a valid value.`,
		});
	}
	if (ctx.inputProblems.length === 0) report.pass('input');
}

async function checkInvoice(ctx: OperationContext): Promise<IDataObject> {
	const report = new CheckReport(ctx.operation.fields);
	reportInputProblems(ctx, report);
	await checkWithPlatform(ctx, report, ctx.params);
	await checkDocument(ctx, report);
	return {
		numeroFactureSaisi: ctx.params.numeroFactureSaisi ?? null,
		codeDestinataire: ctx.params.codeDestinataire ?? null,
		...report.toJson(),
	};
}

const pdfBinaryField: Field = {
	name: BINARY_PROPERTY,
	label: 'Input Binary Field',
	type: 'string',
	in: 'none',
	top: true,
	default: 'data',
	description: 'The name of the input binary field holding the PDF (checked for presence, type and the 10 MB limit)',
	showWhen: { [SUBMIT_AS]: ['pdf'] },
};

export const checkBeforeSubmittingOperation: Operation = {
	resource,
	operation: 'checkBeforeSubmit',
	name: 'Check Before Submitting',
	action: 'Check an invoice before submitting it',
	description:
		"Find what Chorus Pro or the buyer would reject an invoice for (recipient, service code, commitment number, invoice number, totals, bank details…) from the platform's own data, without sending it",
	api: 'factures',
	// Composite: its one Factures call is Emitted Invoice → Search (an earlier invoice with the same number); the
	// other look-ups are the operations named in checkRules.ts, each with its own evidence.
	method: emitted('search').method,
	path: emitted('search').path,
	mutates: false,
	reportsInputProblems: true,
	fields: [
		{
			name: SUBMIT_AS,
			label: 'Submit As',
			type: 'options',
			in: 'none',
			required: true,
			options: [
				{ name: 'PDF Invoice', value: 'pdf', description: 'Checked as "Submit PDF Invoice" sends it: the PDF comes with the item' },
				{ name: 'Keyed-In Invoice', value: 'keyedIn', description: 'Checked as "Submit Keyed-In Invoice" sends it: line items and VAT lines are needed' },
			],
			default: 'pdf',
			description: 'How the invoice will be submitted, which decides what the document check looks at',
		},
		pdfBinaryField,
		...invoiceDataFields(),
	],
	// Special: which look-ups run depends on the invoice and on the platform's answers, and the output is a report.
	hooks: { run: checkInvoice },
	evidence: {
		level: 'unpublished',
		source:
			'Composite of described operations: Recipient → Search, Structure → Get / Search Services / Get Service, Commitment → Check Exists, Emitted Invoice → Search, Referential → Get Currencies / Get Billing Frameworks / Get Valid Bank Accounts',
		note: 'The rules come from the structure parameters of the Structures Swagger (codeServiceDoitEtreRenseigne, numeroEJDoitEtreRenseigne, gestionNumeroEJOuCodeService) and AIFE\'s nominal soumettre sequence; the duplicate rule and the tolerance on totals are not published.',
	},
};

// ---- Check First -----------------------------------------------------------------------------------------------

const checkFirstField: Field = {
	name: 'checkFirst',
	label: 'Check First',
	type: 'boolean',
	in: 'none',
	top: true,
	default: false,
	defaultSince: { version: CHECK_FIRST_SINCE, value: true },
	description:
		'Whether to run the checks of "Check Before Submitting" first and stop with the problems found instead of submitting (nothing is sent to Chorus Pro then). Checks that cannot be made do not stop the invoice; the output lists them.',
};

/** Runs the checks; throws with the problems when there are any, else answers what was and was not checked. */
async function checkOrStop(ctx: OperationContext): Promise<IDataObject> {
	const report = new CheckReport(ctx.operation.fields);
	// The executor already refused missing or invalid input and a missing or oversized PDF, and the keyed-in
	// submission its missing lines, before this hook: what is left are the platform's checks.
	report.pass('input');
	report.pass('document');
	await checkWithPlatform(ctx, report, ctx.params);
	const { problems, checks, notChecked } = report.toJson();
	if (report.problems.length === 0) return { checks, notChecked };
	const count = report.problems.length;
	const error = new NodeOperationError(
		ctx.fn.getNode(),
		`Invoice "${String(ctx.params.numeroFactureSaisi)}" was not submitted: Check First found ${count} problem${count > 1 ? 's' : ''} Chorus Pro or the buyer would reject it for (item ${ctx.itemIndex})`,
		{
			itemIndex: ctx.itemIndex,
			description: `${report.problems.map((p) => `${p.field}: ${p.message} What to do: ${p.action}`).join('\n')}\nNothing was sent to Chorus Pro.`,
		},
	);
	error.context.problems = problems;
	throw error;
}

/** The submit operation with the "Check First" option: the checks run after the input checks, before any upload. */
function withCheckFirst(operation: Operation): Operation {
	return {
		...operation,
		fields: [...operation.fields, checkFirstField],
		hooks: {
			...operation.hooks,
			// Special: the checks decide from the platform's answers whether the submission is sent at all.
			run: async (ctx, submit) => {
				if (ctx.params.checkFirst !== true) return await submit();
				const checkFirst = await checkOrStop(ctx);
				return { ...(await submit()), checkFirst };
			},
		},
	};
}

/** The emitted-invoice operations with Check First on both submit operations. */
export function withChecks(operations: Operation[]): Operation[] {
	return operations.map((op) =>
		op.resource === resource && (op.operation === 'submit' || op.operation === 'submitPdf') ? withCheckFirst(op) : op,
	);
}
