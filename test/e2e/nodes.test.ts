/**
 * The action nodes in real n8n (2.41.1 and 1.123.81), headless with `n8n execute`, against one simulator:
 * a PDF invoice goes from the supplier to the recipient and is processed; a referential, the G2B directory, a
 * G2B flux deposit and an e-signature seal then verification run in the same workflow; plain values saved before
 * Invoice ID and Service ID became resource locators send the same requests as locator values; a failing call shows
 * Chorus Pro's message and no secret; and after 3 runs of a 20-operation workflow the simulator issued 1 token (n8n keeps it in the credential).
 * Each node's output is checked, not only the exit code.
 */
import {
	E2E_TEST_TIMEOUT,
	nodeOutput,
	type ExecuteResult,
} from './harness';
import {
	binaryOf,
	chain,
	checkRun,
	chorus,
	leakedSecrets,
	manualTrigger,
	SAMPLE_PDF_BASE64,
	secretsOf,
	setFields,
	simulatorCredential,
	toFile,
	workflow,
	type NodeSpec,
} from './fixtures/chorus';
import { G2B_IDS } from '../simulator/seed-g2b';
import { DEMO_IDS } from '../simulator/server';
import { e2eSuite } from './fixtures/suite';
import { invoiceFields } from '../engine/invoiceFixture';

const BUYER = DEMO_IDS.buyerWithService;

const { sim, tap, describeSuite, eachN8nVersion } = e2eSuite();

/** The supplier's invoice data (the buyer requires a service code). */
function invoiceParameters(numero: string): Record<string, unknown> {
	return {
		resource: 'emittedInvoice',
		operation: 'submitPdf',
		binaryPropertyName: 'data',
		...invoiceFields(numero),
		additionalFields: { codeServiceExecutant: 'FACTURES_PUBLIQUES' },
	};
}

const FOUND = "={{ $('Find as recipient').item.json.idFacture }}";

/** Supplier → recipient → processing, plus a referential, the G2B directory and a G2B flux, in one run. */
function invoiceJourney(id: string, numero: string) {
	const specs: NodeSpec[] = [
		manualTrigger(),
		setFields('Sample PDF', { pdf: SAMPLE_PDF_BASE64 }),
		toFile('PDF file', 'pdf', `${numero}.pdf`),
		chorus('chorusProFactures', 'Submit PDF', invoiceParameters(numero)),
		chorus('chorusProFactures', 'Find as recipient', {
			resource: 'receivedInvoice',
			operation: 'search',
			returnAll: true,
			additionalFields: { numeroFacture: '={{ $json.numeroFacture }}' },
		}),
		chorus('chorusProFactures', 'Read as recipient', {
			resource: 'receivedInvoice',
			operation: 'get',
			identifiantFactureCPP: '={{ $json.idFacture }}',
		}),
		chorus('chorusProFactures', 'Download PDF', {
			resource: 'receivedInvoice',
			operation: 'download',
			listeFacture: FOUND,
			format: 'PDF',
			binaryPropertyName: 'data',
		}),
		chorus('chorusProFactures', 'Process: service done', {
			resource: 'receivedInvoice',
			operation: 'setStatus',
			idFacture: FOUND,
			nouveauStatut: 'SERVICE_FAIT',
		}),
		chorus('chorusProFactures', 'History', { resource: 'receivedInvoice', operation: 'getHistory', idFacture: FOUND }),
		chorus('chorusProTransverse', 'VAT rates', { resource: 'referential', operation: 'getVatRates', additionalFields: { codeLangue: 'FR' } }, { executeOnce: true }),
		chorus(
			'chorusProAnnuaire',
			'Directory search',
			{ resource: 'establishment', operation: 'search', returnAll: true, additionalFields: { siren: G2B_IDS.buyer.siren } },
			{ executeOnce: true },
		),
		chorus('chorusProEReporting', 'G2B flux deposit', {
			resource: 'flux',
			operation: 'deposit',
			syntaxeFlux: 'Factur-X',
			binaryPropertyNames: 'data',
		}),
		chorus('chorusProEReporting', 'G2B flux status', { resource: 'flux', operation: 'get', idFlux: '={{ $json.idFlux }}' }),
		chorus('chorusProESignature', 'Seal PDF', {
			resource: 'seal',
			operation: 'signDocument',
			signatureLevel: 'PAdES_BASELINE_B',
			signaturePackaging: 'ENVELOPED',
			digestAlgorithm: 'SHA256',
			binaryPropertyName: 'data',
			outputBinaryPropertyName: 'sealed',
		}),
		chorus('chorusProESignature', 'Verify seal', { resource: 'verification', operation: 'verify', binaryPropertyName: 'sealed' }),
	];
	const line = specs.slice(0, 11).map((s) => s.name);
	const edges: Array<[string, string]> = line.slice(1).map((to, i) => [line[i], to]);
	edges.push(['PDF file', 'G2B flux deposit'], ['G2B flux deposit', 'G2B flux status'], ['PDF file', 'Seal PDF'], ['Seal PDF', 'Verify seal']);
	return workflow(id, `E2E invoice journey ${numero}`, specs, edges);
}

/** 20 read operations across the other action nodes, each run once. */
function twentyOperations(id: string) {
	const once = { executeOnce: true };
	const ref = (name: string, operation: string, extra: Record<string, unknown> = {}) =>
		chorus('chorusProTransverse', name, { resource: 'referential', operation, ...extra }, once);
	const specs: NodeSpec[] = [
		manualTrigger(),
		ref('Currencies', 'getCurrencies'),
		ref('Countries', 'getCountries'),
		ref('VAT rates', 'getVatRates'),
		ref('VAT exemption reasons', 'getVatExemptionReasons'),
		ref('Payment modes', 'getPaymentModes'),
		ref('Deposit modes', 'getDepositModes'),
		ref('Flux formats', 'getFluxFormats'),
		ref('Payment request types', 'getPaymentRequestTypes'),
		ref('Works invoice types', 'getWorksInvoiceTypes'),
		ref('Identifier types', 'getStructureIdentifierTypes'),
		ref('Structure types', 'getStructureTypes'),
		ref('Billing frameworks', 'getBillingFrameworks'),
		chorus('chorusProTransverse', 'Health', { resource: 'health', operation: 'check' }, once),
		chorus('chorusProTransverse', 'SIRET information', { resource: 'structure', operation: 'getSiretInformation', siretStructure: BUYER.siret }, once),
		chorus('chorusProTransverse', 'Find recipient', { resource: 'recipient', operation: 'search', identifiant: BUYER.siret, returnAll: true }, once),
		chorus('chorusProTravaux', 'Works invoices', { resource: 'worksInvoice', operation: 'search', roleUtilisateur: 'FOURNISSEUR', returnAll: true }, { ...once, alwaysOutputData: true }),
		chorus('chorusProEngagements', 'Commitment exists', { resource: 'commitment', operation: 'checkExists', numero: DEMO_IDS.engagements[0] }, once),
		chorus('chorusProAnnuaire', 'Company', { resource: 'company', operation: 'get', siren: G2B_IDS.buyer.siren }, once),
		chorus('chorusProAnnuaire', 'Routing codes', { resource: 'routingCode', operation: 'search', returnAll: true, additionalFields: { siret: G2B_IDS.buyer.siret } }, once),
		chorus('chorusProEReporting', 'G2B invoices', { resource: 'g2bInvoice', operation: 'search', returnAll: true }, { ...once, alwaysOutputData: true }),
	];
	return chain(id, 'E2E twenty operations', specs);
}

function failingCall(id: string, idFacture: number) {
	return chain(id, 'E2E failing call', [
		manualTrigger(),
		chorus('chorusProFactures', 'Process a paid invoice', {
			resource: 'receivedInvoice',
			operation: 'setStatus',
			idFacture,
			nouveauStatut: 'SERVICE_FAIT',
		}),
	]);
}

const SERVICE = 1_048_577;

/**
 * The same reads saved the old way (plain values, Factures at version 1, before Invoice ID, Service ID and the
 * search filters became resource locators) and the new way (`{ __rl, mode, value }`): no node version step is needed.
 */
function oldAndNew(id: string, idFacture: number) {
	const structure = DEMO_IDS.buyerWithService.idStructureCPP;
	return chain(id, 'E2E locators', [
		manualTrigger(),
		chorus('chorusProFactures', 'Invoice, plain value', { resource: 'receivedInvoice', operation: 'get', identifiantFactureCPP: idFacture }),
		chorus(
			'chorusProFactures',
			'Invoice, from list',
			{ resource: 'receivedInvoice', operation: 'get', identifiantFactureCPP: { __rl: true, mode: 'list', value: idFacture, cachedResultName: 'F-1' } },
			{ typeVersion: 1.1 },
		),
		chorus('chorusProTransverse', 'Service, plain value', { resource: 'structure', operation: 'getService', idStructure: structure, idService: SERVICE }),
		chorus('chorusProTransverse', 'Service, by ID', {
			resource: 'structure',
			operation: 'getService',
			idStructure: structure,
			idService: { __rl: true, mode: 'id', value: String(SERVICE) },
		}),
		// Filters saved as numbers, then picked inside the Filters collection (locators there too)
		chorus(
			'chorusProFactures',
			'Filters, plain values',
			{ resource: 'receivedInvoice', operation: 'search', limit: 5, additionalFields: { idDestinataire: structure, idServiceExecutant: SERVICE } },
			{ alwaysOutputData: true },
		),
		chorus(
			'chorusProFactures',
			'Filters, picked',
			{
				resource: 'receivedInvoice',
				operation: 'search',
				limit: 5,
				additionalFields: {
					idDestinataire: { __rl: true, mode: 'list', value: structure, cachedResultName: 'x' },
					idServiceExecutant: { __rl: true, mode: 'id', value: String(SERVICE) },
				},
			},
			{ alwaysOutputData: true },
		),
	]);
}

function expectNoSecret(result: ExecuteResult): void {
	checkRun(result, () => {
		expect(leakedSecrets([result.stdout, result.stderr, JSON.stringify(result.run ?? {})], secretsOf(sim, tap))).toEqual([]);
	});
}

describeSuite('action nodes in real n8n (n8n execute)', () => {
	eachN8nVersion({ setup: (n8n) => n8n.importCredentials([simulatorCredential(sim, tap.url)]) }, ({ n8n, tag }) => {

		it(
			'submits a PDF, reads it back as the recipient, downloads it, processes it, sees the history; referential, directory, G2B flux, e-signature seal',
			async () => {
				const numero = `E2E-${tag}-001`;
				const wf = invoiceJourney(`e2eJourney${tag}`.slice(0, 16), numero);
				await n8n.importWorkflows([wf]);
				const uploadsBefore = sim.counts('/ajouter/fichier');
				const result = await n8n.execute(wf.id);
				const invoice = [...sim.store.invoices.values()].find((i) => i.numeroFacture === numero);
				checkRun(result, () => {
					expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({ exitCode: 0, status: 'success' });
					expect(invoice).toBeDefined();
					const id = invoice!.idFacture;
					expect(sim.counts('/ajouter/fichier') - uploadsBefore).toBe(1);

					expect(nodeOutput(result.run, 'Submit PDF')).toEqual([
						expect.objectContaining({ identifiantFactureCPP: id, numeroFacture: numero, statutFacture: 'DEPOSEE', fileName: `${numero}.pdf` }),
					]);
					expect(nodeOutput(result.run, 'Find as recipient')).toEqual([
						expect.objectContaining({ idFacture: id, numeroFacture: numero, statut: 'MISE_A_DISPOSITION', codeFournisseur: DEMO_IDS.supplier.siret }),
					]);
					const [detail] = nodeOutput(result.run, 'Read as recipient');
					expect(JSON.stringify(detail)).toContain(numero);

					const pdf = binaryOf(result, 'Download PDF');
					expect(pdf).toEqual(expect.objectContaining({ mimeType: 'application/pdf' }));
					expect(String(pdf?.fileName)).toMatch(/\.pdf$/);

					expect(nodeOutput(result.run, 'Process: service done')).toEqual([
						expect.objectContaining({ idFacture: id, nouveauStatut: 'SERVICE_FAIT' }),
					]);
					const [history] = nodeOutput(result.run, 'History');
					expect(history.statutCourantCode).toBe('SERVICE_FAIT');
					const entries = (history.historiquesDesStatuts as { histoStatut: Array<{ histoStatutCode: string }> }).histoStatut;
					expect(entries.map((e) => e.histoStatutCode)).toEqual(expect.arrayContaining(['SERVICE_FAIT', 'MISE_A_DISPOSITION', 'DEPOSEE']));
					expect(sim.store.invoice(id)?.statut).toBe('SERVICE_FAIT');

					const vat = nodeOutput(result.run, 'VAT rates');
					expect(vat.length).toBeGreaterThan(1);
					expect(JSON.stringify(vat)).toContain('20');

					expect(nodeOutput(result.run, 'Directory search').map((e) => e.siret).sort()).toEqual(
						[G2B_IDS.buyer.siret, G2B_IDS.buyer.siret2].sort(),
					);

					const [deposit] = nodeOutput(result.run, 'G2B flux deposit');
					expect(deposit).toEqual(expect.objectContaining({ syntaxeFlux: 'Factur-X', nombreFichiers: 1, fichiers: [`${numero}.pdf`] }));
					expect(nodeOutput(result.run, 'G2B flux status')).toEqual([
						expect.objectContaining({ idFlux: deposit.idFlux, codeStatut: '500', libelleStatut: 'Recevable', nombreFichiers: 1 }),
					]);

					// E-Signature: the PDF sealed as a binary file, then verified as sealed by the platform
					expect(binaryOf(result, 'Seal PDF', 'sealed')).toEqual(expect.objectContaining({ mimeType: 'application/pdf', fileName: `${numero}-pades-baseline-b.pdf` }));
					const [verified] = nodeOutput(result.run, 'Verify seal');
					expect(verified.simpleReport).toEqual(expect.objectContaining({ signaturesCount: 1, validSignaturesCount: 1 }));
				});
				expectNoSecret(result);
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'a failing call shows the Chorus Pro message (codeRetour, libelle) and no secret',
			async () => {
				const paid = sim.store.addInvoice({ statut: 'MISE_EN_PAIEMENT' });
				const wf = failingCall(`e2eFailing${tag}`.slice(0, 16), paid.idFacture);
				await n8n.importWorkflows([wf]);
				const before = sim.counts('/traiter/recue');
				const result = await n8n.execute(wf.id);
				checkRun(result, () => {
					expect(result.exitCode).not.toBe(0);
					const printed = `${result.stdout}\n${result.stderr}`;
					const error = result.run?.data.resultData.error;
					const shown = `${error?.message ?? ''} ${error?.description ?? ''} ${printed}`;
					expect(shown).toContain("Incohérence au niveau du statut d'origine ou de destination de la facture.");
					expect(shown).toContain('20002');
					expect(sim.counts('/traiter/recue') - before).toBe(1); // a mutating call is never re-sent
					expect(sim.store.invoice(paid.idFacture)?.statut).toBe('MISE_EN_PAIEMENT');
				});
				expectNoSecret(result);
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'a plain Invoice ID, Service ID and search filters send the same requests as their locators',
			async () => {
				const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
				const wf = oldAndNew(`e2eLocators${tag}`.slice(0, 16), invoice.idFacture);
				await n8n.importWorkflows([wf]);
				const before = sim.requests.length;
				const result = await n8n.execute(wf.id);
				const bodies = (suffix: string) => sim.requests.slice(before).filter((r) => r.path.endsWith(suffix)).map((r) => r.body);
				checkRun(result, () => {
					expect({ exitCode: result.exitCode, status: result.run?.status }).toEqual({ exitCode: 0, status: 'success' });
					expect(bodies('/consulter/recipiendaire')).toEqual([
						expect.objectContaining({ identifiantFactureCPP: invoice.idFacture }),
						expect.objectContaining({ identifiantFactureCPP: invoice.idFacture }),
					]);
					const [oldInvoice, newInvoice] = bodies('/consulter/recipiendaire');
					expect(newInvoice).toEqual(oldInvoice);
					const [oldService, newService] = bodies('/consulter/service');
					expect(oldService).toEqual(expect.objectContaining({ idService: SERVICE }));
					expect(newService).toEqual(oldService);
					expect(nodeOutput(result.run, 'Invoice, from list')).toEqual(nodeOutput(result.run, 'Invoice, plain value'));
					expect(nodeOutput(result.run, 'Service, by ID')).toEqual(nodeOutput(result.run, 'Service, plain value'));
					const [plainFilters, pickedFilters] = bodies('/rechercher/recipiendaire');
					expect(plainFilters).toEqual(expect.objectContaining({ idDestinataire: DEMO_IDS.buyerWithService.idStructureCPP, idServiceExecutant: SERVICE }));
					expect(pickedFilters).toEqual(plainFilters);
				});
			},
			E2E_TEST_TIMEOUT,
		);

		it(
			'reuses the token: 3 runs of a 20-operation workflow, 1 token request (n8n keeps it in the credential)',
			async () => {
				const wf = twentyOperations(`e2eTwenty${tag}`.slice(0, 16));
				expect(wf.nodes.filter((n) => String((n as { type: string }).type).startsWith('n8n-nodes-chorus-pro.'))).toHaveLength(20);
				// a fresh credential: no token kept from the other tests
				await n8n.importCredentials([simulatorCredential(sim, tap.url)]);
				await n8n.importWorkflows([wf]);
				const tokensBefore = sim.tokensIssued();
				const apiCalls = () => sim.requests.filter((r) => r.path.startsWith('/cpro/')).length;
				const apiBefore = apiCalls();
				for (let run = 1; run <= 3; run++) {
					const result = await n8n.execute(wf.id);
					checkRun(result, () => {
						expect({ run, exitCode: result.exitCode, status: result.run?.status }).toEqual({ run, exitCode: 0, status: 'success' });
						expect(nodeOutput(result.run, 'Currencies').map((c) => JSON.stringify(c)).join()).toContain('EUR');
						expect(nodeOutput(result.run, 'Find recipient')).toEqual([expect.objectContaining({ siret: BUYER.siret })]);
						expect(nodeOutput(result.run, 'SIRET information')).toEqual([expect.objectContaining({ siret: BUYER.siret })]);
						expect(nodeOutput(result.run, 'Company')).toEqual([expect.objectContaining({ siren: G2B_IDS.buyer.siren })]);
						expect(nodeOutput(result.run, 'Routing codes').length).toBeGreaterThan(0);
						expect(Object.keys(result.run!.data.resultData.runData)).toHaveLength(21);
						expect(sim.tokensIssued() - tokensBefore).toBe(1);
					});
					expectNoSecret(result);
				}
				expect(apiCalls() - apiBefore).toBeGreaterThanOrEqual(60);
				expect(sim.tokensIssued() - tokensBefore).toBe(1);
			},
			E2E_TEST_TIMEOUT,
		);
	});
});
