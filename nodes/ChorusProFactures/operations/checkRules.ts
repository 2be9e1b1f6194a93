import type { IDataObject } from 'n8n-workflow';

import { commitmentOperations } from '../../ChorusProEngagements/operations/commitment';
import { recipientOperations } from '../../ChorusProTransverse/operations/recipient';
import { referentialOperations } from '../../ChorusProTransverse/operations/referential';
import { structureOperations } from '../../ChorusProTransverse/operations/structure';
import { apiInfo } from '../../shared/apis';
import { described, lookUp } from '../../shared/lookup';
import type { OperationContext, RequestOperation } from '../../shared/operation';
import type { PageRequest } from '../../shared/pagination';
import type { CheckName, CheckReport, Problem } from './checkReport';
import { emittedInvoiceOperations } from './emittedInvoice';

/**
 * The checks of "Check Before Submitting", each answered by the platform's own data through operations the
 * package already describes (Recipient → Search, Structure → Get / Search Services / Get Service, Commitment →
 * Check Exists, Emitted Invoice → Search, Referential → Get Currencies / Get Billing Frameworks / Get Valid Bank
 * Accounts). Look-ups that do not depend on the invoice (a buyer's structure, the currency list…) are made once
 * per execution (`ctx.lookups`). A look-up that fails (API not subscribed → 403, platform error) makes its
 * checks "not checked", with the reason.
 */

const FIRST_PAGE: PageRequest = { returnAll: false, limit: 10 };

/** The list of an answer: a search's results, or the list the operation splits its answer into (`listeDevises`…). */
function listOf(operation: RequestOperation, answer: IDataObject | IDataObject[]): IDataObject[] {
	if (Array.isArray(answer)) return answer;
	const list = operation.splitList ? answer[operation.splitList] : undefined;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Secret-free words for a failed look-up: the transport's message plus its hint (e.g. which API to subscribe). */
function reasonOf(error: unknown): string {
	const { message, description } = error as { message?: string; description?: string | null };
	return [message, description].filter(Boolean).join(' — ') || 'the look-up failed';
}

interface Question {
	/** The checks (and their parameter) that depend on the answer: "not checked" when it cannot be had. */
	for: Array<[CheckName, string]>;
	operation: RequestOperation;
	params: IDataObject;
	page?: PageRequest;
	/** Set for answers that do not depend on the invoice: asked once per execution. */
	cacheKey?: string;
}

/** Asks the platform through a described operation; on failure the dependent checks become "not checked". */
async function ask<T>(ctx: OperationContext, report: CheckReport, question: Question): Promise<T | undefined> {
	const load = async () => (await lookUp(ctx, question.operation, question.params, question.page)) as T;
	try {
		return question.cacheKey ? await ctx.lookups.get(question.cacheKey, load) : await load();
	} catch (error) {
		const { operation } = question;
		const what = `"${operation.action}" (${apiInfo(operation.api).pisteName} API, ${operation.path})`;
		for (const [check, parameter] of question.for) report.cannotCheck(check, parameter, `${what} failed: ${reasonOf(error)}`);
		return undefined;
	}
}

const text = (value: unknown): string | undefined =>
	value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim();

const cents = (amount: unknown): number => Math.round(Number(amount) * 100);

const listOfCodes = (codes: string[]): string => (codes.length ? codes.slice(0, 10).join(', ') + (codes.length > 10 ? '…' : '') : 'none');

// ---- recipient, service code, engagement number ------------------------------------------------------------

/** The buyer the invoice is addressed to, once the recipient is found: the service and engagement checks read its rules. */
interface Buyer {
	idStructure: number;
	/** Its name, for messages. */
	name: string;
	/** The structure's `parametres` (codeServiceDoitEtreRenseigne, numeroEJDoitEtreRenseigne…). */
	rules: IDataObject;
}

async function checkRouting(ctx: OperationContext, report: CheckReport, params: IDataObject): Promise<void> {
	const siret = text(params.codeDestinataire);
	const dependants: Array<[CheckName, string]> = [
		['serviceCode', 'codeServiceExecutant'],
		['engagementNumber', 'numeroBonCommande'],
	];
	const unchecked = (reason: string) => dependants.forEach(([check, parameter]) => report.cannotCheck(check, parameter, reason));
	if (!siret) {
		report.cannotCheck('recipient', 'codeDestinataire', 'The recipient SIRET is missing or invalid.');
		unchecked('It depends on the recipient, which is missing or invalid.');
		return;
	}
	const recipients = await ask<IDataObject[]>(ctx, report, {
		for: [['recipient', 'codeDestinataire'], ...dependants],
		operation: described(recipientOperations, 'recipient', 'search'),
		params: { identifiant: siret },
		page: FIRST_PAGE,
		cacheKey: `recipient:${siret}`,
	});
	if (!recipients) return;
	const recipient = recipients.find((r) => String(r.siret) === siret);
	if (!recipient) {
		report.fail('recipient', {
			parameter: 'codeDestinataire',
			code: 'RECIPIENT_NOT_FOUND',
			message: `SIRET ${siret} is not a Chorus Pro recipient (destinataire): the recipient search finds no active structure that accepts invoices with this identifier.`,
			action: 'Check the SIRET with the buyer (it is often on the purchase order), or look it up with Transverse → Recipient → Search.',
		});
		unchecked('It depends on the recipient, which Chorus Pro does not know.');
		return;
	}
	report.pass('recipient');
	const idStructure = Number(recipient.idStructureCPP);
	const name = String(recipient.nomDestinataire ?? siret);

	const structure = await ask<IDataObject>(ctx, report, {
		for: dependants,
		operation: described(structureOperations, 'structure', 'get'),
		params: { idStructureCPP: idStructure },
		cacheKey: `structure:${idStructure}`,
	});
	if (!structure) return;

	const buyer: Buyer = { idStructure, name, rules: (structure.parametres ?? {}) as IDataObject };
	const service = await checkServiceCode(ctx, report, params, buyer);
	if (service === null) return;
	await checkEngagement(ctx, report, params, buyer, service);
}

/**
 * The active service (its search row) the invoice names; `undefined` when none is given or it is unknown or
 * inactive (a problem is reported); `null` when the services could not be read.
 */
async function checkServiceCode(
	ctx: OperationContext,
	report: CheckReport,
	params: IDataObject,
	{ idStructure, name, rules }: Buyer,
): Promise<IDataObject | undefined | null> {
	const code = text(params.codeServiceExecutant);
	const required = rules.codeServiceDoitEtreRenseigne === true;
	if (!code && !required) {
		report.pass('serviceCode');
		return undefined;
	}
	const services = await ask<IDataObject[]>(ctx, report, {
		for: [['serviceCode', 'codeServiceExecutant'], ['engagementNumber', 'numeroBonCommande']],
		operation: described(structureOperations, 'structure', 'searchServices'),
		params: { idStructure },
		cacheKey: `services:${idStructure}`,
	});
	if (!services) return null;
	const active = services.filter((s) => s.estActif === true).map((s) => String(s.codeService));
	if (!code) {
		report.fail('serviceCode', {
			parameter: 'codeServiceExecutant',
			code: 'SERVICE_CODE_REQUIRED',
			message: `${name} requires a service code (code service exécutant) on every invoice (codeServiceDoitEtreRenseigne).`,
			action: `Ask the buyer which service the invoice is for and put its code in "${report.label('codeServiceExecutant')}". Active codes: ${listOfCodes(active)}.`,
		});
		return undefined;
	}
	const service = services.find((s) => String(s.codeService) === code);
	if (!service) {
		report.fail('serviceCode', {
			parameter: 'codeServiceExecutant',
			code: 'SERVICE_CODE_UNKNOWN',
			message: `${name} has no service with the code "${code}".`,
			action: `Use one of its active service codes: ${listOfCodes(active)}.`,
		});
		return undefined;
	}
	if (service.estActif !== true) {
		report.fail('serviceCode', {
			parameter: 'codeServiceExecutant',
			code: 'SERVICE_CODE_INACTIVE',
			message: `The service "${code}" of ${name} is inactive${service.dateFinService ? ` since ${String(service.dateFinService)}` : ''}: Chorus Pro refuses invoices addressed to it.`,
			action: `Ask the buyer for its current service code. Active codes: ${listOfCodes(active)}.`,
		});
		return undefined;
	}
	report.pass('serviceCode');
	return service;
}

async function checkEngagement(
	ctx: OperationContext,
	report: CheckReport,
	params: IDataObject,
	{ idStructure, name, rules }: Buyer,
	service: IDataObject | undefined,
): Promise<void> {
	const numero = text(params.numeroBonCommande);
	const field = 'numeroBonCommande';
	if (!numero) {
		let requiredByService = false;
		if (service) {
			const idService = Number(service.idService);
			const detail = await ask<IDataObject>(ctx, report, {
				for: [['engagementNumber', field]],
				operation: described(structureOperations, 'structure', 'getService'),
				params: { idStructure, idService },
				cacheKey: `service:${idStructure}:${idService}`,
			});
			if (!detail) return;
			requiredByService = (detail.parametres as IDataObject | undefined)?.numeroEngagement === true;
		}
		const action = `Put the commitment (engagement juridique) or purchase order number the buyer gave you in "${report.label(field)}".`;
		if (rules.numeroEJDoitEtreRenseigne === true) {
			report.fail('engagementNumber', {
				parameter: field,
				code: 'ENGAGEMENT_REQUIRED',
				message: `${name} requires a commitment number (numéro d'engagement) on every invoice (numeroEJDoitEtreRenseigne).`,
				action: action,
			});
		} else if (requiredByService) {
			report.fail('engagementNumber', {
				parameter: field,
				code: 'ENGAGEMENT_REQUIRED',
				message: `The service "${String(service?.codeService)}" of ${name} requires a commitment number (numéro d'engagement).`,
				action: action,
			});
		} else if (rules.gestionNumeroEJOuCodeService === true && !text(params.codeServiceExecutant)) {
			report.fail('engagementNumber', {
				parameter: field,
				code: 'ENGAGEMENT_OR_SERVICE_CODE_REQUIRED',
				message: `${name} requires a commitment number or a service code (gestionNumeroEJOuCodeService); the invoice has neither.`,
				action: `${action} Or give its service code in "${report.label('codeServiceExecutant')}".`,
			});
		} else {
			report.pass('engagementNumber');
		}
		return;
	}
	const exists = await ask<IDataObject>(ctx, report, {
		for: [['engagementNumber', field]],
		operation: described(commitmentOperations, 'commitment', 'checkExists'),
		params: { numero },
		cacheKey: `engagement:${numero}`,
	});
	if (!exists) return;
	if (typeof exists.existe !== 'boolean') {
		report.cannotCheck('engagementNumber', field, 'The Engagements API answered without saying whether the number exists (no "existe").');
	} else if (!exists.existe) {
		report.fail('engagementNumber', {
			parameter: field,
			code: 'ENGAGEMENT_UNKNOWN',
			message: `The commitment number (numéro d'engagement) "${numero}" does not exist in Chorus Pro.`,
			action: 'Check the number on the purchase order (bon de commande) with the buyer: a typo here gets the invoice sent back.',
		});
	} else {
		report.pass('engagementNumber');
	}
}

// ---- invoice number ------------------------------------------------------------------------------------------

/**
 * Chorus Pro does not publish its duplicate rule for soumettre (the G2B rule is "same SIREN + number + year");
 * French invoicing law wants each number used once by a seller, so any earlier invoice with this number from the
 * same supplier structure is a problem, whatever its year or status.
 */
async function checkInvoiceNumber(ctx: OperationContext, report: CheckReport, params: IDataObject): Promise<void> {
	const numero = text(params.numeroFactureSaisi);
	const idFournisseur = params.idFournisseur;
	if (!numero || idFournisseur === undefined) {
		report.cannotCheck('invoiceNumber', 'numeroFactureSaisi', 'It needs the invoice number and the supplier structure, one of which is missing or invalid.');
		return;
	}
	// Not cached: a number submitted earlier in this execution must be found.
	const found = await ask<IDataObject[]>(ctx, report, {
		for: [['invoiceNumber', 'numeroFactureSaisi']],
		operation: described(emittedInvoiceOperations, 'emittedInvoice', 'search'),
		params: { numeroFacture: numero, idFournisseur },
		page: FIRST_PAGE,
	});
	if (!found) return;
	const earlier = found.find((invoice) => String(invoice.numeroFacture) === numero);
	if (!earlier) {
		report.pass('invoiceNumber');
		return;
	}
	report.fail('invoiceNumber', {
		parameter: 'numeroFactureSaisi',
		code: 'INVOICE_NUMBER_USED',
		message: `Invoice number "${numero}" is already used by invoice ${String(earlier.identifiantFactureCPP)} of this supplier (status ${String(earlier.statut)}, deposited ${String(earlier.dateDepot ?? 'earlier')}). Chorus Pro does not publish its duplicate rule; a number is used once per supplier.`,
		action: 'If it is the same invoice, it was already sent: do not send it again. Otherwise give this invoice its own number.',
	});
}

// ---- amounts, currency, billing framework, bank details --------------------------------------------------------

/** The platform does not publish a tolerance: totals must agree to the cent. */
function checkTotals(report: CheckReport, params: IDataObject): void {
	const amounts = ['montantHtTotal', 'montantTVA', 'montantTtcTotal', 'montantAPayer'];
	if (amounts.some((key) => typeof params[key] !== 'number')) {
		report.cannotCheck('totals', 'montantTtcTotal', 'It needs the four amounts, one of which is missing or invalid.');
		return;
	}
	const [ht, tva, ttc, toPay] = amounts.map((key) => cents(params[key]));
	const euros = (n: number) => (n / 100).toFixed(2);
	let fine = true;
	if (ht + tva !== ttc) {
		fine = false;
		report.fail('totals', {
			parameter: 'montantTtcTotal',
			code: 'TOTALS_DO_NOT_ADD_UP',
			message: `Total excl. VAT (montant HT) ${euros(ht)} + VAT (montant TVA) ${euros(tva)} = ${euros(ht + tva)}, not the total incl. VAT (montant TTC) ${euros(ttc)}. Chorus Pro does not publish a tolerance; this check wants them equal to the cent.`,
			action: 'Correct the amounts so that HT + TVA = TTC.',
		});
	}
	if (toPay > ttc) {
		fine = false;
		report.fail('totals', {
			parameter: 'montantAPayer',
			code: 'AMOUNT_TO_PAY_ABOVE_TOTAL',
			message: `The amount to pay (montant à payer) ${euros(toPay)} is more than the total incl. VAT (montant TTC) ${euros(ttc)}.`,
			action: 'The amount to pay is the total incl. VAT minus what was already paid (deposits, discounts): correct it.',
		});
	}
	if (fine) report.pass('totals');
}

async function checkInList(
	ctx: OperationContext,
	report: CheckReport,
	check: CheckName,
	parameter: string,
	value: string | undefined,
	source: Omit<Question, 'for'> & { key: string },
	problem: (known: string[]) => Pick<Problem, 'code' | 'message' | 'action'>,
): Promise<void> {
	if (!value) {
		report.cannotCheck(check, parameter, 'The value is missing or invalid.');
		return;
	}
	const answer = await ask<IDataObject | IDataObject[]>(ctx, report, { ...source, for: [[check, parameter]] });
	if (!answer) return;
	const known = listOf(source.operation, answer).map((entry) => String(entry[source.key]));
	if (known.includes(value)) {
		report.pass(check);
		return;
	}
	report.fail(check, { parameter, ...problem(known) });
}

async function checkReferences(ctx: OperationContext, report: CheckReport, params: IDataObject): Promise<void> {
	const currency = text(params.deviseFacture);
	await checkInList(
		ctx,
		report,
		'currency',
		'deviseFacture',
		currency,
		{ operation: described(referentialOperations, 'referential', 'getCurrencies'), params: {}, cacheKey: 'currencies', key: 'codeDevise' },
		(known) => ({
			code: 'CURRENCY_UNKNOWN',
			message: `Chorus Pro does not know the currency (devise) "${currency}".`,
			action: `Use an ISO 4217 code Chorus Pro lists, such as ${listOfCodes(known)}.`,
		}),
	);
	const framework = text(params.codeCadreFacturation);
	await checkInList(
		ctx,
		report,
		'billingFramework',
		'codeCadreFacturation',
		framework,
		{
			operation: described(referentialOperations, 'referential', 'getBillingFrameworks'),
			params: { typeDemandePaiement: 'FACTURE' },
			cacheKey: 'frameworks:FACTURE',
			key: 'codeCadreFacturation',
		},
		(known) => ({
			code: 'BILLING_FRAMEWORK_NOT_ALLOWED',
			message: `Chorus Pro does not accept the billing framework (cadre de facturation) "${framework}" for an invoice.`,
			action: `Use one of: ${listOfCodes(known)}.`,
		}),
	);
	const bank = params.codeCoordonneesBancairesFournisseur;
	if (bank === undefined) {
		report.notApplicable('bankDetails');
		return;
	}
	const idStructure = params.idFournisseur;
	if (idStructure === undefined) {
		report.cannotCheck('bankDetails', 'codeCoordonneesBancairesFournisseur', 'It needs the supplier structure, which is missing or invalid.');
		return;
	}
	await checkInList(
		ctx,
		report,
		'bankDetails',
		'codeCoordonneesBancairesFournisseur',
		String(bank),
		{
			operation: described(referentialOperations, 'referential', 'getValidBankAccounts'),
			params: { idStructure },
			cacheKey: `bank:${String(idStructure)}`,
			key: 'idCoordonneeBancaire',
		},
		(known) => ({
			code: 'BANK_DETAILS_NOT_VALID',
			message: `The bank details (coordonnées bancaires) ${String(bank)} are not among the valid ones of supplier structure ${String(idStructure)}.`,
			action: `Use one of its valid bank details ids (${listOfCodes(known)}), or add and validate the account in the Chorus Pro portal first.`,
		}),
	);
}

/** Every check that reads the platform, in the order of `CHECKS`. */
export async function checkWithPlatform(ctx: OperationContext, report: CheckReport, params: IDataObject): Promise<void> {
	await checkRouting(ctx, report, params);
	await checkInvoiceNumber(ctx, report, params);
	checkTotals(report, params);
	await checkReferences(ctx, report, params);
}
