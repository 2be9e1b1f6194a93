/**
 * Chorus Pro Factures node through n8n-core's real ExecuteContext (test/harness) with the real credential,
 * against the simulator: every operation of `facturesOperations` runs, the request the simulator received is
 * checked, and the transport's policy is proven end to end (token reuse and refresh, retries of reads only,
 * codeRetour errors, continue-on-fail, input checks before any HTTP call, credential test). A secret canary
 * runs over everything this file produced.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { facturesOperations } from '../../nodes/ChorusProFactures/operations';
import {
	CredentialStore,
	binaryBuffer,
	binaryItem,
	capturedLogs,
	runNode,
	testCredential,
} from '../harness/run';
import { forgetMintedTokens } from '../../nodes/shared/tokenFlight';
import { minimalPdf } from '../simulator/factures/documents';
import { useSimulator, type RunOptions } from './fixture';
import { invoiceFields } from './invoiceFixture';
import {
	DEMO_IDS,
	MAX_PAGE_SIZE,
	SIM_CREDENTIALS,
	startSimulator,
} from '../simulator/server';

const PREFIX = '/cpro/factures/v1';
const node = new ChorusProFactures();
const suite = useSimulator(node, { prefix: PREFIX });
const { sim, ran, sent, itRanEveryOperation } = suite;

// ---- the secret canary's evidence ---------------------------------------------------------------------

/** Every bearer token n8n persisted in any credential of this file (each one the simulator issued). */
const tokens = new Set<string>();
const originalSave = CredentialStore.prototype.save;
CredentialStore.prototype.save = function save(this: CredentialStore, encrypted: string) {
	originalSave.call(this, encrypted);
	const token = this.data.accessToken;
	if (typeof token === 'string' && token) tokens.add(token);
};
/** Everything a user could see: output items and errors (message, description, the whole object). */
const seen: string[] = [];

function record(output: INodeExecutionData[][]): void {
	seen.push(JSON.stringify(output));
}

function recordError(error: unknown): void {
	const e = error as { message?: string; description?: string };
	seen.push(String(e.message), String(e.description), JSON.stringify(error));
}

/** A run whose output or error joins the canary's evidence. */
async function runRaw(resource: string, operation: string, parameters: INodeParameters = {}, options: RunOptions = {}) {
	try {
		const { items } = await suite.run(resource, operation, parameters, options);
		record([items]);
		return items;
	} catch (error) {
		recordError(error);
		throw error;
	}
}

async function run(resource: string, operation: string, parameters: INodeParameters = {}, options: RunOptions = {}) {
	return (await runRaw(resource, operation, parameters, options)).map((item) => item.json);
}

async function fail(resource: string, operation: string, parameters: INodeParameters = {}, options: RunOptions = {}) {
	const error = await runRaw(resource, operation, parameters, options).then(
		() => undefined,
		(e: unknown) => e as Error & { description?: string; httpCode?: string },
	);
	expect(error).toBeDefined();
	return error!;
}

const SUPPLIER = DEMO_IDS.supplier.idStructureCPP;
const BUYER = DEMO_IDS.buyerWithService;

/** Parameters of a valid invoice for Submit / Submit PDF (the buyer requires a service code). */
function invoiceParameters(numero: string, extra: IDataObject = {}): INodeParameters {
	return { ...invoiceFields(numero), additionalFields: { codeServiceExecutant: 'FACTURES_PUBLIQUES', ...extra } };
}

const LINES = {
	lignePoste: JSON.stringify([
		{
			lignePosteNumero: 1,
			lignePosteReference: 'REF-1',
			lignePosteDenomination: 'Prestation',
			lignePosteQuantite: 1,
			lignePosteUnite: 'lot',
			lignePosteMontantUnitaireHT: 1000,
			lignePosteTauxTva: 'TVA1',
		},
	]),
	ligneTva: JSON.stringify([{ ligneTvaTaux: 'TVA1', ligneTvaMontantBaseHtParTaux: 1000, ligneTvaMontantTvaParTaux: 200 }]),
};

const pdfItem = async (name = 'facture-juin.pdf') =>
	await binaryItem(minimalPdf('Facture', ['Prestation 1000 EUR HT']), name, 'application/pdf');

const invoicesNumbered = (numero: string) => [...sim.store.invoices.values()].filter((i) => i.numeroFacture === numero);

afterAll(() => {
	CredentialStore.prototype.save = originalSave;
});

// ---- every operation against the simulator -------------------------------------------------------------

describe('Emitted Invoice', () => {
	it('submits a PDF: ajouter/fichier, then soumettre DEPOT_PDF_API with the uploaded pieceJointeId', async () => {
		const pdf = await pdfItem();
		const [result] = await run('emittedInvoice', 'submitPdf', invoiceParameters('PDF-2025-001'), { items: [pdf] });

		const upload = sent('/cpro/transverses/v1/ajouter/fichier');
		expect(upload.method).toBe('POST');
		const uploaded = upload.body as IDataObject;
		expect(uploaded).toMatchObject({ pieceJointeNom: 'facture-juin.pdf', pieceJointeTypeMime: 'application/pdf', pieceJointeExtension: 'PDF' });
		expect(Buffer.from(String(uploaded.pieceJointeFichier), 'base64').subarray(0, 4).toString('latin1')).toBe('%PDF');

		const submit = sent('/soumettre');
		const submitIndex = sim.requests.indexOf(submit);
		expect(sim.requests.indexOf(upload)).toBeLessThan(submitIndex);
		expect(submit.method).toBe('POST');
		expect(submit.body).toMatchObject({
			modeDepot: 'DEPOT_PDF_API',
			numeroFactureSaisi: 'PDF-2025-001',
			destinataire: { codeDestinataire: BUYER.siret, codeServiceExecutant: 'FACTURES_PUBLIQUES' },
			fournisseur: { idFournisseur: SUPPLIER },
			pieceJointePrincipale: [{ pieceJointePrincipaleId: result.pieceJointeId, pieceJointePrincipaleDesignation: 'facture-juin.pdf' }],
		});
		// The file content goes to ajouter/fichier only.
		expect(JSON.stringify(submit.body)).not.toContain('pieceJointeFichier');
		expect(typeof result.pieceJointeId).toBe('number');
		expect(sim.store.files.get(result.pieceJointeId as number)?.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
		expect(result).toMatchObject({ numeroFacture: 'PDF-2025-001', statutFacture: 'DEPOSEE', fileName: 'facture-juin.pdf' });
		expect(result.codeRetour).toBeUndefined();
		const [invoice] = invoicesNumbered('PDF-2025-001');
		expect(invoice.idFacture).toBe(result.identifiantFactureCPP);
		expect(invoice.modeDepot).toBe('DEPOT_PDF_API');
	});

	it('submits a keyed-in invoice (SAISIE_API) with lines, then finds, gets and downloads it', async () => {
		const [submitted] = await run('emittedInvoice', 'submit', invoiceParameters('SAISIE-2025-001', LINES));
		expect(sent('/soumettre').body).toMatchObject({
			modeDepot: 'SAISIE_API',
			numeroFactureSaisi: 'SAISIE-2025-001',
			dateFacture: '2025-06-30',
			cadreDeFacturation: { codeCadreFacturation: 'A1_FACTURE_FOURNISSEUR' },
			references: { typeFacture: 'FACTURE', typeTva: 'TVA_SUR_DEBIT', modePaiement: 'VIREMENT', deviseFacture: 'EUR' },
			montantTotal: { montantHtTotal: 1000, montantTVA: 200, montantTtcTotal: 1200, montantAPayer: 1200 },
			lignePoste: [expect.objectContaining({ lignePosteReference: 'REF-1', lignePosteTauxTva: 'TVA1' })],
			ligneTva: [{ ligneTvaTaux: 'TVA1', ligneTvaMontantBaseHtParTaux: 1000, ligneTvaMontantTvaParTaux: 200 }],
		});
		const id = submitted.identifiantFactureCPP as number;
		expect(invoicesNumbered('SAISIE-2025-001').map((i) => i.idFacture)).toEqual([id]);

		const found = await run('emittedInvoice', 'search', { limit: 10, additionalFields: { numeroFacture: 'SAISIE-2025-001' } });
		expect(found.map((f) => f.identifiantFactureCPP)).toEqual([id]);
		expect(sent('/rechercher/fournisseur').body).toEqual({
			numeroFacture: 'SAISIE-2025-001',
			rechercheFactureParFournisseur: { pageResultatDemandee: 1, nbResultatsParPage: 10 },
		});

		const [detail] = await run('emittedInvoice', 'get', { identifiantFactureCPP: id });
		expect(sent('/consulter/fournisseur').body).toEqual({ identifiantFactureCPP: id });
		expect(detail.facture).toBeDefined();
		expect(detail.codeRetour).toBeUndefined();

		const [file] = await runRaw('emittedInvoice', 'download', { listeFacture: String(id), format: 'PIVOT' });
		expect(sent('/telecharger/groupe').body).toEqual({ listeFacture: [{ idFacture: id }], format: 'PIVOT' });
		const bytes = await binaryBuffer(file);
		expect(bytes.toString('utf8')).toMatch(/^\s*</);
		expect(file.json).toMatchObject({ fileName: `facture_${id}.xml`, mimeType: 'application/xml', fileSize: bytes.length });
		expect(file.json.fichierResultat).toBeUndefined();

		const [history] = await run('emittedInvoice', 'getHistory', { idFacture: id });
		expect(sent('/consulter/historique').body).toEqual({ idFacture: id });
		expect(history.statutCourantCode).toBe(sim.store.invoice(id)?.statut);
	});

	it('checks an invoice before submitting it: the problems, and nothing sent', async () => {
		const [result] = await run('emittedInvoice', 'checkBeforeSubmit', invoiceParameters('CHECK-2025-001', { codeServiceExecutant: 'ANCIEN-SVC' }), {
			items: [await pdfItem()],
		});
		expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ code: 'SERVICE_CODE_INACTIVE', parameter: 'codeServiceExecutant' })] });
		expect(invoicesNumbered('CHECK-2025-001')).toEqual([]);
	});

	it('deposits a structured flux and reads its integration report', async () => {
		const xml = await binaryItem('<?xml version="1.0"?><Invoice/>', 'facture-ubl.xml', 'application/xml');
		const [deposit] = await run('emittedInvoice', 'depositFlux', { syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' }, { items: [xml] });
		const body = sent('/deposer/flux').body as IDataObject;
		expect(body).toMatchObject({ syntaxeFlux: 'IN_DP_E1_UBL_INVOICE', nomFichier: 'facture-ubl.xml' });
		expect(Buffer.from(String(body.fichierFlux), 'base64').toString('utf8')).toContain('<Invoice/>');
		const numero = deposit.numeroFluxDepot as string;
		expect(numero).toMatch(/^CPP\d{22}$/);
		expect(sim.store.flux.has(numero)).toBe(true);

		const [report] = await run('emittedInvoice', 'getFluxReport', { numeroFluxDepot: numero });
		expect(sent('/cpro/transverses/v1/consulterCRDetaille').body).toEqual({ numeroFluxDepot: numero });
		expect(report).toMatchObject({ numeroFluxDepot: numero, rejectionReasons: [] });
		expect(typeof report.etatCourantDepotFlux).toBe('string');
		expect(typeof report.final).toBe('boolean');
	});

	it('completes a suspended invoice', async () => {
		const invoice = sim.store.addInvoice({ statut: 'SUSPENDUE', motif: 'Bon de livraison manquant' });
		const [done] = await run('emittedInvoice', 'complete', { identifiantFactureCPP: invoice.idFacture, commentaire: 'BL joint' });
		expect(sent('/completer').body).toEqual({ identifiantFactureCPP: invoice.idFacture, commentaire: 'BL joint' });
		expect(done.identifiantFactureCPP).toBe(invoice.idFacture);
		expect(sim.store.invoice(invoice.idFacture)?.statut).toBe('COMPLETEE');
	});

	it('corrects the validator of an invoice in ERREUR_FOURNISSEUR_SUR_VALIDEUR', async () => {
		const invoice = sim.store.addInvoice({
			statut: 'ERREUR_FOURNISSEUR_SUR_VALIDEUR',
			cadreFacturation: 'A9_FACTURE_SOUSTRAITANT',
			idValideur1: DEMO_IDS.buyerWithEngagement.idStructureCPP,
		});
		// The validator is a required one-of choice, so its fields are top-level parameters, not Additional Fields.
		const parameters = node.description.properties;
		const shown = (name: string) =>
			parameters.find((p) => p.name === name && p.displayOptions?.show?.operation?.includes('correctValidator'));
		for (const name of ['idStructure', 'typeIdentifiantStructure', 'identifiantStructure']) expect(shown(name)).toBeDefined();
		const before = sim.counts();
		await expect(run('emittedInvoice', 'correctValidator', { idFacture: invoice.idFacture })).rejects.toThrow(
			/Give the new validator as "Validator Structure ID", or as "Identifier Type" \+ "Identifier" \(item 1\)/,
		);
		expect(sim.counts()).toBe(before);

		await run('emittedInvoice', 'correctValidator', { idFacture: invoice.idFacture, idStructure: DEMO_IDS.partner.idStructureCPP });
		expect(sent('/corriger/valideur/facture').body).toEqual({ idFacture: invoice.idFacture, idStructure: DEMO_IDS.partner.idStructureCPP });
		expect(sim.store.invoice(invoice.idFacture)).toMatchObject({ statut: 'A_VALIDER_1', idValideur1: DEMO_IDS.partner.idStructureCPP });
	});

	it('acknowledges rejected invoices', async () => {
		const a = sim.store.addInvoice({ statut: 'REJETEE', motif: 'Montant erroné' });
		const b = sim.store.addInvoice({ statut: 'REJETEE', motif: 'Doublon' });
		await run('emittedInvoice', 'acknowledgeRejections', { listeDemandePaiement: `${a.idFacture}, ${b.idFacture}` });
		expect(sent('/traiterRejet').body).toEqual({
			listeDemandePaiement: [{ idDemandePaiement: a.idFacture }, { idDemandePaiement: b.idFacture }],
		});
		expect(sim.store.invoice(a.idFacture)?.rejetTraite).toBe(true);
		expect(sim.store.invoice(b.idFacture)?.rejetTraite).toBe(true);
	});
});

describe('Received Invoice', () => {
	it('searches with filters, gets one, sets its status and shows it in the history', async () => {
		const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION', idDestinataire: BUYER.idStructureCPP, numeroMarche: 'MAR-RECU-1' });
		const found = await run('receivedInvoice', 'search', {
			returnAll: true,
			additionalFields: { numeroMarche: 'MAR-RECU-1', statutCourant: ['MISE_A_DISPOSITION'] },
		});
		expect(found.map((f) => f.idFacture)).toEqual([invoice.idFacture]);
		expect(sent('/rechercher/recipiendaire').body).toEqual({
			numeroMarche: 'MAR-RECU-1',
			statutCourant: ['MISE_A_DISPOSITION'],
			paramRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});

		const [detail] = await run('receivedInvoice', 'get', { identifiantFactureCPP: invoice.idFacture, additionalFields: { codeLangue: 'FR' } });
		expect(sent('/consulter/recipiendaire').body).toEqual({ identifiantFactureCPP: invoice.idFacture, codeLangue: 'FR' });
		expect(detail.facture).toBeDefined();

		const [status] = await run('receivedInvoice', 'setStatus', { idFacture: invoice.idFacture, nouveauStatut: 'SERVICE_FAIT' });
		expect(sent('/traiter/recue').body).toEqual({ idFacture: invoice.idFacture, nouveauStatut: 'SERVICE_FAIT' });
		expect(status).toMatchObject({ idFacture: invoice.idFacture, nouveauStatut: 'SERVICE_FAIT' });

		const [history] = await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture });
		expect(history.statutCourantCode).toBe('SERVICE_FAIT');
		const entries = (history.historiquesDesStatuts as IDataObject).histoStatut as IDataObject[];
		expect(entries[0].histoStatutCode).toBe('SERVICE_FAIT');
	});

	it('filters on suppliers with listeFournisseurs (Factures Swagger, CritereFournisseurPojo)', async () => {
		const fromPartner = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION', idDestinataire: BUYER.idStructureCPP, idFournisseur: DEMO_IDS.partner.idStructureCPP, numeroMarche: 'MAR-FOURN' });
		sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION', idDestinataire: BUYER.idStructureCPP, numeroMarche: 'MAR-FOURN' });
		const found = await run('receivedInvoice', 'search', {
			returnAll: true,
			additionalFields: { numeroMarche: 'MAR-FOURN', listeFournisseurs: String(DEMO_IDS.partner.idStructureCPP) },
		});
		expect(sent('/rechercher/recipiendaire').body).toMatchObject({ listeFournisseurs: [{ idFournisseur: DEMO_IDS.partner.idStructureCPP }] });
		expect(found.map((f) => f.idFacture)).toEqual([fromPartner.idFacture]);
	});

	it('asks for the reason only when suspending, and sends it', async () => {
		const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		await run('receivedInvoice', 'setStatus', { idFacture: invoice.idFacture, nouveauStatut: 'SUSPENDUE', motif: 'Pièce manquante' });
		expect(sent('/traiter/recue').body).toEqual({ idFacture: invoice.idFacture, nouveauStatut: 'SUSPENDUE', motif: 'Pièce manquante' });
		expect(sim.store.invoice(invoice.idFacture)?.statut).toBe('SUSPENDUE');
	});

	it('downloads one invoice as a real PDF and two as a real ZIP', async () => {
		const a = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		const b = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		const [single] = await runRaw('receivedInvoice', 'download', { listeFacture: String(a.idFacture), format: 'PDF' });
		expect(sent('/telecharger/groupe').body).toEqual({ listeFacture: [{ idFacture: a.idFacture }], format: 'PDF' });
		const pdf = await binaryBuffer(single);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(single.json).toMatchObject({ fileName: `facture_${a.idFacture}.pdf`, mimeType: 'application/pdf', fileSize: pdf.length });
		expect(single.binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: `facture_${a.idFacture}.pdf` });

		const [both] = await runRaw('receivedInvoice', 'download', {
			listeFacture: `${a.idFacture},${b.idFacture}`,
			format: 'PDF',
			binaryPropertyName: 'factures',
			additionalFields: { avecPiecesJointesComplementaires: 'false' },
		});
		expect(sent('/telecharger/groupe').body).toEqual({
			listeFacture: [{ idFacture: a.idFacture }, { idFacture: b.idFacture }],
			format: 'PDF',
			avecPiecesJointesComplementaires: 'false',
		});
		const zip = await binaryBuffer(both, 'factures');
		expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		expect(both.json).toMatchObject({ fileName: `factures_${a.idFacture}_${b.idFacture}.zip`, mimeType: 'application/zip' });
	});
});

describe('Invoice to Validate', () => {
	it('searches, gets, validates, lists visible statuses, downloads and reads the history', async () => {
		const invoice = sim.store.addInvoice({
			statut: 'A_VALIDER_1',
			idFournisseur: DEMO_IDS.partner.idStructureCPP,
			cadreFacturation: 'A9_FACTURE_SOUSTRAITANT',
			idValideur1: SUPPLIER,
			numeroFacture: 'ST-VALID-1',
		});
		const found = await run('invoiceToValidate', 'search', { limit: 5, additionalFields: { numeroFacture: 'ST-VALID-1' } });
		expect(found.map((f) => f.idFacture)).toEqual([invoice.idFacture]);
		expect(sent('/rechercher/valideur').body).toEqual({
			numeroFacture: 'ST-VALID-1',
			pagination: { pageResultatDemandee: 1, nbResultatsParPage: 5 },
		});

		const [detail] = await run('invoiceToValidate', 'get', { identifiantFactureCPP: invoice.idFacture });
		expect(sent('/consulter/valideur').body).toEqual({ identifiantFactureCPP: invoice.idFacture });
		expect(detail.facture).toBeDefined();

		const [decision] = await run('invoiceToValidate', 'process', {
			idFacture: invoice.idFacture,
			action: 'VALIDATION',
			additionalFields: { complementInfo: 'Conforme' },
		});
		expect(sent('/traiter/factureAValider').body).toEqual({ idFacture: invoice.idFacture, action: 'VALIDATION', complementInfo: 'Conforme' });
		expect(decision.statutFacture).toBe('VALIDEE_1');

		const [file] = await runRaw('invoiceToValidate', 'download', { listeFacture: String(invoice.idFacture), format: 'PDF' });
		expect((await binaryBuffer(file)).subarray(0, 4).toString('latin1')).toBe('%PDF');

		const [history] = await run('invoiceToValidate', 'getHistory', { idFacture: invoice.idFacture });
		const codes = ((history.historiquesDesStatuts as IDataObject).histoStatut as IDataObject[]).map((h) => h.histoStatutCode);
		expect(codes).toContain('VALIDEE_1');
	});

	it('lists the statuses a validator can see, one item each', async () => {
		const statuses = await run('invoiceToValidate', 'getVisibleStatuses');
		const request = sent('/recuperer/statutsFactureVisibles/valideur');
		expect(request.method).toBe('POST');
		// The operation has no fields: the API still needs a JSON object as body.
		expect(request.body).toEqual({});
		expect(statuses.length).toBeGreaterThan(1);
		expect(statuses.every((s) => typeof s.codeStatutFacture === 'string')).toBe(true);
	});
});

describe('Payment Request', () => {
	it('searches payment requests as supplier', async () => {
		const invoice = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION', numeroFacture: 'DP-SEARCH-1' });
		const found = await run('paymentRequest', 'search', {
			roleUtilisateur: 'FOURNISSEUR',
			returnAll: true,
			additionalFields: { numeroFacture: 'DP-SEARCH-1' },
		});
		expect(sent('/rechercher/demandePaiement').body).toEqual({ roleUtilisateur: 'FOURNISSEUR', numeroFacture: 'DP-SEARCH-1' });
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ idDemandePaiement: invoice.idFacture });
	});

	it('sends the project manager and owner sides as the Swagger nests them; no plain invoice matches them', async () => {
		sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION', numeroFacture: 'DP-MOE-1' });
		const unfiltered = await run('paymentRequest', 'search', { roleUtilisateur: 'FOURNISSEUR', returnAll: true });
		expect(unfiltered.length).toBeGreaterThan(0);
		const found = await run('paymentRequest', 'search', {
			roleUtilisateur: 'FOURNISSEUR',
			returnAll: true,
			additionalFields: { idStructureMoe: 12, idServiceMoe: 13, idStructureMoa: 14, idServiceMoa: 15 },
		});
		expect(sent('/rechercher/demandePaiement').body).toEqual({
			roleUtilisateur: 'FOURNISSEUR',
			structureMoe: { idStructureMoe: 12 },
			idServiceMoe: 13,
			structureMoa: { idStructureMoa: 14 },
			idServiceMoa: 15,
		});
		// the simulator's payment requests are invoices without a project manager or owner: the filter is applied
		expect(found).toEqual([]);
	});

	it('searches as validator, scoped to the validator structure (structureValideur of the Swagger)', async () => {
		// two structures the account validates for: the scope keeps the invoices of one
		const validator = DEMO_IDS.supplier.idStructureCPP;
		const other = DEMO_IDS.partner.idStructureCPP;
		sim.store.attach(other, 'valideur');
		const mine = sim.store.addInvoice({ statut: 'A_VALIDER_1', numeroFacture: 'DP-VALID-1', idValideur1: validator });
		const theirs = sim.store.addInvoice({ statut: 'A_VALIDER_1', numeroFacture: 'DP-VALID-2', idValideur1: other });
		const unscoped = await run('paymentRequest', 'search', { roleUtilisateur: 'VALIDEUR', returnAll: true });
		expect(unscoped.map((f) => f.idDemandePaiement)).toEqual(expect.arrayContaining([mine.idFacture, theirs.idFacture]));
		const found = await run('paymentRequest', 'search', {
			roleUtilisateur: 'VALIDEUR',
			returnAll: true,
			additionalFields: { idStructureValideur: validator },
		});
		expect(sent('/rechercher/demandePaiement').body).toEqual({
			roleUtilisateur: 'VALIDEUR',
			structureValideur: { idStructureValideur: validator },
		});
		const ids = found.map((f) => f.idDemandePaiement);
		expect(ids).toContain(mine.idFacture);
		expect(ids).not.toContain(theirs.idFacture);
	});
});

// ---- tokens --------------------------------------------------------------------------------------------

describe('PISTE token', () => {
	const historyOf = (id: number, count: number): [INodeParameters, RunOptions] => [
		{ idFacture: id },
		{ items: Array.from({ length: count }, () => ({ json: {} })) },
	];

	it('takes one token for 50 operations over 5 executions when the credential persists it', async () => {
		forgetMintedTokens(); // as in a process that has not minted a token yet
		const store = new CredentialStore(sim.credentialData());
		const invoice = sim.store.addInvoice();
		const tokensBefore = sim.tokensIssued();
		const tokenRequestsBefore = sim.counts('/api/oauth/token');
		const callsBefore = sim.counts('/consulter/historique');
		for (let execution = 0; execution < 5; execution++) {
			const [parameters, options] = historyOf(invoice.idFacture, 10);
			const items = await run('receivedInvoice', 'getHistory', parameters, { ...options, store });
			expect(items).toHaveLength(10);
		}
		expect(sim.counts('/consulter/historique') - callsBefore).toBe(50);
		expect(sim.tokensIssued() - tokensBefore).toBe(1);
		expect(sim.counts('/api/oauth/token') - tokenRequestsBefore).toBe(1);
		expect(store.writes).toBe(1);
	});

	it('uses a client secret edited in the saved credential at once, not after the stored token expires', async () => {
		const store = new CredentialStore(sim.credentialData());
		const invoice = sim.store.addInvoice();
		await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture }, { store });
		const minted = store.data.accessToken;
		expect(store.data.tokenApplication).toMatch(/^[0-9a-f]{64}$/);

		// A wrong secret saved over the right one: PISTE is asked with it, and refuses.
		store.update({ clientSecret: 'not-the-secret' });
		const tokensBefore = sim.tokensIssued();
		const error = await fail('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture }, { store });
		expect(`${error.message} ${error.description ?? ''}`).toContain('PISTE refused the client ID / client secret');
		expect(sim.tokensIssued()).toBe(tokensBefore);

		// The right secret again: the token minted with it is still stored and is reused, no new token.
		store.update({ clientSecret: sim.credentialData().clientSecret });
		await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture }, { store });
		expect(sim.tokensIssued()).toBe(tokensBefore);
		expect(store.data.accessToken).toBe(minted);
	});

	it('replaces once a token saved without the application it was minted for (an earlier version of the package)', async () => {
		const store = new CredentialStore(sim.credentialData());
		const invoice = sim.store.addInvoice();
		await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture }, { store });
		store.update({ tokenApplication: '' });
		forgetMintedTokens();
		const tokensBefore = sim.tokensIssued();
		const writesBefore = store.writes;
		for (let execution = 0; execution < 3; execution++) await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture }, { store });
		expect(sim.tokensIssued() - tokensBefore).toBe(1);
		expect(store.writes - writesBefore).toBe(1);
	});

	it('takes exactly one new token after the tokens expire (401 refreshed once)', async () => {
		const store = new CredentialStore(sim.credentialData());
		const invoice = sim.store.addInvoice();
		await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture }, { store });
		const first = store.data.accessToken;
		sim.expireTokens();
		const tokensBefore = sim.tokensIssued();
		const callsBefore = sim.counts('/consulter/historique');
		const [parameters, options] = historyOf(invoice.idFacture, 3);
		const items = await run('receivedInvoice', 'getHistory', parameters, { ...options, store });
		expect(items).toHaveLength(3);
		expect(sim.tokensIssued() - tokensBefore).toBe(1);
		// Item 0 goes first: refused with 401, sent once more with the new token; items 1 and 2 once each with
		// the new token. The refused token is never sent twice.
		expect(sim.counts('/consulter/historique') - callsBefore).toBe(4);
		expect(store.data.accessToken).not.toBe(first);
	});

	it('refreshes the token once when the gateway answers 401, then succeeds', async () => {
		const invoice = sim.store.addInvoice();
		await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture });
		sim.faults.add({ path: '/consulter/historique', status: 401, times: 1 });
		const tokensBefore = sim.tokensIssued();
		const callsBefore = sim.counts('/consulter/historique');
		const [history] = await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture });
		expect(history.idFacture).toBe(invoice.idFacture);
		expect(sim.tokensIssued() - tokensBefore).toBe(1);
		expect(sim.counts('/consulter/historique') - callsBefore).toBe(2);
	});

	it('does not loop on a 401 that persists: one refresh, then a 401 error', async () => {
		const invoice = sim.store.addInvoice();
		await run('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture });
		sim.faults.add({ path: '/consulter/historique', status: 401, times: 10 });
		const tokensBefore = sim.tokensIssued();
		const callsBefore = sim.counts('/consulter/historique');
		const error = await fail('receivedInvoice', 'getHistory', { idFacture: invoice.idFacture });
		expect(error.httpCode).toBe('401');
		expect(sim.tokensIssued() - tokensBefore).toBe(1);
		expect(sim.counts('/consulter/historique') - callsBefore).toBe(2);
		sim.faults.clear();
	});
});

// ---- pagination ----------------------------------------------------------------------------------------

describe('Return All', () => {
	it('reads 2,500 received invoices in the minimum number of pages', async () => {
		const bulk = await startSimulator({ seed: 'empty' });
		try {
			const store = new CredentialStore(bulk.credentialData());
			bulk.store.bulkInvoices(2500);
			ran.add('receivedInvoice:search');
			const output = await runNode(node, {
				parameters: { resource: 'receivedInvoice', operation: 'search', returnAll: true },
				credentials: store,
			});
			record(output);
			const items = output[0];
			expect(items).toHaveLength(2500);
			expect(new Set(items.map((i) => i.json.idFacture)).size).toBe(2500);
			const pages = bulk.requests.filter((r) => r.path === `${PREFIX}/rechercher/recipiendaire`);
			expect(pages).toHaveLength(Math.ceil(2500 / MAX_PAGE_SIZE));
			expect(pages).toHaveLength(3);
			expect(pages.map((p) => (p.body as IDataObject).paramRecherche)).toEqual([1, 2, 3].map((n) => ({ pageResultatDemandee: n, nbResultatsParPage: MAX_PAGE_SIZE })));
		} finally {
			await bulk.close();
		}
	});
});

// ---- functional errors and continue-on-fail ------------------------------------------------------------

describe('codeRetour != 0', () => {
	it('is a NodeApiError with the libelle (invalid transition 20002)', async () => {
		const invoice = sim.store.addInvoice({ statut: 'MISE_EN_PAIEMENT' });
		const error = await fail('receivedInvoice', 'setStatus', { idFacture: invoice.idFacture, nouveauStatut: 'SERVICE_FAIT' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain("Incohérence au niveau du statut d'origine ou de destination de la facture.");
		expect(error.message).toContain('20002');
		// A business refusal comes with HTTP 200: n8n would show it as "Error code 200", which reads as a failure code.
		expect((error as NodeApiError).httpCode ?? null).toBeNull();
		expect(sim.store.invoice(invoice.idFacture)?.statut).toBe('MISE_EN_PAIEMENT');
	});

	it('with Continue On Fail gives an error item and the next item still runs', async () => {
		const paid = sim.store.addInvoice({ statut: 'MISE_EN_PAIEMENT' });
		const available = sim.store.addInvoice({ statut: 'MISE_A_DISPOSITION' });
		const before = sim.counts('/traiter/recue');
		const output = await run(
			'receivedInvoice',
			'setStatus',
			{ idFacture: '={{ $json.id }}', nouveauStatut: 'SERVICE_FAIT' },
			{ continueOnFail: true, items: [{ json: { id: paid.idFacture } }, { json: { id: available.idFacture } }] },
		);
		expect(sim.counts('/traiter/recue') - before).toBe(2);
		expect(output).toHaveLength(2);
		expect(String(output[0].error)).toContain('Incohérence au niveau du statut');
		// what a workflow branches on: the Chorus code and message, next to the readable error
		expect(output[0]).toMatchObject({ codeRetour: 20002, libelle: expect.stringContaining('Incohérence') });
		expect(output[1]).toMatchObject({ idFacture: available.idFacture, nouveauStatut: 'SERVICE_FAIT' });
		expect(sim.store.invoice(available.idFacture)?.statut).toBe('SERVICE_FAIT');
	});
});

// ---- retries: reads only -------------------------------------------------------------------------------

describe('Retries', () => {
	it('retries a search after a 503 and succeeds (2 requests)', async () => {
		const before = sim.counts('/rechercher/fournisseur');
		sim.faults.add({ path: '/rechercher/fournisseur', status: 503, retryAfter: '0' });
		const found = await run('emittedInvoice', 'search', { limit: 3 });
		expect(found).toHaveLength(3);
		expect(sim.counts('/rechercher/fournisseur') - before).toBe(2);
	});

	it('retries a search after a 429 with Retry-After', async () => {
		const before = sim.counts('/rechercher/valideur');
		sim.faults.add({ path: '/rechercher/valideur', status: 429, retryAfter: '0' });
		const found = await run('invoiceToValidate', 'search', { limit: 2 });
		expect(found.length).toBeGreaterThan(0);
		expect(sim.counts('/rechercher/valideur') - before).toBe(2);
	});

	it('does not re-send soumettre after a 503: "may or may not", one request, nothing filed', async () => {
		const before = sim.counts('/soumettre');
		sim.faults.add({ path: '/soumettre', status: 503, retryAfter: '0' });
		const error = await fail('emittedInvoice', 'submit', invoiceParameters('S503-0001', LINES));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('may or may not');
		expect(error.message).toContain('NOT sent again');
		expect(error.description).toContain('Search');
		expect(sim.counts('/soumettre') - before).toBe(1);
		expect(invoicesNumbered('S503-0001')).toHaveLength(0);
	});

	it('does not re-send soumettre when it was filed but the answer was lost (afterHandling)', async () => {
		const uploads = sim.counts('/ajouter/fichier');
		const before = sim.counts('/soumettre');
		sim.faults.add({ path: '/soumettre', status: 503, afterHandling: true });
		const error = await fail('emittedInvoice', 'submitPdf', invoiceParameters('LOST-0001'), { items: [await pdfItem()] });
		expect(error.message).toContain('may or may not');
		expect(sim.counts('/soumettre') - before).toBe(1);
		expect(sim.counts('/ajouter/fichier') - uploads).toBe(1);
		expect(invoicesNumbered('LOST-0001')).toHaveLength(1);
	});

	it('with Continue On Fail marks the item whose submission may have been filed (outcome: unknown)', async () => {
		sim.faults.add({ path: '/soumettre', status: 503 });
		const [item] = await run('emittedInvoice', 'submit', invoiceParameters('S503-0002', LINES), { continueOnFail: true });
		expect(item).toMatchObject({ outcome: 'unknown', httpCode: '503', error: expect.stringContaining('may or may not') });
	});
});

// ---- input checks before any HTTP call -----------------------------------------------------------------

describe('Bad input never reaches the simulator', () => {
	async function refused(
		operation: string,
		parameters: INodeParameters,
		items: INodeExecutionData[] | undefined,
		expected: RegExp[],
	) {
		const before = sim.counts();
		const error = await fail('emittedInvoice', operation, parameters, { items });
		expect(sim.counts()).toBe(before);
		for (const pattern of expected) expect(error.message).toMatch(pattern);
		return error;
	}

	it('a SIRET with a wrong checksum', async () => {
		const error = await refused('submit', { ...invoiceParameters('BAD-1', LINES), codeDestinataire: '21750001600018' }, undefined, [
			/"Recipient SIRET"/,
			/item 1/,
			/check digit/,
		]);
		expect(error.description).toContain('Nothing was sent to Chorus Pro');
	});

	it('an impossible date', async () => {
		await refused('submit', { ...invoiceParameters('BAD-2', LINES), dateFacture: '2025-02-30' }, undefined, [/"Invoice Date"/, /item 1/]);
	});

	it('a currency typed as an expression instead of picked is still checked (ISO 4217)', async () => {
		await refused('submit', { ...invoiceParameters('BAD-CUR', LINES), deviseFacture: 'euro' }, undefined, [
			/Invalid value for "Currency" \(item 1\)/,
			/three capital letters \(ISO 4217\)/,
		]);
	});

	it('a negative total', async () => {
		await refused('submit', { ...invoiceParameters('BAD-NEG', LINES), montantTtcTotal: -1200 }, undefined, [
			/Invalid value for "Total Incl\. VAT" \(item 1\): an amount cannot be negative/,
		]);
	});

	it('a control character pasted into free text', async () => {
		await refused('submit', { ...invoiceParameters('BAD\u0007CTRL', LINES) }, undefined, [
			/Invalid value for "Invoice Number" \(item 1\): contains an invisible control character/,
		]);
	});

	it('a date range whose end comes before its start', async () => {
		const before = sim.counts();
		const error = await fail('receivedInvoice', 'search', {
			returnAll: true,
			additionalFields: { periodeDateDepotDu: '2026-03-10', periodeDateDepotAu: '2026-03-01' },
		});
		expect(sim.counts()).toBe(before);
		expect(error.message).toMatch(/"Deposit Date To" \(item 1\): "2026-03-01T23:59:59" comes before "Deposit Date From" \(2026-03-10\)/);
	});

	it('a negative Limit given by an expression', async () => {
		const before = sim.counts();
		const error = await fail('receivedInvoice', 'search', { returnAll: false, limit: -5 });
		expect(sim.counts()).toBe(before);
		expect(error.message).toMatch(/"Limit" \(item 1\).*whole number of at least 1/);
	});

	it('a missing required field, on the second item', async () => {
		const before = sim.counts();
		const error = await fail(
			'emittedInvoice',
			'submit',
			{ ...invoiceParameters('={{ $json.numero }}', LINES) },
			{ items: [{ json: { numero: '' } }, { json: { numero: '' } }] },
		);
		expect(sim.counts()).toBe(before);
		expect(error.message).toMatch(/"Invoice Number" is required \(item 1\)/);

		// Continue On Fail: each item is refused on its own, with its own index, and nothing is sent.
		const output = await run(
			'emittedInvoice',
			'submit',
			{ ...invoiceParameters('={{ $json.numero }}', LINES) },
			{ continueOnFail: true, items: [{ json: { numero: '' } }, { json: { numero: '' } }] },
		);
		expect(sim.counts()).toBe(before);
		expect(String(output[1].error)).toMatch(/"Invoice Number" is required \(item 2\)/);
	});

	it('a missing binary property', async () => {
		await refused('submitPdf', { ...invoiceParameters('BAD-3'), binaryPropertyName: 'facture' }, [await pdfItem()], [
			/item 1/i,
			/"facture"/,
		]);
	});

	it('a PDF over 10 MB', async () => {
		const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]);
		const item = await binaryItem(big, 'enorme.pdf', 'application/pdf');
		await refused('submitPdf', invoiceParameters('BAD-4'), [item], [/enorme\.pdf/, /item 1/, /10 MB/]);
	});
});

// ---- credential test -----------------------------------------------------------------------------------

describe('Credential test', () => {
	it('accepts the simulator credentials', async () => {
		await expect(testCredential(sim.credentialData())).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('tells a wrong technical account apart from a wrong client secret', async () => {
		const account = await testCredential({ ...sim.credentialData(), password: 'Mauvais-Mot-De-Passe-9!' });
		const secret = await testCredential({ ...sim.credentialData(), clientSecret: 'mauvais-client-secret' });
		seen.push(JSON.stringify(account), JSON.stringify(secret));
		expect(account.status).toBe('Error');
		expect(secret.status).toBe('Error');
		expect(account.message).not.toBe(secret.message);
		// n8n 1.12x shows NodeApiError's 401 text for the gateway refusal (see test/harness/run.ts).
		expect(account.message).toMatch(/Authorization failed|technical account/);
		expect(account.message).not.toContain('client secret');
		expect(secret.message).toContain('PISTE refused the client ID / client secret');
		expect(secret.message).not.toContain('mauvais-client-secret');
	});
});

// ---- coverage and canary (last) ------------------------------------------------------------------------

describe('Whole file', () => {
	itRanEveryOperation(facturesOperations);

	it('never shows a secret in an output item, an error or an n8n log line', () => {
		const secrets = [
			SIM_CREDENTIALS.clientSecret,
			SIM_CREDENTIALS.password,
			Buffer.from(`${SIM_CREDENTIALS.login}:${SIM_CREDENTIALS.password}`, 'utf8').toString('base64'),
			'Mauvais-Mot-De-Passe-9!',
			Buffer.from(`${SIM_CREDENTIALS.login}:Mauvais-Mot-De-Passe-9!`, 'utf8').toString('base64'),
			'mauvais-client-secret',
			...tokens,
		];
		// Every token the simulators issued reached a credential (and so this list).
		expect(tokens.size).toBeGreaterThanOrEqual(6);
		const logs = capturedLogs();
		expect(seen.length).toBeGreaterThan(20);
		for (const secret of secrets) {
			for (const text of seen) expect(text.includes(secret) ? `${secret} in ${text.slice(0, 200)}` : '').toBe('');
			for (const line of logs) expect(line.includes(secret) ? `${secret} in log ${line.slice(0, 200)}` : '').toBe('');
		}
	});
});
