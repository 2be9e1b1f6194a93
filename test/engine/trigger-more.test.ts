/**
 * Two more Chorus Pro Trigger events through n8n-core's real PollContext (test/harness) against the simulator's
 * demo data, with the clock under the test's control (only `Date` is faked, as in trigger.test.ts):
 * - "Invoice to Validate Status Changed": the validator side of the demo's A9 sub-contracting flow;
 * - "Flux Report Final" with "Discover From Deposited Invoices": a flux found through its invoices only.
 */
import { gzipSync } from 'zlib';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChorusProTrigger } from '../../nodes/ChorusProTrigger/ChorusProTrigger.node';
import { runPoll } from '../harness/run';
import { fakeDateOnly } from '../harness/clock';
import { depositFlux } from '../simulator/factures/flux';
import { DEMO_IDS, type RecordedRequest } from '../simulator/server';
import { useSimulator } from './fixture';
import type { Invoice } from '../simulator/store';

const MIN = 60_000;
/** 2025-03-17 08:00 UTC = 09:00 in Paris (CET). */
const T0 = Date.UTC(2025, 2, 17, 8, 0, 0);
const VALIDATOR_SEARCH = '/cpro/factures/v1/rechercher/demandePaiement';
const SUPPLIER_SEARCH = '/cpro/factures/v1/rechercher/fournisseur';
const FLUX_REPORT = '/consulterCRDetaille';

const trigger = new ChorusProTrigger();

function setClock(instant: number): void {
	jest.setSystemTime(instant);
}

function advance(ms: number): void {
	jest.setSystemTime(Date.now() + ms);
}

async function poll(parameters: INodeParameters, staticData: IDataObject): Promise<INodeExecutionData[]> {
	const result = await runPoll(trigger, { parameters, credentials, staticData, mode: 'trigger' });
	return result?.[0] ?? [];
}

/** Requests received since index `from` whose path ends with `suffix`. */
function requestsTo(suffix: string, from: number): RecordedRequest[] {
	return sim.requests.slice(from).filter((r) => r.path.endsWith(suffix));
}

function bodyOf(request: RecordedRequest): IDataObject {
	return request.body as IDataObject;
}

/** A minimal ustar archive (regular files only), gzipped: the lot format of a flux deposit. */
function tarGz(files: Array<{ name: string; text: string }>): Buffer {
	const blocks: Buffer[] = [];
	for (const file of files) {
		const data = Buffer.from(file.text, 'utf8');
		const header = Buffer.alloc(512);
		const put = (text: string, offset: number) => header.write(text, offset, 'latin1');
		put(file.name, 0);
		put('0000644\0', 100);
		put('0000000\0', 108);
		put('0000000\0', 116);
		put(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
		put(`${Math.floor(T0 / 1000).toString(8).padStart(11, '0')}\0`, 136);
		put('0', 156);
		put('ustar\u000000', 257);
		header.fill(0x20, 148, 156);
		const sum = header.reduce((a, b) => a + b, 0);
		put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
		blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
	}
	blocks.push(Buffer.alloc(1024));
	return gzipSync(Buffer.concat(blocks));
}

function ublInvoice(numero: string, buyerSiret: string, serviceCode: string): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
		' xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"',
		' xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">',
		`<cbc:ID>${numero}</cbc:ID><cbc:IssueDate>2025-04-15</cbc:IssueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>`,
		`<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:BuyerReference>${serviceCode}</cbc:BuyerReference>`,
		`<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="0009">${DEMO_IDS.supplier.siret}</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingSupplierParty>`,
		`<cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="0009">${buyerSiret}</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingCustomerParty>`,
		'<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">200.00</cbc:TaxAmount></cac:TaxTotal>',
		'<cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">1000.00</cbc:TaxExclusiveAmount>',
		'<cbc:TaxInclusiveAmount currencyID="EUR">1200.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">1200.00</cbc:PayableAmount></cac:LegalMonetaryTotal>',
		'</Invoice>',
	].join('\n');
}

// Only `Date` is faked, from before the simulator starts: the demo seed is dated from T0 (the A9
// sub-contracting invoices and the supplier's own invoices).
beforeAll(() => fakeDateOnly(T0));
afterAll(() => jest.useRealTimers());
const { sim, credentials } = useSimulator(trigger, { seed: 'demo', tokenLifetimeSeconds: 365 * 86_400 });

describe('Chorus Pro Trigger: invoice to validate status changed', () => {
	it('reports the changes of the invoices the account validates, each once, from rechercher/demandePaiement', async () => {
		setClock(T0);
		const demo = [...sim.store.invoices.values()];
		const mine = demo.find(
			(i) => i.cadreFacturation === 'A9_FACTURE_SOUSTRAITANT' && i.idValideur1 === DEMO_IDS.supplier.idStructureCPP,
		) as Invoice;
		const othersValidator = demo.find(
			(i) => i.cadreFacturation === 'A9_FACTURE_SOUSTRAITANT' && i.idValideur1 === DEMO_IDS.buyerWithEngagement.idStructureCPP,
		) as Invoice;
		const ownSupplierInvoice = demo.find((i) => i.cadreFacturation === 'A1_FACTURE_FOURNISSEUR' && i.statut === 'SERVICE_FAIT') as Invoice;
		expect(mine).toMatchObject({ statut: 'A_VALIDER_1', idFournisseur: DEMO_IDS.partner.idStructureCPP });
		expect(othersValidator).toBeDefined();
		expect(ownSupplierInvoice).toBeDefined();
		const parameters: INodeParameters = { event: 'invoiceToValidateStatusChanged' };
		const staticData: IDataObject = {};

		// Activation: remembers "now", asks nothing, reports nothing old (the A9 invoice waits since yesterday).
		const start = sim.requests.length;
		expect(await poll(parameters, staticData)).toEqual([]);
		expect(sim.requests.length).toBe(start);
		advance(5 * MIN);
		expect(await poll(parameters, staticData)).toEqual([]);

		// The account validates its A9 invoice; meanwhile invoices it does not validate change too.
		advance(MIN);
		const validatedAt = Date.now();
		sim.store.setStatus(mine.idFacture, 'VALIDEE_1', { motif: 'Travaux conformes', user: sim.store.account.user });
		sim.store.setStatus(othersValidator.idFacture, 'A_VALIDER_1');
		sim.store.setStatus(ownSupplierInvoice.idFacture, 'MANDATEE');
		advance(MIN);
		let out = await poll(parameters, staticData);
		expect(out.map((i) => [i.json.invoiceId, i.json.previousStatus, i.json.newStatus])).toEqual([[mine.idFacture, null, 'VALIDEE_1']]);
		expect(out[0].json).toMatchObject({
			event: 'invoiceToValidateStatusChanged',
			idDemandePaiement: mine.idFacture,
			etatCourant: 'VALIDEE_1',
			cadreFacturation: 'A9_FACTURE_SOUSTRAITANT',
			idStructureValideur1: DEMO_IDS.supplier.idStructureCPP,
			commentaireEtatCourant: 'Travaux conformes',
			changedAt: new Date(validatedAt).toISOString(),
		});

		// The next poll reads the change again (overlap) and drops it.
		advance(5 * MIN);
		expect(await poll(parameters, staticData)).toEqual([]);

		// Validated, Chorus Pro deposits and routes it: the validator sees MISE_A_DISPOSITION, after VALIDEE_1.
		advance(MIN);
		sim.store.deposit(mine, null);
		advance(MIN);
		out = await poll(parameters, staticData);
		expect(out.map((i) => [i.json.invoiceId, i.json.previousStatus, i.json.newStatus])).toEqual([
			[mine.idFacture, 'VALIDEE_1', 'MISE_A_DISPOSITION'],
		]);
		advance(5 * MIN);
		expect(await poll(parameters, staticData)).toEqual([]);

		// One unpaged search per poll, validator role, window from the activation and then 10 minutes back.
		const searches = requestsTo(VALIDATOR_SEARCH, start);
		expect(searches.map((r) => r.method)).toEqual(['POST', 'POST', 'POST', 'POST', 'POST']);
		for (const r of searches) expect(Object.keys(bodyOf(r)).sort()).toEqual(['periodeDateHeureEtatCourantDu', 'roleUtilisateur']);
		expect(searches.map((r) => bodyOf(r).roleUtilisateur)).toEqual(Array(5).fill('VALIDEUR'));
		// Polls at +5, +7, +12, +14, +19 minutes (Paris = UTC+1): each window starts at max(activation, previous poll − 10 min).
		expect(searches.map((r) => bodyOf(r).periodeDateHeureEtatCourantDu)).toEqual([
			'2025-03-17T09:00:00',
			'2025-03-17T09:00:00',
			'2025-03-17T09:00:00',
			'2025-03-17T09:02:00',
			'2025-03-17T09:04:00',
		]);
		expect(requestsTo(SUPPLIER_SEARCH, start)).toHaveLength(0);
	});

	it('with a validator structure, asks for that structure only', async () => {
		setClock(T0 + 86_400_000);
		const staticData: IDataObject = {};
		const parameters: INodeParameters = { event: 'invoiceToValidateStatusChanged', structureId: DEMO_IDS.supplier.idStructureCPP };
		expect(await poll(parameters, staticData)).toEqual([]);
		const start = sim.requests.length;
		advance(5 * MIN);
		expect(await poll(parameters, staticData)).toEqual([]);
		const [search] = requestsTo(VALIDATOR_SEARCH, start);
		expect(bodyOf(search)).toEqual({
			roleUtilisateur: 'VALIDEUR',
			structureValideur: { idStructureValideur: DEMO_IDS.supplier.idStructureCPP },
			periodeDateHeureEtatCourantDu: '2025-03-18T09:00:00',
		});
	});
});

describe('Chorus Pro Trigger: Structure ID picked from a list, typed, or saved as a number', () => {
	const id = DEMO_IDS.supplier.idStructureCPP;
	it.each([
		['a number saved before it became a picker', id],
		['a structure picked from the list', { __rl: true, mode: 'list', value: id, cachedResultName: 'Fournisseur' }],
		['an id typed By ID (text, with spaces)', { __rl: true, mode: 'id', value: ` ${id} ` }],
	])('%s asks for that structure only', async (_how, structureId) => {
		setClock(T0 + 2 * 86_400_000);
		const staticData: IDataObject = {};
		const parameters = { event: 'invoiceToValidateStatusChanged', structureId } as INodeParameters;
		expect(await poll(parameters, staticData)).toEqual([]);
		const start = sim.requests.length;
		advance(5 * MIN);
		expect(await poll(parameters, staticData)).toEqual([]);
		const [search] = requestsTo(VALIDATOR_SEARCH, start);
		expect(bodyOf(search).structureValideur).toEqual({ idStructureValideur: id });
	});

	it('an empty picker (the default) limits nothing, and what is not an id is refused naming the field', async () => {
		setClock(T0 + 3 * 86_400_000);
		const staticData: IDataObject = {};
		const empty = { event: 'invoiceToValidateStatusChanged', structureId: { __rl: true, mode: 'list', value: '' } } as INodeParameters;
		await poll(empty, staticData);
		const start = sim.requests.length;
		advance(5 * MIN);
		await poll(empty, staticData);
		expect(bodyOf(requestsTo(VALIDATOR_SEARCH, start)[0]).structureValideur).toBeUndefined();
		const wrong = { event: 'invoiceToValidateStatusChanged', structureId: { __rl: true, mode: 'id', value: 'abc' } } as INodeParameters;
		await expect(poll(wrong, {})).rejects.toThrow('"Structure ID" must be a Chorus Pro id: expected a whole number, got "abc"');
	});
});

describe('Chorus Pro Trigger: flux report final, discovered from deposited invoices', () => {
	afterEach(() => {
		sim.store.fluxStateDurationMs = undefined;
	});

	it('reports a partly integrated flux once, with its rejected invoice, without listing it', async () => {
		setClock(T0 + 30 * 86_400_000);
		// The platform takes its time: the flux moves one state per 3 minutes, final after 6.
		sim.store.fluxStateDurationMs = 3 * MIN;
		sim.store.fluxPendingObservations = 2;
		const parameters: INodeParameters = { event: 'fluxFinalState', discoverFlux: true, fluxNumbers: '' };
		const staticData: IDataObject = {};
		const start = sim.requests.length;
		expect(await poll(parameters, staticData)).toEqual([]); // activation
		expect(sim.requests.length).toBe(start);

		advance(MIN);
		const buyer = DEMO_IDS.buyerWithService.siret;
		const lot = tarGz([
			{ name: 'FX-001.xml', text: ublInvoice('FX-001', buyer, 'FACTURES_PUBLIQUES') },
			{ name: 'FX-002.xml', text: ublInvoice('FX-002', buyer, 'FACTURES_PUBLIQUES') },
		]);
		const reason = 'Le code service est obligatoire pour ce destinataire.';
		sim.store.setNextFluxOutcome('IN_INTEGRE_PARTIEL', {
			listeErreurDP: [
				{ numeroDP: 'FX-002', identifiantFournisseur: DEMO_IDS.supplier.siret, identifiantDestinataire: buyer, libelleErreurDP: reason },
			],
		});
		const flux = depositFlux(
			sim.store,
			{ fichierFlux: lot.toString('base64'), nomFichier: 'lot-avril.tar.gz', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' },
			lot,
		);
		const numero = flux.numeroFluxDepot;

		// Poll every 2 minutes for 24 minutes: the flux becomes final (and its invoice appears) 6 minutes in.
		const reports: Array<{ poll: number; item: INodeExecutionData }> = [];
		let firstReportCalls = -1;
		for (let p = 0; p < 12; p++) {
			advance(2 * MIN);
			if (p === 8) sim.store.setStatus(flux.invoiceIds[0], 'REJETEE', { motif: 'Montant erroné' }); // a later change
			const mark = sim.requests.length;
			for (const item of await poll(parameters, staticData)) reports.push({ poll: p, item });
			if (firstReportCalls < 0 && requestsTo(FLUX_REPORT, mark).length > 0) firstReportCalls = p;
		}

		expect(flux.etat).toBe('IN_INTEGRE_PARTIEL');
		expect(flux.invoiceIds).toHaveLength(1);
		expect(sim.store.invoice(flux.invoiceIds[0])).toMatchObject({ numeroFacture: 'FX-001', numeroFluxDepot: numero });

		expect(reports).toHaveLength(1);
		// Found by the poll that first saw its invoice, in the same poll (no pending report to wait for).
		expect(reports[0].poll).toBe(firstReportCalls);
		expect(reports[0].poll).toBeGreaterThanOrEqual(2);
		expect(reports[0].item.json).toMatchObject({
			event: 'fluxFinalState',
			numeroFluxDepot: numero,
			previousStatus: null,
			newStatus: 'IN_INTEGRE_PARTIEL',
			etatCourantDepotFlux: 'IN_INTEGRE_PARTIEL',
			final: true,
		});
		expect(reports[0].item.json.rejectionReasons).toEqual([`Invoice FX-002 to ${buyer} rejected: ${reason}`]);

		// Each poll searched the supplier's invoices changed since its window start; the report was asked once.
		const searches = requestsTo(SUPPLIER_SEARCH, start);
		expect(searches).toHaveLength(12);
		for (const r of searches) {
			expect(r.method).toBe('POST');
			expect(bodyOf(r).periodeDateHeureEtatCourantDu).toMatch(/^2025-04-16T10:\d{2}:00$/);
			expect(bodyOf(r).rechercheFactureParFournisseur).toMatchObject({ pageResultatDemandee: 1, triColonne: 'DateDepot' });
		}
		expect(bodyOf(searches[0]).periodeDateHeureEtatCourantDu).toBe('2025-04-16T10:00:00');
		const fluxReports = requestsTo(FLUX_REPORT, start);
		expect(fluxReports.map((r) => [r.method, bodyOf(r).numeroFluxDepot])).toEqual([['POST', numero]]);
	});
});

describe('Chorus Pro Trigger: settings checked before any request', () => {
	async function refused(parameters: INodeParameters): Promise<Error> {
		const before = sim.requests.length;
		const error = await poll(parameters, {}).then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error).toBeInstanceOf(Error);
		expect(sim.requests.length).toBe(before);
		return error as Error;
	}

	it('refuses a status outside the Chorus Pro list, given by an expression', async () => {
		const error = await refused({ event: 'receivedInvoiceStatusChanged', statuses: ['MISE_A_DISPOSITION', 'PAYEE'] });
		expect(error.message).toMatch(/"Only Statuses": "PAYEE" is not a Chorus Pro invoice status/);
		const arrival = await refused({ event: 'newReceivedInvoice', arrivalStatuses: 'MISE_A_DISPOSITION, DISPO' as unknown as string[] });
		expect(arrival.message).toMatch(/"Arrival Statuses": "DISPO"/);
	});

	it('refuses a page size that is not a whole number', async () => {
		const error = await refused({ event: 'newReceivedInvoice', options: { pageSize: 2.5 } });
		expect(error.message).toMatch(/Option "Page Size" must be a whole number from 1 to \d+, got 2\.5/);
	});
});
