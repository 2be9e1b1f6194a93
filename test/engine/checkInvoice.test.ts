/**
 * "Check Before Submitting" and "Check First" (issue 12) through n8n-core's real ExecuteContext against the
 * simulator: a passing invoice, one failing case per check, the "not checked" path (Engagements API not
 * subscribed → 403), Check First refusing to submit (nothing reaches soumettre), the per-execution cache of
 * look-ups, and saved version-1 nodes that keep submitting directly.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { invoiceDataFields } from '../../nodes/ChorusProFactures/operations/invoiceData';
import { binaryItem, runNode } from '../harness/run';
import { minimalPdf } from '../simulator/factures/documents';
import { DEMO_IDS } from '../simulator/server';
import { useSimulator } from './fixture';
import { invoiceFields } from './invoiceFixture';

const node = new ChorusProFactures();
/** The label the user sees for a parameter (problems name the field by it). */
const label = (parameter: string) => invoiceDataFields().find((f) => f.name === parameter)?.label;
const SUPPLIER = DEMO_IDS.supplier.idStructureCPP;
const BANK_DETAILS = 45_678;
const BUYER = DEMO_IDS.buyerWithService;
const HOSPITAL = DEMO_IDS.buyerWithEngagement;
const SYNDICATE = DEMO_IDS.buyerWithEngagementOrService;

const { sim, credentials } = useSimulator(node);

/** The fields of a valid invoice to the buyer that requires a service code. */
function invoice(numero: string, top: IDataObject = {}, additional: IDataObject = {}): INodeParameters {
	return {
		...invoiceFields(numero),
		...top,
		additionalFields: { codeServiceExecutant: 'FACTURES_PUBLIQUES', codeCoordonneesBancairesFournisseur: BANK_DETAILS, ...additional },
	};
}

const LINES = {
	lignePoste: JSON.stringify([{ lignePosteNumero: 1, lignePosteDenomination: 'Prestation', lignePosteQuantite: 1, lignePosteMontantUnitaireHT: 1000, lignePosteTauxTva: 'TVA5' }]),
	ligneTva: JSON.stringify([{ ligneTvaTaux: 'TVA5', ligneTvaMontantBaseHtParTaux: 1000, ligneTvaMontantTvaParTaux: 200 }]),
};

const pdf = async () => await binaryItem(minimalPdf('Facture', ['Prestation 1000 EUR HT']), 'facture.pdf', 'application/pdf');

/** Requests received since `from` on paths ending with `suffix`. */
const since = (from: number, suffix: string) => sim.requests.slice(from).filter((r) => r.path.endsWith(suffix)).length;

async function check(parameters: INodeParameters, items?: INodeExecutionData[]): Promise<IDataObject[]> {
	const [output] = await runNode(node, {
		parameters: { resource: 'emittedInvoice', operation: 'checkBeforeSubmit', ...parameters },
		credentials,
		items: items ?? [await pdf()],
	});
	return output.map((item) => item.json);
}

async function checkOne(parameters: INodeParameters, items?: INodeExecutionData[]): Promise<IDataObject> {
	const [result] = await check(parameters, items);
	return result;
}

const codes = (result: IDataObject) => (result.problems as IDataObject[]).map((p) => p.code);

describe('Check Before Submitting', () => {
	it('passes a good invoice: every check made against the platform, nothing sent', async () => {
		const from = sim.requests.length;
		const result = await checkOne(invoice('CHK-OK-001'));
		expect(result).toMatchObject({ ok: true, problems: [], notChecked: [], numeroFactureSaisi: 'CHK-OK-001', codeDestinataire: BUYER.siret });
		expect(result.checks).toEqual({
			input: 'passed',
			recipient: 'passed',
			serviceCode: 'passed',
			engagementNumber: 'passed',
			invoiceNumber: 'passed',
			totals: 'passed',
			currency: 'passed',
			billingFramework: 'passed',
			bankDetails: 'passed',
			document: 'passed',
		});
		for (const path of ['/rechercher/destinataire', '/structures/v1/consulter', '/rechercher/services', '/rechercher/fournisseur', '/recuperer/devises', '/recuperer/cadrefacturation', '/recuperer/coordbanc/valides']) {
			expect([path, since(from, path)]).toEqual([path, 1]);
		}
		expect(since(from, '/soumettre') + since(from, '/ajouter/fichier')).toBe(0);
		const search = sim.requests.slice(from).find((r) => r.path.endsWith('/rechercher/fournisseur'));
		expect(search?.body).toMatchObject({ numeroFacture: 'CHK-OK-001', idFournisseur: SUPPLIER });
	});

	it('reports missing and invalid input as problems of the item, and checks the rest', async () => {
		const result = await checkOne(invoice('CHK-IN-001', { codeDestinataire: '21750001600018', montantTVA: '' }));
		expect(result.ok).toBe(false);
		expect(result.problems).toEqual([
			expect.objectContaining({ field: label('codeDestinataire'), parameter: 'codeDestinataire', code: 'INVALID_VALUE' }),
			expect.objectContaining({ field: label('montantTVA'), parameter: 'montantTVA', code: 'REQUIRED' }),
		]);
		expect(result.checks).toMatchObject({ input: 'failed', recipient: 'notChecked', totals: 'notChecked', invoiceNumber: 'passed' });
	});

	it('finds a SIRET that is not a Chorus Pro recipient', async () => {
		const result = await checkOne(invoice('CHK-RC-001', { codeDestinataire: DEMO_IDS.partner.siret }));
		expect(codes(result)).toEqual(['RECIPIENT_NOT_FOUND']);
		expect((result.problems as IDataObject[])[0]).toMatchObject({ field: label('codeDestinataire'), parameter: 'codeDestinataire' });
		expect(result.checks).toMatchObject({ recipient: 'failed', serviceCode: 'notChecked', engagementNumber: 'notChecked' });
	});

	it('finds a missing, an unknown and an inactive service code', async () => {
		const missing = await checkOne(invoice('CHK-SC-001', {}, { codeServiceExecutant: '' }));
		expect(codes(missing)).toEqual(['SERVICE_CODE_REQUIRED']);
		const [problem] = missing.problems as IDataObject[];
		expect(problem.message).toContain('codeServiceDoitEtreRenseigne');
		expect(problem.action).toContain('FACTURES_PUBLIQUES, DST-INFO');
		expect(problem.action).not.toContain('ANCIEN-SVC');

		expect(codes(await checkOne(invoice('CHK-SC-002', {}, { codeServiceExecutant: 'COMPTA' })))).toEqual(['SERVICE_CODE_UNKNOWN']);
		const inactive = await checkOne(invoice('CHK-SC-003', {}, { codeServiceExecutant: 'ANCIEN-SVC' }));
		expect(codes(inactive)).toEqual(['SERVICE_CODE_INACTIVE']);
		expect(inactive.checks).toMatchObject({ serviceCode: 'failed' });
	});

	it('finds a commitment number the buyer requires, and one that does not exist', async () => {
		const toHospital = (numero: string, additional: IDataObject) =>
			invoice(numero, { codeDestinataire: HOSPITAL.siret }, { codeServiceExecutant: '', ...additional });
		expect(codes(await checkOne(toHospital('CHK-EJ-001', {})))).toEqual(['ENGAGEMENT_REQUIRED']);
		const unknown = await checkOne(toHospital('CHK-EJ-002', { numeroBonCommande: 'EJ-2025-999999' }));
		expect(codes(unknown)).toEqual(['ENGAGEMENT_UNKNOWN']);
		expect((unknown.problems as IDataObject[])[0]).toMatchObject({ field: label('numeroBonCommande'), parameter: 'numeroBonCommande' });
		const known = await checkOne(toHospital('CHK-EJ-003', { numeroBonCommande: DEMO_IDS.engagements[0] }));
		expect(known).toMatchObject({ ok: true, problems: [] });
	});

	it('finds a service that requires a commitment number, and a buyer that wants a commitment number or a service code', async () => {
		const toSyndicate = (numero: string, additional: IDataObject) =>
			invoice(numero, { codeDestinataire: SYNDICATE.siret }, { codeServiceExecutant: '', ...additional });
		const byService = await checkOne(toSyndicate('CHK-EJ-004', { codeServiceExecutant: 'TRAVAUX' }));
		expect(codes(byService)).toEqual(['ENGAGEMENT_REQUIRED']);
		expect(String((byService.problems as IDataObject[])[0].message)).toContain('TRAVAUX');
		expect(codes(await checkOne(toSyndicate('CHK-EJ-005', {})))).toEqual(['ENGAGEMENT_OR_SERVICE_CODE_REQUIRED']);
		expect(await checkOne(toSyndicate('CHK-EJ-006', { codeServiceExecutant: 'ACCUEIL' }))).toMatchObject({ ok: true });
	});

	it('finds an invoice number this supplier already used', async () => {
		const earlier = sim.store.addInvoice({ numeroFacture: 'CHK-DUP-001', idFournisseur: SUPPLIER, statut: 'MISE_A_DISPOSITION' });
		const result = await checkOne(invoice('CHK-DUP-001'));
		expect(codes(result)).toEqual(['INVOICE_NUMBER_USED']);
		expect(String((result.problems as IDataObject[])[0].message)).toContain(String(earlier.idFacture));
		// The same number from another supplier structure is not this supplier's.
		sim.store.addInvoice({ numeroFacture: 'CHK-DUP-002', idFournisseur: DEMO_IDS.partner.idStructureCPP, statut: 'MISE_A_DISPOSITION' });
		expect(codes(await checkOne(invoice('CHK-DUP-002')))).toEqual([]);
	});

	it('finds totals that do not add up and an amount to pay above the total', async () => {
		const result = await checkOne(invoice('CHK-TOT-001', { montantTtcTotal: 1300, montantAPayer: 1300.01 }));
		expect(codes(result)).toEqual(['TOTALS_DO_NOT_ADD_UP', 'AMOUNT_TO_PAY_ABOVE_TOTAL']);
		// Equal to the cent, whatever binary floating point does with the sum.
		expect(await checkOne(invoice('CHK-TOT-002', { montantHtTotal: 0.1, montantTVA: 0.2, montantTtcTotal: 0.3, montantAPayer: 0.3 }))).toMatchObject({ ok: true });
	});

	it('finds a currency and a billing framework Chorus Pro does not take', async () => {
		const currency = await checkOne(invoice('CHK-CUR-001', { deviseFacture: 'XYZ' }));
		expect(codes(currency)).toEqual(['CURRENCY_UNKNOWN']);
		expect(String((currency.problems as IDataObject[])[0].action)).toContain('EUR');
		// The field lists the frameworks the server knows; soumettre takes four of them: any other is a problem.
		const framework = await checkOne(invoice('CHK-CAD-001', { codeCadreFacturation: 'A3_MEMOIRE_JUSTICE' }));
		expect(framework.problems).toEqual([
			expect.objectContaining({ parameter: 'codeCadreFacturation', code: 'BILLING_FRAMEWORK_NOT_ALLOWED' }),
		]);
	});

	it("finds bank details that are not among the supplier's valid ones", async () => {
		const result = await checkOne(invoice('CHK-BANK-001', {}, { codeCoordonneesBancairesFournisseur: 99_999 }));
		expect(codes(result)).toEqual(['BANK_DETAILS_NOT_VALID']);
		expect(String((result.problems as IDataObject[])[0].action)).toContain(String(BANK_DETAILS));
		expect((await checkOne(invoice('CHK-BANK-002', {}, { codeCoordonneesBancairesFournisseur: 0 }))).checks).toMatchObject({ bankDetails: 'notApplicable' });
	});

	it('finds a missing PDF, a file that is not a PDF, and a keyed-in invoice without lines', async () => {
		expect(codes(await checkOne(invoice('CHK-DOC-001'), [{ json: {} }]))).toEqual(['FILE_MISSING']);
		const text = await binaryItem('not a pdf', 'facture.txt', 'text/plain');
		expect(codes(await checkOne(invoice('CHK-DOC-002'), [text]))).toEqual(['FILE_NOT_ACCEPTED']);
		const keyedIn = await checkOne({ ...invoice('CHK-DOC-003'), submitAs: 'keyedIn' }, [{ json: {} }]);
		expect(codes(keyedIn)).toEqual(['LINES_MISSING']);
		const withLines = invoice('CHK-DOC-004', { submitAs: 'keyedIn' });
		withLines.additionalFields = { ...(withLines.additionalFields as IDataObject), ...LINES };
		expect(await checkOne(withLines, [{ json: {} }])).toMatchObject({ ok: true });
	});

	it('says "not checked", with the reason, when the Engagements API is not subscribed (403) — never passed', async () => {
		sim.store.unsubscribe('engagements');
		try {
			const result = await checkOne(invoice('CHK-403-001', { codeDestinataire: HOSPITAL.siret }, { codeServiceExecutant: '', numeroBonCommande: DEMO_IDS.engagements[0] }));
			expect(result).toMatchObject({ ok: false, problems: [] });
			expect(result.checks).toMatchObject({ engagementNumber: 'notChecked', recipient: 'passed' });
			const [notChecked] = result.notChecked as IDataObject[];
			expect(notChecked).toMatchObject({ check: 'engagementNumber', parameter: 'numeroBonCommande' });
			expect(notChecked.reason).toMatch(/HTTP 403/);
			expect(notChecked.reason).toMatch(/Subscribe the "Engagements" API/);
		} finally {
			sim.store.subscribe('engagements');
		}
	});

	it('looks a buyer up once for 20 invoices to it in one execution', async () => {
		const items = await Promise.all(Array.from({ length: 20 }, async (_, k) => ({ ...(await pdf()), json: { numero: `CHK-BATCH-${k + 1}` } })));
		const from = sim.requests.length;
		const results = await check(invoice('={{ $json.numero }}'), items);
		expect(results.map((r) => r.numeroFactureSaisi)).toEqual(items.map((i) => i.json.numero));
		expect(results.every((r) => r.ok === true)).toBe(true);
		expect(since(from, '/rechercher/destinataire')).toBe(1);
		expect(since(from, '/structures/v1/consulter')).toBe(1);
		expect(since(from, '/rechercher/services')).toBe(1);
		expect(since(from, '/recuperer/devises')).toBe(1);
		expect(since(from, '/recuperer/coordbanc/valides')).toBe(1);
		// The invoice number is each invoice's own question.
		expect(since(from, '/rechercher/fournisseur')).toBe(20);
	});
});

describe('Check First', () => {
	async function submit(operation: 'submit' | 'submitPdf', parameters: INodeParameters, options: { typeVersion?: number; continueOnFail?: boolean; items?: INodeExecutionData[] } = {}) {
		const [output] = await runNode(node, {
			parameters: { resource: 'emittedInvoice', operation, ...parameters },
			credentials,
			typeVersion: options.typeVersion,
			continueOnFail: options.continueOnFail,
			items: options.items ?? [operation === 'submitPdf' ? await pdf() : { json: {} }],
		});
		return output.map((item) => item.json);
	}
	const keyedIn = (numero: string, additional: IDataObject = {}) => {
		const parameters = invoice(numero, {}, additional);
		parameters.additionalFields = { ...(parameters.additionalFields as IDataObject), ...LINES };
		return parameters;
	};

	it('is on for new nodes: stops an invoice with a problem, and nothing reaches soumettre or the file upload', async () => {
		const from = sim.requests.length;
		const error = await submit('submitPdf', invoice('CF-STOP-001', {}, { codeServiceExecutant: '' })).then(
			() => undefined,
			(e: unknown) => e as Error & { description?: string },
		);
		expect(error?.message).toMatch(/Invoice "CF-STOP-001" was not submitted: Check First found 1 problem/);
		expect(error?.description).toContain(`${label('codeServiceExecutant')}: `);
		expect(error?.description).toMatch(/codeServiceDoitEtreRenseigne.*What to do/);
		expect(since(from, '/soumettre')).toBe(0);
		expect(since(from, '/ajouter/fichier')).toBe(0);
		expect(since(from, '/structures/v1/consulter')).toBeGreaterThan(0);
		expect([...sim.store.invoices.values()].some((i) => i.numeroFacture === 'CF-STOP-001')).toBe(false);
	});

	it('with Continue On Fail: the problems as an item, 0 soumettre for that invoice, and the next one submitted', async () => {
		const from = sim.requests.length;
		const items = [{ json: { numero: 'CF-COF-001', ttc: 1300 } }, { json: { numero: 'CF-COF-002', ttc: 1200 } }];
		const parameters = { ...keyedIn('={{ $json.numero }}'), montantTtcTotal: '={{ $json.ttc }}', montantAPayer: '={{ $json.ttc }}' };
		const results = await submit('submit', parameters, { continueOnFail: true, items });
		expect(results).toHaveLength(2);
		expect(results[0].error).toMatch(/Invoice "CF-COF-001" was not submitted/);
		expect(results[0].problems).toEqual([expect.objectContaining({ code: 'TOTALS_DO_NOT_ADD_UP', parameter: 'montantTtcTotal' })]);
		expect(results[1]).toMatchObject({ numeroFacture: 'CF-COF-002', checkFirst: { notChecked: [] } });
		const submitted = sim.requests.slice(from).filter((r) => r.path.endsWith('/soumettre'));
		expect(submitted.map((r) => (r.body as IDataObject).numeroFactureSaisi)).toEqual(['CF-COF-002']);
	});

	it('submits a good invoice after checking it, and says what was checked', async () => {
		const from = sim.requests.length;
		const [result] = await submit('submit', keyedIn('CF-OK-001'));
		expect(result).toMatchObject({ numeroFacture: 'CF-OK-001', statutFacture: 'DEPOSEE' });
		expect(result.checkFirst).toMatchObject({ notChecked: [], checks: expect.objectContaining({ recipient: 'passed', invoiceNumber: 'passed' }) });
		expect(since(from, '/soumettre')).toBe(1);
		// The check ran before the submission.
		const order = sim.requests.slice(from).map((r) => r.path);
		expect(order.findIndex((p) => p.endsWith('/rechercher/fournisseur'))).toBeLessThan(order.findIndex((p) => p.endsWith('/soumettre')));
	});

	it('costs one structure look-up for 20 invoices to the same buyer', async () => {
		const items = Array.from({ length: 20 }, (_, k) => ({ json: { numero: `CF-BATCH-${k + 1}` } }));
		const from = sim.requests.length;
		const results = await submit('submit', keyedIn('={{ $json.numero }}'), { items });
		expect(results.map((r) => r.numeroFacture)).toEqual(items.map((i) => i.json.numero));
		expect(since(from, '/soumettre')).toBe(20);
		expect(since(from, '/rechercher/destinataire')).toBe(1);
		expect(since(from, '/structures/v1/consulter')).toBe(1);
		expect(since(from, '/rechercher/services')).toBe(1);
	});

	it('is off for saved version-1 nodes: they submit directly, as before', async () => {
		const from = sim.requests.length;
		const error = await submit('submit', keyedIn('CF-V1-001', { codeServiceExecutant: '' }), { typeVersion: 1 }).then(
			() => undefined,
			(e: unknown) => e as Error,
		);
		// No check: the request reaches soumettre, and Chorus Pro refuses it itself.
		expect(since(from, '/soumettre')).toBe(1);
		expect(since(from, '/structures/v1/consulter')).toBe(0);
		expect(error?.message).toMatch(/code service est obligatoire/);
	});
});
