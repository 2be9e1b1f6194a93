import { gzipSync } from 'zlib';

import { SimClient } from '../simulator/client';
import { API_MODULES, DEMO_IDS, MAX_PAGE_SIZE, startSimulator, type Simulator } from '../simulator/server';
import { Router } from '../simulator/router';
import { loadSpec, requestSchema, validate } from '../simulator/swagger';

const F = '/cpro/factures/v1';
const T = '/cpro/transverses/v1';
const S = '/cpro/structures/v1';
const D = DEMO_IDS;

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2025, 2, 14, 9, 0)) {
	let now = start;
	return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function luhn(digits: string): boolean {
	let sum = 0;
	[...digits].reverse().forEach((c, i) => {
		let d = Number(c);
		if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
		sum += d;
	});
	return sum % 10 === 0;
}

/** A valid soumettre body for the buyer that requires a service code. */
function submission(overrides: Record<string, unknown> = {}) {
	return {
		modeDepot: 'SAISIE_API',
		numeroFactureSaisi: 'F2025-000123',
		dateFacture: '2025-03-14',
		destinataire: { codeDestinataire: D.buyerWithService.siret, codeServiceExecutant: 'DST-INFO' },
		fournisseur: { idFournisseur: D.supplier.idStructureCPP },
		cadreDeFacturation: { codeCadreFacturation: 'A1_FACTURE_FOURNISSEUR' },
		references: { deviseFacture: 'EUR', typeFacture: 'FACTURE', typeTva: 'TVA_SUR_DEBIT', modePaiement: 'VIREMENT' },
		lignePoste: [
			{ lignePosteNumero: 1, lignePosteDenomination: 'Maintenance', lignePosteQuantite: 1, lignePosteMontantUnitaireHT: 1000, lignePosteTauxTva: 'TVA5' },
		],
		ligneTva: [{ ligneTvaTaux: 'TVA5', ligneTvaMontantBaseHtParTaux: 1000, ligneTvaMontantTvaParTaux: 200 }],
		montantTotal: { montantHtTotal: 1000, montantTVA: 200, montantTtcTotal: 1200, montantAPayer: 1200 },
		...overrides,
	};
}

function ublInvoice(numero: string, buyerSiret: string, serviceCode?: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>${numero}</cbc:ID>
  <cbc:IssueDate>2025-03-10</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  ${serviceCode ? `<cbc:BuyerReference>${serviceCode}</cbc:BuyerReference>` : ''}
  <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:CompanyID schemeID="0002">${D.supplier.siret}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:CompanyID schemeID="0002">${buyerSiret}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">50.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:TaxExclusiveAmount currencyID="EUR">250.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">300.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">300.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</Invoice>`;
}

/** A tar.gz of text files (ustar headers written by hand). */
function tarGz(files: Array<{ name: string; content: string }>): Buffer {
	const blocks: Buffer[] = [];
	for (const file of files) {
		const data = Buffer.from(file.content);
		const header = Buffer.alloc(512);
		header.write(file.name, 0, 100);
		header.write('0000644\0', 100);
		header.write('0000000\0', 108);
		header.write('0000000\0', 116);
		header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
		header.write('00000000000\0', 136);
		header.write('        ', 148);
		header.write('0', 156);
		header.write('ustar\0' + '00', 257);
		const checksum = header.reduce((sum, b) => sum + b, 0);
		header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
		blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
	}
	blocks.push(Buffer.alloc(1024));
	return gzipSync(Buffer.concat(blocks));
}

describe('simulator', () => {
	let sim: Simulator;
	let client: SimClient;
	const time = manualClock();

	beforeAll(async () => {
		sim = await startSimulator({ clock: time.clock, tokenLifetimeSeconds: 600 });
		client = new SimClient(sim);
	});
	afterAll(() => sim.close());
	afterEach(() => sim.faults.clear());

	describe('PISTE token endpoint and gateway checks', () => {
		it('issues a Bearer token with the configured lifetime and refuses a wrong client with 400 invalid_client', async () => {
			const before = sim.tokensIssued();
			const good = await new SimClient(sim).fetchToken();
			expect(good.status).toBe(200);
			expect(good.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'openid' });
			expect(typeof good.body.access_token).toBe('string');
			const bad = await new SimClient(sim).fetchToken('wrong-secret');
			expect(bad.status).toBe(400);
			expect(bad.body.error).toBe('invalid_client');
			expect(sim.tokensIssued()).toBe(before + 1);
			const recorded = sim.requests.filter((r) => r.path === '/api/oauth/token');
			expect(JSON.stringify(recorded)).not.toContain(sim.credentials.clientSecret);
		});

		it('answers 401 with realm PISTE once the token expired (clock) or after expireTokens()', async () => {
			const c = new SimClient(sim);
			expect((await c.post(`${T}/recuperer/devises`, { codeLangue: 'FR' })).status).toBe(200);
			time.advance(601_000);
			const expired = await c.post(`${T}/recuperer/devises`, { codeLangue: 'FR' });
			expect(expired.status).toBe(401);
			expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer realm="PISTE"/);
			await c.fetchToken();
			expect((await c.post(`${T}/recuperer/devises`, {})).status).toBe(200);
			sim.expireTokens();
			expect((await c.post(`${T}/recuperer/devises`, {})).status).toBe(401);
			await c.fetchToken();
		});

		it('checks the bearer and cpro-account on every call, including the health check', async () => {
			expect((await client.get(`${T}/health-check`, { Authorization: undefined })).status).toBe(401);
			expect((await client.get(`${T}/health-check`, { Authorization: 'Bearer not-a-token' })).status).toBe(401);
			const noAccount = await client.get(`${T}/health-check`, { 'cpro-account': undefined });
			expect(noAccount.status).toBe(401);
			const wrong = await new SimClient(sim, { password: 'wrong' }).post(`${F}/deposer/flux`, {});
			expect(wrong.status).toBe(401);
			expect(wrong.headers.get('www-authenticate')).toBe(
				'Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects"',
			);
			const ok = await client.get(`${T}/health-check`);
			expect(ok.status).toBe(200);
			expect(ok.body).toEqual({
				statusCodeValue: 200,
				statusCode: 'OK',
				body: "L'API CPRO est actuellement disponible et fonctionnel.",
			});
			expect(sim.requests.every((r) => !('authorization' in r.headers) && !('cpro-account' in r.headers))).toBe(true);
		});

		it('answers 403 (empty) for an unsubscribed API, 404 for an unknown path, 415 and 400 for bad bodies', async () => {
			sim.store.unsubscribe('transverses');
			const forbidden = await client.post(`${T}/recuperer/devises`, {});
			expect(forbidden.status).toBe(403);
			expect(forbidden.text).toBe('');
			sim.store.subscribe('transverses');
			expect((await client.post(`${F}/consulter/cr`, {})).status).toBe(404);
			expect((await client.post(`${T}/recuperer/devises`, '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
			// Annex §1.7: Content-Type and Accept must be application/json, or 415.
			expect((await client.post(`${T}/recuperer/devises`, '{}', { Accept: 'application/xml' })).status).toBe(415);
			expect((await client.get(`${T}/health-check`, { Accept: 'text/html' })).status).toBe(415);
			expect((await client.post(`${T}/recuperer/devises`, {}, { Accept: 'application/json', 'Content-Type': 'application/json' })).status).toBe(200);
			const malformed = await client.post(`${T}/recuperer/devises`, '{"codeLangue": ');
			expect(malformed.status).toBe(400);
		});
	});

	describe('envelope, Swagger and pagination', () => {
		it('wraps answers in codeRetour 0 / TRA_MSG_00.000', async () => {
			const answer = await client.post(`${T}/recuperer/tauxtva`, { codeLangue: 'FR' });
			expect(answer.body.codeRetour).toBe(0);
			expect(answer.body.libelle).toBe('TRA_MSG_00.000');
			expect(answer.body.listeTauxTva.length).toBeGreaterThan(0);
		});

		it('refuses a misspelt field, a wrong type and an out-of-enum value with HTTP 400 (official Swagger)', async () => {
			const misspelt = await client.post(`${F}/soumettre`, submission({ destinataire: { codeDestinataire: D.buyerWithService.siret, codeServiceExecutan: 'DST-INFO' } }));
			expect(misspelt.status).toBe(400);
			expect(misspelt.body.libelle).toContain('body.destinataire.codeServiceExecutan: propriété inconnue');
			const wrongType = await client.post(`${F}/rechercher/recipiendaire`, { idDestinataire: String(D.buyerWithService.idStructureCPP) });
			expect(wrongType.status).toBe(400);
			const badEnum = await client.post(`${F}/rechercher/recipiendaire`, { paramRecherche: { triSens: 'Ascendant ' } });
			expect(badEnum.status).toBe(400);
			const badDate = await client.post(`${F}/rechercher/recipiendaire`, { periodeDateDepotDu: '14/03/2025' });
			expect(badDate.status).toBe(400);
			const structures = await client.post(`${S}/rechercher`, { structure: { siret: D.buyerWithService.siret } });
			expect(structures.status).toBe(400);
			const transverses = await client.post(`${T}/ajouter/fichier`, { pieceJointeFichier: 'QQ==', pieceJointeNom: 'a.txt', pieceJointeTypeMime: 'text/plain', pieceJointeExtention: 'TXT' });
			expect(transverses.status).toBe(400);
		});

		it('accepts the documented Swagger traps: YYYY-MM-DD dates, pieceJointePrincipale as array or object, nbResultatsMaximum', async () => {
			const pj = (await client.post(`${T}/ajouter/fichier`, { pieceJointeFichier: Buffer.from('%PDF-1.4 test').toString('base64'), pieceJointeNom: 'f.pdf', pieceJointeTypeMime: 'application/pdf', pieceJointeExtension: 'PDF' })).body.pieceJointeId;
			const base = { modeDepot: 'DEPOT_PDF_API', lignePoste: undefined, ligneTva: undefined };
			const asArray = await client.post(`${F}/soumettre`, submission({ ...base, numeroFactureSaisi: 'PJ-ARRAY', pieceJointePrincipale: [{ pieceJointePrincipaleDesignation: 'Facture', pieceJointePrincipaleId: pj }] }));
			expect(asArray.body.codeRetour).toBe(0);
			const asObject = await client.post(`${F}/soumettre`, submission({ ...base, numeroFactureSaisi: 'PJ-OBJECT', pieceJointePrincipale: { pieceJointePrincipaleDesignation: 'Facture', pieceJointePrincipaleId: pj } }));
			expect(asObject.body.codeRetour).toBe(0);
			const atraiter = await client.post(`${F}/rechercher/atraiter/recipiendaire`, { parametreRechercheFactureATraiterParRecipiendaire: { nbResultatsMaximum: 999999, getnbResultatsMaximum: 999999 } });
			expect(atraiter.status).toBe(200);
		});

		it('pages rechercher/recipiendaire with top-level counters, default size 10, clamped to MAX_PAGE_SIZE', async () => {
			const local = await startSimulator({ seed: 'empty' });
			try {
				const c = new SimClient(local);
				const empty = await c.post(`${F}/rechercher/recipiendaire`, {});
				expect(empty.body).toMatchObject({ codeRetour: 20000, libelle: 'TRA_MSG_00.015', listeFactures: [] });
				local.store.bulkInvoices(2500);
				const first = await c.post(`${F}/rechercher/recipiendaire`, {});
				expect(first.body).toMatchObject({ codeRetour: 0, pageCourante: 1, nbResultatsParPage: 10, total: 2500, pages: 250 });
				expect(first.body.listeFactures).toHaveLength(10);
				expect(first.body.parametresRetour).toBeUndefined();
				const seen = new Set<number>();
				for (let page = 1; ; page++) {
					const answer = await c.post(`${F}/rechercher/recipiendaire`, {
						paramRecherche: { pageResultatDemandee: page, nbResultatsParPage: 5000, triColonne: 'DateDepot', triSens: 'Descendant' },
					});
					expect(answer.body.nbResultatsParPage).toBe(MAX_PAGE_SIZE);
					for (const f of answer.body.listeFactures) seen.add(f.idFacture);
					if (answer.body.pageCourante >= answer.body.pages) break;
				}
				expect(seen.size).toBe(2500);
				const capped = await c.post(`${F}/rechercher/recipiendaire`, { paramRecherche: { nbResultatsMaximum: 15, nbResultatsParPage: 10, pageResultatDemandee: 2 } });
				expect(capped.body).toMatchObject({ total: 15, pages: 2 });
				expect(capped.body.listeFactures).toHaveLength(5);
			} finally {
				await local.close();
			}
		});

		it('puts counters in parametresRetour for rechercher/fournisseur and suffixed ones in consulter/historique', async () => {
			const answer = await client.post(`${F}/rechercher/fournisseur`, { rechercheFactureParFournisseur: { nbResultatsParPage: 2, triColonne: 'NumeroFacture', triSens: 'Ascendant' } });
			expect(answer.body.parametresRetour).toMatchObject({ pageCourante: 1, nbResultatsParPage: 2 });
			expect(answer.body.pageCourante).toBeUndefined();
			const numbers = answer.body.listeFactures.map((f: { numeroFacture: string }) => f.numeroFacture);
			expect([...numbers].sort()).toEqual(numbers);
			const id = [...sim.store.invoices.values()].find((i) => i.statut === 'MANDATEE')!.idFacture;
			const history = await client.post(`${F}/consulter/historique`, { idFacture: id, paramRechercheHistoStatuts: { nbResultatsParPageListeHistoStatut: 2 } });
			const block = history.body.historiquesDesStatuts;
			expect(block).toMatchObject({ pageCouranteHistoStatut: 1, nbResultatsParPageHistoStatut: 2, totalHistoStatut: 4, pagesHistoStatut: 2 });
			expect(block.histoStatut[0].histoStatutCode).toBe('MANDATEE');
			expect(block.histoStatut[0].histoStatutDatePassage).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		});

		it('honours search filters (status, period on dateHeureEtatCourant, downloaded flag, numeroFacture)', async () => {
			const suspended = await client.post(`${F}/rechercher/recipiendaire`, { statutCourant: ['SUSPENDUE'] });
			expect(suspended.body.listeFactures.map((f: { statut: string }) => f.statut)).toEqual(['SUSPENDUE']);
			expect(suspended.body.listeFactures[0].commentaireEtatCourant).toBe('Bon de livraison manquant');
			const notDownloaded = await client.post(`${F}/rechercher/recipiendaire`, { factureTelechargeeParDestinataire: false, statutCourant: ['MISE_A_DISPOSITION'] });
			expect(notDownloaded.body.listeFactures.every((f: { factureTelechargeeParDestinataire: boolean }) => !f.factureTelechargeeParDestinataire)).toBe(true);
			const future = await client.post(`${F}/rechercher/recipiendaire`, { periodeDateHeureEtatCourantDu: '2099-01-01', periodeDateHeureEtatCourantAu: '2099-12-31T23:59:59' });
			expect(future.body.codeRetour).toBe(20000);
			const one = await client.post(`${F}/rechercher/fournisseur`, { numeroFacture: 'F2025-0004' });
			expect(one.body.listeFactures).toHaveLength(1);
			expect(one.body.listeFactures[0].statut).toBe('REJETEE');
		});
	});

	describe('invoice lifecycle', () => {
		it('soumettre → DEPOSEE → MISE_A_DISPOSITION → SUSPENDUE (motif) → COMPLETEE → MANDATEE → MISE_EN_PAIEMENT', async () => {
			const filed = await client.post(`${F}/soumettre`, submission({ numeroFactureSaisi: 'CYCLE-1' }));
			expect(filed.body).toMatchObject({ codeRetour: 0, statutFacture: 'DEPOSEE', identifiantStructure: D.supplier.siret });
			const id = filed.body.identifiantFactureCPP;
			expect(id).toBeGreaterThan(2 ** 31);
			const received = await client.post(`${F}/consulter/recipiendaire`, { identifiantFactureCPP: id });
			expect(received.body.facture.statutFacture).toBe('MISE_A_DISPOSITION');
			expect(received.body.facture.destinataire.codeServiceExecutant).toBe('DST-INFO');

			const noMotif = await client.post(`${F}/traiter/recue`, { idFacture: id, nouveauStatut: 'SUSPENDUE' });
			expect(noMotif.body.codeRetour).not.toBe(0);
			const suspended = await client.post(`${F}/traiter/recue`, { idFacture: id, nouveauStatut: 'SUSPENDUE', motif: 'Pièce manquante' });
			expect(suspended.body).toMatchObject({ codeRetour: 0, nouveauStatut: 'SUSPENDUE', idFacture: id });
			const invalid = await client.post(`${F}/traiter/recue`, { idFacture: id, nouveauStatut: 'MANDATEE' });
			expect(invalid.body.codeRetour).toBe(20002);
			const completed = await client.post(`${F}/completer`, { identifiantFactureCPP: id, commentaire: 'Bon joint' });
			expect(completed.body.codeRetour).toBe(0);
			expect((await client.post(`${F}/completer`, { identifiantFactureCPP: id })).body.codeRetour).toBe(20002);
			for (const nouveauStatut of ['MANDATEE', 'MISE_EN_PAIEMENT']) {
				expect((await client.post(`${F}/traiter/recue`, { idFacture: id, nouveauStatut, numeroDPMandat: 'M-1' })).body.codeRetour).toBe(0);
			}
			expect((await client.post(`${F}/traiter/recue`, { idFacture: id, nouveauStatut: 'REJETEE', motif: 'trop tard' })).body.codeRetour).toBe(20002);
			const history = await client.post(`${F}/consulter/historique`, { idFacture: id, paramRechercheHistoStatuts: { triSensListeHistoStatut: 'Ascendant' } });
			expect(history.body.statutCourantCode).toBe('MISE_EN_PAIEMENT');
			expect(history.body.historiquesDesStatuts.histoStatut.map((h: { histoStatutCode: string }) => h.histoStatutCode)).toEqual([
				'DEPOSEE', 'MISE_A_DISPOSITION', 'SUSPENDUE', 'COMPLETEE', 'MANDATEE', 'MISE_EN_PAIEMENT',
			]);
			expect(history.body.historiquesDesStatuts.histoStatut[2].histoStatutCommentaire).toBe('Pièce manquante');
			const allowed = await client.post(`${T}/recuperer/etats/traitement`, { statutCourant: 'MANDATEE' });
			expect(allowed.body.listeStatutsPossiblesPourTraitement.map((s: { statutPossiblePourTraitement: string }) => s.statutPossiblePourTraitement)).toContain('MISE_EN_PAIEMENT');
		});

		it('enforces the recipient rules, the supplier attachment and required fields in soumettre', async () => {
			const noService = await client.post(`${F}/soumettre`, submission({ destinataire: { codeDestinataire: D.buyerWithService.siret } }));
			expect(noService.body.codeRetour).toBe(20305);
			const inactive = await client.post(`${F}/soumettre`, submission({ destinataire: { codeDestinataire: D.buyerWithService.siret, codeServiceExecutant: 'ANCIEN-SVC' } }));
			expect(inactive.body.codeRetour).toBe(20305);
			const toHospital = { destinataire: { codeDestinataire: D.buyerWithEngagement.siret } };
			const noEngagement = await client.post(`${F}/soumettre`, submission(toHospital));
			expect(noEngagement.body.codeRetour).toBe(20013);
			const withEngagement = await client.post(`${F}/soumettre`, submission({ ...toHospital, references: { ...submission().references, numeroBonCommande: D.engagements[0] } }));
			expect(withEngagement.body.codeRetour).toBe(0);
			const unknownBuyer = await client.post(`${F}/soumettre`, submission({ destinataire: { codeDestinataire: '11111111111111' } }));
			expect(unknownBuyer.body.codeRetour).toBe(20304);
			const foreignSupplier = await client.post(`${F}/soumettre`, submission({ fournisseur: { idFournisseur: D.partner.idStructureCPP } }));
			expect(foreignSupplier.body).toMatchObject({ codeRetour: 20001 });
			expect(foreignSupplier.body.libelle).toContain('GDP_MSG_11.005');
			const missing = await client.post(`${F}/soumettre`, submission({ references: { deviseFacture: 'EUR', typeFacture: 'FACTURE', typeTva: 'TVA_SUR_DEBIT' } }));
			expect(missing.body.codeRetour).toBe(20303);
			expect(missing.body.libelle).toContain('references.modePaiement');
			const unknownInvoice = await client.post(`${F}/consulter/fournisseur`, { identifiantFactureCPP: 1 });
			expect(unknownInvoice.body.codeRetour).not.toBe(0);
		});

		it('lets the validator validate an A9 invoice, which is then made available', async () => {
			const todo = await client.post(`${F}/rechercher/aTraiter/valideur`, { idStructure: D.supplier.idStructureCPP });
			expect(todo.body.parametresRetour.total).toBe(1);
			const id = todo.body.listeFactures[0].idFacture;
			const refused = await client.post(`${F}/traiter/factureAValider`, { idFacture: id, action: 'REFUS' });
			expect(refused.body.codeRetour).not.toBe(0);
			const done = await client.post(`${F}/traiter/factureAValider`, { idFacture: id, action: 'VALIDATION' });
			expect(done.body).toMatchObject({ codeRetour: 0, statutFacture: 'VALIDEE_1' });
			expect(sim.store.invoice(id)!.statut).toBe('MISE_A_DISPOSITION');
		});

		it('downloads one invoice as a PDF, several as a ZIP, PIVOT as XML, and marks them downloaded', async () => {
			const ids = [...sim.store.invoices.values()].filter((i) => i.statut === 'MISE_A_DISPOSITION' && i.idDestinataire === D.buyerWithService.idStructureCPP && !i.factureTelechargeeParDestinataire).map((i) => i.idFacture);
			const pdf = await client.post(`${F}/telecharger/groupe`, { format: 'PDF', listeFacture: [{ idFacture: ids[0] }] });
			const bytes = Buffer.from(pdf.body.fichierResultat, 'base64');
			expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
			const text = bytes.toString('latin1');
			const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
			expect(text.slice(xref, xref + 4)).toBe('xref');
			const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
			offsets.forEach((offset, i) => expect(text.slice(offset)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
			const archive = Buffer.from((await client.post(`${F}/telecharger/groupe`, { format: 'PDF', listeFacture: ids.slice(0, 2).map((idFacture) => ({ idFacture })) })).body.fichierResultat, 'base64');
			expect(archive.readUInt32LE(0)).toBe(0x04034b50);
			expect(archive.readUInt16LE(archive.length - 22 + 8)).toBe(2);
			const pivot = Buffer.from((await client.post(`${F}/telecharger/groupe`, { format: 'PIVOT', listeFacture: [{ idFacture: ids[0] }] })).body.fichierResultat, 'base64').toString();
			expect(pivot).toContain(`<IdFacture>${ids[0]}</IdFacture>`);
			expect(sim.store.invoice(ids[0])!.factureTelechargeeParDestinataire).toBe(true);
			expect(sim.store.invoice(ids[0])!.actions.map((a) => a.code)).toContain('TELECHARGEMENT_FACTURE');
			sim.store.invoice(ids[1])!.taille = 121 * 1024 * 1024;
			expect((await client.post(`${F}/telecharger/groupe`, { format: 'PDF', listeFacture: [{ idFacture: ids[1] }] })).status).toBe(413);
			sim.store.invoice(ids[1])!.taille = null;
		});

		it('deposer/pdf leaves an INTERPRETEE_OCR draft that soumettre DEPOT_PDF_API files; > 10 MB → 413', async () => {
			const store = sim.store;
			const pdf = Buffer.from((await client.post(`${F}/telecharger/groupe`, { format: 'PDF', listeFacture: [{ idFacture: [...store.invoices.keys()][0] }] })).body.fichierResultat, 'base64');
			const deposited = await client.post(`${F}/deposer/pdf`, { fichierFacture: pdf.toString('base64'), nomFichier: 'facture.pdf', formatDepot: 'PDF_NON_SIGNE' });
			expect(deposited.body.codeRetour).toBe(0);
			expect(deposited.body.codeFournisseur).toBe(D.supplier.siret);
			const draft = [...store.invoices.values()].find((i) => i.pieceJointePrincipale?.pieceJointeId === deposited.body.pieceJointeId)!;
			expect(draft.statut).toBe('INTERPRETEE_OCR');
			const filed = await client.post(`${F}/soumettre`, submission({ modeDepot: 'DEPOT_PDF_API', numeroFactureSaisi: 'OCR-1', lignePoste: undefined, ligneTva: undefined, pieceJointePrincipale: [{ pieceJointePrincipaleDesignation: 'Facture', pieceJointePrincipaleId: deposited.body.pieceJointeId }] }));
			expect(filed.body.identifiantFactureCPP).toBe(draft.idFacture);
			const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
			big.write('%PDF-1.4');
			expect((await client.post(`${F}/deposer/pdf`, { fichierFacture: big.toString('base64'), nomFichier: 'big.pdf', formatDepot: 'PDF_NON_SIGNE' })).status).toBe(413);
		});
	});

	describe('flux', () => {
		it('advances a deposited flux on each consulterCRDetaille and creates its invoices', async () => {
			const xml = ublInvoice('UBL-0001', D.buyerWithService.siret, 'FACTURES_PUBLIQUES');
			const deposit = await client.post(`${F}/deposer/flux`, { fichierFlux: Buffer.from(xml).toString('base64'), nomFichier: 'UBL-0001.xml', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE', avecSignature: false });
			expect(deposit.body.numeroFluxDepot).toMatch(/^CPP\d{22}$/);
			const numero = deposit.body.numeroFluxDepot;
			const states: string[] = [];
			for (let i = 0; i < 3; i++) states.push((await client.post(`${T}/consulterCRDetaille`, { numeroFluxDepot: numero })).body.etatCourantDepotFlux);
			expect(states).toEqual(['IN_DEPOT_PORTAIL_EN_ATTENTE_TRAITEMENT_SE_CPP', 'IN_EN_COURS_TRAITEMENT_CPP', 'IN_INTEGRE']);
			const found = await client.post(`${F}/rechercher/fournisseur`, { numeroFluxDepot: numero });
			expect(found.body.listeFactures).toHaveLength(1);
			expect(found.body.listeFactures[0]).toMatchObject({ numeroFacture: 'UBL-0001', montantTTC: 300, codeServiceExecutant: 'FACTURES_PUBLIQUES' });
			const cr = await client.post(`${T}/consulterCR`, { numeroFluxDepot: numero });
			expect(Buffer.from(cr.body.fichierCR, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
			expect((await client.post(`${T}/consulterCRDetaille`, { numeroFluxDepot: 'CPP0000000000000000000000' })).body).toEqual({ codeRetour: 20001, libelle: 'POQ_MSG_01.003 - Flux introuvable.' });
		});

		it('reports a partly rejected tar.gz batch and honours a forced outcome', async () => {
			sim.store.fluxPendingObservations = 0;
			try {
				const batch = tarGz([
					{ name: 'ok.xml', content: ublInvoice('LOT-1', D.buyerWithService.siret, 'DST-INFO') },
					{ name: 'ko.xml', content: ublInvoice('LOT-2', D.buyerWithService.siret) },
				]);
				const numero = (await client.post(`${F}/deposer/flux`, { fichierFlux: batch.toString('base64'), nomFichier: 'lot.tar.gz', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' })).body.numeroFluxDepot;
				const report = (await client.post(`${T}/consulterCRDetaille`, { numeroFluxDepot: numero })).body;
				expect(report.etatCourantDepotFlux).toBe('IN_INTEGRE_PARTIEL');
				expect(report.listeErreurDP).toEqual([expect.objectContaining({ numeroDP: 'LOT-2', identifiantDestinataire: D.buyerWithService.siret })]);
				const forced = (await client.post(`${F}/deposer/flux`, { fichierFlux: Buffer.from(ublInvoice('LOT-3', D.buyerWithService.siret, 'DST-INFO')).toString('base64'), nomFichier: 'x.xml', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' })).body.numeroFluxDepot;
				sim.store.setFluxOutcome(forced, 'IN_REJETE');
				const rejected = (await client.post(`${T}/consulterCRDetaille`, { numeroFluxDepot: forced })).body;
				expect(rejected.etatCourantDepotFlux).toBe('IN_REJETE');
				expect((await client.post(`${F}/rechercher/fournisseur`, { numeroFluxDepot: forced })).body.listeFactures).toEqual([]);
			} finally {
				sim.store.fluxPendingObservations = 2;
			}
		});

		it('can let the clock integrate a flux (fluxStateDurationMs)', async () => {
			sim.store.fluxStateDurationMs = 60_000;
			try {
				const xml = ublInvoice('CLOCK-1', D.buyerWithService.siret, 'DST-INFO');
				const numero = (await client.post(`${F}/deposer/flux`, { fichierFlux: Buffer.from(xml).toString('base64'), nomFichier: 'c.xml', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' })).body.numeroFluxDepot;
				expect((await client.post(`${F}/rechercher/fournisseur`, { numeroFluxDepot: numero })).body.listeFactures).toEqual([]);
				time.advance(3 * 60_000);
				expect((await client.post(`${F}/rechercher/fournisseur`, { numeroFluxDepot: numero })).body.listeFactures).toHaveLength(1);
				expect((await client.post(`${T}/consulterCRDetaille`, { numeroFluxDepot: numero })).body.etatCourantDepotFlux).toBe('IN_INTEGRE');
			} finally {
				sim.store.fluxStateDurationMs = undefined;
			}
		});

		it('refuses a flux over 30 MB with 20001 GDP_MSG_11.022', async () => {
			const answer = await client.post(`${F}/deposer/flux`, { fichierFlux: 'A'.repeat(42 * 1024 * 1024), nomFichier: 'big.xml', syntaxeFlux: 'IN_DP_E1_UBL_INVOICE' });
			expect(answer.body.codeRetour).toBe(20001);
			expect(answer.body.libelle).toContain('GDP_MSG_11.022');
		}, 60_000); // a 42 MB body: slow on a loaded machine
	});

	describe('faults and counters', () => {
		it('answers 429 with Retry-After for `times` requests, then normally', async () => {
			sim.faults.add({ path: '/recuperer/devises', status: 429, retryAfter: '2', times: 2 });
			const statuses: Array<[number, string | null]> = [];
			for (let i = 0; i < 3; i++) {
				const a = await client.post(`${T}/recuperer/devises`, {});
				statuses.push([a.status, a.headers.get('retry-after')]);
			}
			expect(statuses).toEqual([[429, '2'], [429, '2'], [200, null]]);
		});

		it('afterHandling: the invoice is filed although the answer is lost', async () => {
			const before = sim.store.invoices.size;
			sim.faults.add({ path: '/soumettre', status: 502, afterHandling: true });
			const lost = await client.post(`${F}/soumettre`, submission({ numeroFactureSaisi: 'LOST-1' }));
			expect(lost.status).toBe(502);
			expect(sim.store.invoices.size).toBe(before + 1);
			expect([...sim.store.invoices.values()].some((i) => i.numeroFacture === 'LOST-1')).toBe(true);
		});

		it('serves HTML, truncated JSON and slow answers on demand', async () => {
			sim.faults.add({ path: '/recuperer/pays', status: 503, body: 'html' });
			const html = await client.post(`${T}/recuperer/pays`, {});
			expect(html.status).toBe(503);
			expect(html.headers.get('content-type')).toMatch(/text\/html/);
			sim.faults.add({ path: '/recuperer/pays', body: 'truncated', afterHandling: true });
			const truncated = await client.post(`${T}/recuperer/pays`, {});
			expect(truncated.status).toBe(200);
			expect(() => JSON.parse(truncated.text)).toThrow();
			sim.faults.add({ path: '/recuperer/pays', delayMs: 150 });
			const started = Date.now();
			expect((await client.post(`${T}/recuperer/pays`, {})).status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		});

		it('counts requests per path', async () => {
			const before = sim.counts('/recuperer/modedepot');
			const total = sim.counts();
			await client.post(`${T}/recuperer/modedepot`, {});
			await client.post(`${T}/recuperer/modedepot`, {});
			expect(sim.counts('/recuperer/modedepot')).toBe(before + 2);
			expect(sim.counts(`${T}/recuperer/modedepot`)).toBe(before + 2);
			expect(sim.counts()).toBe(total + 2);
			expect(sim.requests[sim.requests.length - 1]).toMatchObject({ method: 'POST', path: `${T}/recuperer/modedepot`, body: {} });
		});
	});

	describe('structures and demo data', () => {
		it('finds the buyer, its parameters and its services (AIFE nominal sequence)', async () => {
			const found = await client.post(`${S}/rechercher`, { structure: { identifiantStructure: D.buyerWithService.siret, typeIdentifiantStructure: 'SIRET' } });
			expect(found.body.listeStructures).toEqual([expect.objectContaining({ idStructureCPP: D.buyerWithService.idStructureCPP, statut: 'ACTIVE' })]);
			expect(found.body.parametresRetour.total).toBe(1);
			const params = await client.post(`${S}/consulter`, { idStructureCPP: D.buyerWithService.idStructureCPP, codeLangue: 'FR' });
			expect(params.body.parametres.codeServiceDoitEtreRenseigne).toBe(true);
			const services = await client.post(`${S}/rechercher/services`, { idStructure: D.buyerWithService.idStructureCPP, parametresRechercherServicesStructure: { nbResultatsParPage: 50, triColonne: 'CodeService', triSens: 'Ascendant' } });
			expect(services.body.listeServices.map((s: { codeService: string }) => s.codeService)).toEqual(['ANCIEN-SVC', 'DST-INFO', 'FACTURES_PUBLIQUES']);
			const service = await client.post(`${S}/consulter/service`, { idStructure: D.buyerWithEngagement.idStructureCPP, idService: 2_097_152 });
			expect(service.body).toMatchObject({ codeRetour: 0, pageCourante: 1, total: 1 });
			expect(service.body.parametres.numeroEngagement).toBe(true);
			const active = await client.post(`${T}/recuperer/structures/actives/fournisseur`, {});
			expect(active.body.listeStructures).toEqual([{ idStructureCPP: D.supplier.idStructureCPP, identifiant: D.supplier.siret, designationStructure: D.supplier.name }]);
		});

		it('uses SIRETs that pass the Luhn check and ids beyond int32', () => {
			for (const s of [D.supplier, D.buyerWithService, D.buyerWithEngagement, D.partner]) {
				expect(luhn(s.siret)).toBe(true);
				expect(luhn(s.siret.slice(0, 9))).toBe(true);
			}
			expect(Math.min(...sim.store.invoices.keys())).toBeGreaterThan(2 ** 31);
		});
	});

	describe('one module per API, each route once', () => {
		const api = () => new Router().api({ name: 'structures', prefix: '/cpro/structures/v1' });

		it('refuses a route registered twice, templates compared without their parameter names', () => {
			expect(() => api().post('/a', () => ({})).post('/a', () => ({}))).toThrow('Simulator route registered twice: POST /cpro/structures/v1/a');
			expect(() => api().get('/s/{id}', () => ({})).get('/s/{siret}', () => ({}))).toThrow(
				'Simulator route registered twice: GET /cpro/structures/v1/s/{siret}',
			);
			// Another method or another path is another route.
			expect(() => api().get('/s/{id}', () => ({})).put('/s/{id}', () => ({})).get('/s/{id}/x', () => ({}))).not.toThrow();
		});

		it('refuses a second declaration of an API at the same prefix (no module extends another)', () => {
			const router = new Router();
			router.api({ name: 'transverses', prefix: '/cpro/transverses/v1' });
			expect(() => router.api({ name: 'transverses', prefix: '/cpro/transverses/v1' })).toThrow('Simulator API declared twice: transverses at /cpro/transverses/v1');
			expect(() => router.api({ name: 'transverses', prefix: '/custom/transverses' })).not.toThrow();
		});

		it('declares each API in exactly one module of API_MODULES', () => {
			const declaredBy = new Map<string, number>();
			API_MODULES.forEach((module, index) => {
				const router = new Router();
				module.register(router, sim.store);
				for (const declared of router.apis) {
					expect(`${declared.name}: module ${declaredBy.get(declared.name) ?? index}`).toBe(`${declared.name}: module ${index}`);
					declaredBy.set(declared.name, index);
				}
			});
			expect([...declaredBy.keys()].sort()).toEqual([
				'eReporting', 'eSignature', 'engagements', 'engagementsJuridiques', 'factures', 'facturesTravaux', 'g2bAnnuaire',
				'g2bFactures', 'g2bFlux', 'organisations', 'structures', 'transverses', 'utilisateurs',
			]);
		});
	});

	describe('Swagger plumbing', () => {
		it('refuses to register a route the spec does not declare', () => {
			const router = new Router();
			const api = router.api({ name: 'factures', prefix: '/cpro/factures/v1', swagger: 'factures' });
			expect(() => api.post('/consulter/cr', () => ({}))).toThrow(/no operation/);
		});

		it('validates OpenAPI 3 bodies (PPF annuaire) for future modules', () => {
			const spec = loadSpec('ppf-annuaire');
			const schema = requestSchema(spec, 'post', '/siret/recherche')!;
			expect(validate(spec, schema, { filtres: { siren: { op: 'strict', valeur: '123456789' } }, limite: 50 })).toEqual([]);
			expect(validate(spec, schema, { filtre: {} })).toEqual(['body.filtre: propriété inconnue']);
		});
	});
});
