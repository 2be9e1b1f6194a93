import { NodeOperationError } from 'n8n-workflow';

import { BILLING_FRAMEWORKS, DEPOSIT_MODES, FLUX_SYNTAXES, IDENTIFIER_TYPES, INVOICE_TYPES, SORT_COLUMNS } from '../../shared/enums';
import { FLUX_REPORT } from '../../shared/fluxReport';
import { LIMITS } from '../../shared/limits';
import { described } from '../../shared/lookup';
import {
	ENVELOPE_KEYS,
	omit,
	type BinaryInput,
	type BuiltRequest,
	type Operation,
	type Resource,
	type OperationContext,
	type RequestOperation,
} from '../../shared/operation';
import { attachmentOperations } from '../../ChorusProTransverse/operations/attachment';
import { INVOICE_DOWNLOAD, INVOICE_HISTORY } from './anyRole';
import { comment, dateRange, flag, GET_SIZES, integer, invoiceAmountRanges, invoiceId, invoiceStatuses, LANGUAGE, matchBySiren, PICK, text } from '../../shared/fields';
import { invoiceDataFields } from './invoiceData';

/** Emitted invoices: the supplier's side (fournisseur). */
const resource = 'emittedInvoice';

const CHECK_SUBMISSION =
	'search your emitted invoices (Emitted Invoice → Search, filter "Invoice Number") and send it again only if it is not there.';

/** SAISIE_API needs the lines and the VAT recap (docs/api-notes.md §3.3). */
export function requireLines(ctx: OperationContext, request: BuiltRequest): void {
	for (const key of ['lignePoste', 'ligneTva']) {
		const value = request.body[key];
		if (!Array.isArray(value) || value.length === 0) {
			throw new NodeOperationError(
				ctx.fn.getNode(),
				`"${key === 'lignePoste' ? 'Line Items (JSON)' : 'VAT Lines (JSON)'}" is required to submit an invoice keyed in by API (item ${ctx.itemIndex + 1})`,
				{ itemIndex: ctx.itemIndex, description: 'Add it under Additional Fields, or use "Submit PDF Invoice" to send a PDF instead.' },
			);
		}
	}
	request.body.modeDepot = 'SAISIE_API';
}

const addFile = described(attachmentOperations, 'attachment', 'addFile');

/** The PDF of "Submit PDF Invoice": the file Add File uploads, narrowed to a PDF (DEPOT_PDF_API). */
export const PDF_FILE: BinaryInput = { ...addFile.binaryIn!, maxBytes: LIMITS.pdfBytes, limitLabel: '10 MB per PDF', extensions: ['PDF'] };

/** The soumettre request. */
const SUBMIT = { api: 'factures', method: 'POST', path: '/soumettre', mutates: true, howToCheck: CHECK_SUBMISSION } as const;

/** soumettre in DEPOT_PDF_API mode, the PDF uploaded before: the second step of "Submit PDF Invoice", not offered alone. */
const pdfSubmission: RequestOperation = {
	...SUBMIT,
	resource,
	operation: 'submitUploadedPdf',
	name: 'Submit Uploaded PDF',
	action: 'Submit an invoice whose PDF is uploaded',
	description: 'soumettre DEPOT_PDF_API with the pieceJointeId of an uploaded PDF',
	fields: invoiceDataFields().filter((f) => !['lignePoste', 'ligneTva'].includes(f.name)),
};

export const emittedInvoiceOperations: Operation[] = [
	{
		kind: 'steps',
		resource,
		operation: 'submitPdf',
		name: 'Submit PDF Invoice',
		action: 'Submit a PDF invoice',
		description: 'Send a PDF invoice to a public buyer in one step: upload the PDF, then submit it (ajouter/fichier + soumettre DEPOT_PDF_API)',
		api: SUBMIT.api,
		mutates: true,
		howToCheck: CHECK_SUBMISSION,
		binaryIn: PDF_FILE,
		fields: pdfSubmission.fields,
		steps: [
			{
				operation: addFile,
				howToCheck: 'nothing was submitted yet; the file may sit unused on your account, which is harmless. You can run this item again.',
			},
			{
				operation: pdfSubmission,
				body: (_params, [upload]) => ({
					modeDepot: 'DEPOT_PDF_API',
					pieceJointePrincipale: [
						{ pieceJointePrincipaleDesignation: upload.request.body.pieceJointeNom, pieceJointePrincipaleId: upload.answer.pieceJointeId },
					],
				}),
			},
		],
		result: ([upload, submitted]) => ({
			...omit(submitted.answer, ENVELOPE_KEYS),
			pieceJointeId: upload.answer.pieceJointeId,
			fileName: upload.request.body.pieceJointeNom,
		}),
	},
	{
		...SUBMIT,
		resource,
		operation: 'submit',
		name: 'Submit Keyed-In Invoice',
		action: 'Submit an invoice from data',
		description: 'Create an invoice from structured data; Chorus Pro generates its PDF (soumettre SAISIE_API)',
		fields: invoiceDataFields(),
		// Special: the lines sit in Additional Fields (as for the PDF invoice) but this mode needs them.
		hooks: { prepare: requireLines },
	},
	{
		resource,
		operation: 'depositFlux',
		name: 'Deposit Structured Flux',
		action: 'Deposit a Factur-X, UBL or CII flux',
		description: 'Send a structured invoice file (Factur-X PDF, UBL or CII XML, or a tar.gz batch) for asynchronous processing (deposer/flux)',
		api: 'factures',
		method: 'POST',
		path: '/deposer/flux',
		mutates: true,
		howToCheck:
			'wait a few minutes, then search your emitted invoices by invoice number, or look at the flux list in the Chorus Pro portal, before depositing it again.',
		binaryIn: {
			contentKey: 'fichierFlux',
			fileNameKey: 'nomFichier',
			maxBytes: LIMITS.fluxBytes,
			limitLabel: '30 MB per flux',
		},
		fields: [
			{
				name: 'syntaxeFlux',
				label: 'Flux Syntax',
				type: 'options',
				required: true,
				options: FLUX_SYNTAXES,
				default: 'IN_DP_E2_CII_FACTURX',
				description: 'Format of the file (syntaxeFlux): Factur-X, UBL, CII…',
			},
			{ name: 'nomFichier', label: 'File Name', type: 'string', description: 'Defaults to the binary file name' },
			flag('avecSignature', 'Signed', { description: 'Whether the file is electronically signed' }),
		],
	},
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search emitted invoices',
		description: 'Invoices issued by your structures, with filters such as status or flux number (rechercher/fournisseur)',
		api: 'factures',
		method: 'POST',
		path: '/rechercher/fournisseur',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'rechercheFactureParFournisseur',
			response: 'parametresRetour',
			list: 'listeFactures',
			maxPageSize: LIMITS.maxPageSize,
			sortColumns: SORT_COLUMNS.fournisseur,
		},
		fields: [
			text('numeroFacture', 'Invoice Number'),
			text('numeroFluxDepot', 'Flux Number', { description: 'numeroFluxDepot: invoices created by this flux' }),
			invoiceStatuses(),
			...dateRange('periodeDateDepot', 'Deposit Date'),
			...dateRange('periodeDateFacture', 'Invoice Date'),
			...dateRange('periodeDateHeureEtatCourant', 'Status Changed', 'dateTime'),
			{ name: 'typeFacture', label: 'Invoice Type', type: 'options', options: INVOICE_TYPES },
			integer('idFournisseur', 'Supplier Structure ID', { locator: PICK.myStructure }),
			integer('idServiceFournisseur', 'Supplier Service ID', { locator: PICK.supplierService }),
			integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.anyStructure }),
			{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: BILLING_FRAMEWORKS },
			{ name: 'modeDepot', label: 'Deposit Mode', type: 'options', options: DEPOSIT_MODES },
			...invoiceAmountRanges('Apayer'),
			text('numeroMarche', 'Contract Number'),
			text('numeroBonCommande', 'Purchase Order Number'),
			text('numeroFactureOrigine', 'Original Invoice Number'),
			flag('rejetTraite', 'Rejection Processed', { description: 'Whether to get the invoices whose rejection was already acknowledged (true) or not yet (false) (rejetTraite)' }),
			matchBySiren('Destinataire'),
			GET_SIZES,
		],
	},
	{
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get an emitted invoice',
		description: 'Full detail of one issued invoice (consulter/fournisseur)',
		api: 'factures',
		method: 'POST',
		path: '/consulter/fournisseur',
		mutates: false,
		fields: [invoiceId({ name: 'identifiantFactureCPP' }), { ...LANGUAGE, description: 'Language of the labels in the answer' }],
	},
	{
		resource,
		operation: 'complete',
		name: 'Complete Suspended Invoice',
		action: 'Complete a suspended invoice',
		description: 'Add attachments or a comment to a suspended invoice, which then becomes "completed" (completer)',
		api: 'factures',
		method: 'POST',
		path: '/completer',
		mutates: true,
		howToCheck: 'get the invoice history and see whether it is now COMPLETEE.',
		fields: [
			invoiceId({ name: 'identifiantFactureCPP' }),
			comment({ top: true }),
			{
				name: 'pieceJointeComplementaire',
				label: 'Attachments (JSON)',
				type: 'json',
				default: '[]',
				description:
					'Array of attachments uploaded with Transverse → Add File: pieceJointeComplementaireDesignation, pieceJointeComplementaireType, pieceJointeComplementaireId, pieceJointeComplementaireNumeroLigneFacture',
			},
		],
	},
	{
		resource,
		operation: 'correctValidator',
		name: 'Correct Validator',
		action: 'Correct the validator of an invoice',
		description: 'Replace a wrong validator on an invoice rejected for that reason (corriger/valideur/facture)',
		api: 'factures',
		method: 'POST',
		path: '/corriger/valideur/facture',
		mutates: true,
		howToCheck: 'get the invoice history and see whether the validator changed.',
		oneOf: { what: 'the new validator', groups: [['idStructure'], ['typeIdentifiantStructure', 'identifiantStructure']] },
		fields: [
			invoiceId(),
			// One of the two ways to name the new validator is required: both sit at the top, not in Additional Fields.
			integer('idStructure', 'Validator Structure ID', { description: 'Chorus Pro ID of the new validator (idStructure); or give its Identifier Type and Identifier instead', top: true }),
			{
				name: 'typeIdentifiantStructure',
				label: 'Identifier Type',
				type: 'options',
				options: IDENTIFIER_TYPES,
				top: true,
				description: 'Kind of identifier of the new validator, with Identifier below, when no Validator Structure ID is given (typeIdentifiantStructure)',
			},
			text('identifiantStructure', 'Identifier', { description: 'Identifier of the new validator, e.g. its SIRET, when no Validator Structure ID is given (identifiantStructure)', top: true }),
		],
	},
	{
		resource,
		operation: 'acknowledgeRejections',
		name: 'Acknowledge Rejections',
		action: 'Acknowledge rejected invoices',
		description: 'Mark rejected invoices as handled by the supplier (traiterRejet)',
		api: 'factures',
		method: 'POST',
		path: '/traiterRejet',
		mutates: true,
		howToCheck: 'search your emitted invoices with the filter "Rejection Processed".',
		fields: [
			{
				name: 'listeDemandePaiement',
				label: 'Invoice IDs',
				type: 'idList',
				itemKey: 'idDemandePaiement',
				required: true,
				placeholder: 'e.g. 12345, 12346',
				description: 'Chorus Pro ids of the rejected invoices, separated by commas',
			},
		],
	},
	{ ...FLUX_REPORT, resource },
	{ ...INVOICE_DOWNLOAD, resource },
	{ ...INVOICE_HISTORY, resource },
];

export const emittedInvoiceResource: Resource = { name: 'Emitted Invoice', value: resource, description: 'Invoices you send as a supplier (fournisseur)' };
