/**
 * Chorus Pro Factures Travaux node through n8n-core's real ExecuteContext (test/harness) against the
 * simulator: every operation runs at least once, the request the simulator received is checked (method, path,
 * body), and bad input is refused before any HTTP call.
 */
import type { IDataObject, NodeExecutionHint } from 'n8n-workflow';

import { ChorusProTravaux } from '../../nodes/ChorusProTravaux/ChorusProTravaux.node';
import { travauxOperations } from '../../nodes/ChorusProTravaux/operations';
import { CredentialStore, runNode } from '../harness/run';
import { minimalPdf } from '../simulator/factures/documents';
import { DEMO_IDS } from '../simulator/seed';
import { WORKS_IDS } from '../simulator/seed-travaux';
import { useSimulator } from './fixture';

const PREFIX = '/cpro/facturesTravaux/v1';
const node = new ChorusProTravaux();
const { sim, credentials, json: run, sent, itRanEveryOperation } = useSimulator(node, { prefix: PREFIX });

const status = (id: number) => sim.store.works.invoices.get(id)?.statut;

describe('Works Invoice', () => {
	it('searches as supplier with filters, paging in rechercheFactureTravaux', async () => {
		const items = await run('worksInvoice', 'search', {
			roleUtilisateur: 'FOURNISSEUR',
			returnAll: true,
			additionalFields: { listeStatutCourant: ['MISE_A_DISPOSITION_MOE', 'A_COMPLETER'], montantHTMin: 1000 },
		});
		expect(items.map((i) => i.idFactureTravaux).sort()).toEqual([WORKS_IDS.availableToMoe, WORKS_IDS.toComplete]);
		const request = sent('/rechercher');
		expect(request.method).toBe('POST');
		expect(request.body).toEqual({
			roleUtilisateur: 'FOURNISSEUR',
			listeStatutCourant: ['MISE_A_DISPOSITION_MOE', 'A_COMPLETER'],
			montantHTMin: 1000,
			rechercheFactureTravaux: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});
	});

	it('sorts with triColonne / triSens inside rechercheFactureTravaux, as the AIFE example does', async () => {
		// communaute.chorus-pro.gouv.fr/search-works-invoice: "triSens": "Descendant", "triColonne": "TypeDemandePaiement".
		await run('worksInvoice', 'search', {
			roleUtilisateur: 'FOURNISSEUR',
			limit: 10,
			sort: { column: 'TypeDemandePaiement', direction: 'Descendant' },
		});
		expect(sent('/rechercher').body).toMatchObject({
			rechercheFactureTravaux: { pageResultatDemandee: 1, nbResultatsParPage: 10, triSens: 'Descendant', triColonne: 'TypeDemandePaiement' },
		});
	});

	it('treats codeRetour 20007 (no works invoice) as an empty result', async () => {
		const before = sim.counts(`${PREFIX}/rechercher`);
		expect(await run('worksInvoice', 'search', { roleUtilisateur: 'MOE', limit: 5 })).toEqual([]);
		expect(sim.counts(`${PREFIX}/rechercher`)).toBe(before + 1);
		expect(sent('/rechercher').body).toMatchObject({ roleUtilisateur: 'MOE', rechercheFactureTravaux: { nbResultatsParPage: 5 } });
	});

	it('gets one works invoice and its billing file', async () => {
		const [detail] = await run('worksInvoice', 'get', { idFactureTravaux: WORKS_IDS.toComplete, additionalFields: { codeLangue: 'FR' } });
		expect(sent('/consulter').body).toEqual({ idFactureTravaux: WORKS_IDS.toComplete, codeLangue: 'FR' });
		const invoice = detail.factureTravaux as IDataObject;
		expect(invoice.statut).toBe('A_COMPLETER');
		expect(invoice.piecePrecedente).toMatchObject({ idFactureTravaux: WORKS_IDS.availableToMoe });
		expect(detail.codeRetour).toBeUndefined();

		const pieces = await run('worksInvoice', 'getBillingFile', { idDossierFacturation: WORKS_IDS.billingFile });
		expect(sent('/consulter/dossierfacturation').body).toEqual({ idDossierFacturation: WORKS_IDS.billingFile });
		expect(pieces.map((p) => p.idFactureTravaux)).toEqual([WORKS_IDS.availableToMoe, WORKS_IDS.toComplete]);
		expect(pieces[0].historiqueDemandePaiement).toEqual([expect.objectContaining({ statut: 'MISE_A_DISPOSITION_MOE' })]);
	});

	it('submits a works invoice with its main attachment, then the MOE takes it into account and refuses it', async () => {
		const pdf = sim.store.addFile({ nom: 'decompte.pdf', typeMime: 'application/pdf', extension: 'PDF', bytes: minimalPdf('Décompte', []) });
		const [submitted] = await run('worksInvoice', 'submit', {
			numeroFactureTravaux: 'DM-2025-042',
			dateFactureTravaux: '2025-06-30',
			typeFactureTravaux: 'PROJET_DECOMPTE_MENSUEL',
			codeCadreFacturation: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR',
			idFournisseur: DEMO_IDS.supplier.idStructureCPP,
			codeDestinataire: DEMO_IDS.buyerWithService.siret,
			numeroMarche: 'MT-2025-017',
			montantHtTotal: 1000,
			montantTtcTotal: 1200,
			montantAPayer: 1200,
			pieceJointePrincipaleId: pdf.pieceJointeId,
			additionalFields: { idStructureMoe: DEMO_IDS.partner.idStructureCPP, deviseFacture: 'EUR', codeServiceExecutant: 'DST-INFO' },
		});
		expect(sent('/soumettre').body).toEqual({
			numeroFactureTravaux: 'DM-2025-042',
			dateFactureTravaux: '2025-06-30',
			typeFactureTravaux: 'PROJET_DECOMPTE_MENSUEL',
			cadreDeFacturation: { codeCadreFacturation: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR' },
			fournisseur: { idFournisseur: DEMO_IDS.supplier.idStructureCPP },
			destinataire: { codeDestinataire: DEMO_IDS.buyerWithService.siret, codeServiceExecutant: 'DST-INFO' },
			moe: { idStructureMoe: DEMO_IDS.partner.idStructureCPP },
			references: { numeroMarche: 'MT-2025-017', deviseFacture: 'EUR' },
			montantTotal: { montantHtTotal: 1000, montantTtcTotal: 1200, montantAPayer: 1200 },
			pieceJointePrincipale: [{ pieceJointePrincipaleId: pdf.pieceJointeId, pieceJointePrincipaleDesignation: 'DM-2025-042' }],
		});
		expect(submitted.statutFactureTravaux).toBe('MISE_A_DISPOSITION_MOE');
		const id = submitted.idFactureTravaux as number;

		const [taken] = await run('worksInvoiceToProcess', 'takeIntoAccount', { idFactureTravaux: id, additionalFields: { commentaire: 'Reçu' } });
		expect(sent('/prendreencompte').body).toEqual({ idFactureTravaux: id, commentaire: 'Reçu' });
		expect(taken.statutFactureTravaux).toBe('PRISE_EN_COMPTE_MOE');

		const [refused] = await run('worksInvoiceToProcess', 'refuse', { idFactureTravaux: id, codeMotif: 'MAUVAISE_MOE' });
		expect(sent('/refuser').body).toEqual({ idFactureTravaux: id, codeMotif: 'MAUVAISE_MOE' });
		expect(refused.statutFactureTravaux).toBe('REFUSEE_MOE');

		// A refused piece cannot be taken into account: the simulator refuses the transition (codeRetour 20002).
		await expect(run('worksInvoiceToProcess', 'takeIntoAccount', { idFactureTravaux: id })).rejects.toThrow(/20002/);
		expect(status(id)).toBe('REFUSEE_MOE');
	});

	it('refuses bad input before any HTTP call', async () => {
		const before = sim.counts();
		await expect(
			run('worksInvoice', 'submit', {
				numeroFactureTravaux: 'DM-2025-043',
				dateFactureTravaux: '2025-06-30',
				idFournisseur: DEMO_IDS.supplier.idStructureCPP,
				codeDestinataire: '21750001600018', // checksum broken
				numeroMarche: 'M',
				montantHtTotal: 1,
				montantTtcTotal: 1,
				montantAPayer: 1,
				pieceJointePrincipaleId: 1,
			}),
		).rejects.toThrow(/Recipient SIRET.*item 1.*check digit/);
		await expect(
			run('worksInvoice', 'submit', {
				numeroFactureTravaux: 'X'.repeat(21),
				dateFactureTravaux: '2025-06-30',
				idFournisseur: 1,
				codeDestinataire: DEMO_IDS.buyerWithService.siret,
				numeroMarche: 'M',
				montantHtTotal: 1,
				montantTtcTotal: 1,
				montantAPayer: 1,
				pieceJointePrincipaleId: 1,
			}),
		).rejects.toThrow(/Invoice Number.*at most 20/);
		await expect(run('worksInvoiceToProcess', 'refuse', { idFactureTravaux: 'abc', codeMotif: 'AUTRE' })).rejects.toThrow(
			/Works Invoice ID.*item 1.*whole number/,
		);
		await expect(run('worksInvoiceToProcess', 'suspendOrAskCompletion', { idFactureTravaux: WORKS_IDS.availableToMoa })).rejects.toThrow(
			/"Comment" is required \(item 1\)/,
		);
		expect(sim.counts()).toBe(before);
	});
});

describe('Works Invoice to Process', () => {
	it('lists the refusal reasons of a framework, one item each', async () => {
		const reasons = await run('worksInvoiceToProcess', 'getRefusalReasons', { codeCadreFacturationTravaux: 'A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT' });
		expect(sent('/recuperer/motifsrefus').body).toEqual({ codeCadreFacturationTravaux: 'A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT' });
		expect(reasons.map((r) => r.codeMotif)).toEqual(['AUTRE', 'REF_FAC_TRAVAUX', 'MAUVAISE_MOA', 'MAUVAIS_VALIDEUR']);
	});

	it('suspends a piece made available to the MOE', async () => {
		const [answer] = await run('worksInvoiceToProcess', 'suspendOrAskCompletion', {
			idFactureTravaux: WORKS_IDS.availableToMoe,
			commentaire: 'Joindre le PV de réception',
		});
		expect(sent('/suspendre/demander/completer/factureTravaux').body).toEqual({
			idFactureTravaux: WORKS_IDS.availableToMoe,
			commentaire: 'Joindre le PV de réception',
		});
		expect(answer.statutFactureTravaux).toBe('A_COMPLETER');
	});

	it('asks the supplier to recycle a piece held by the MOA, without a comment as in the AIFE example', async () => {
		// communaute.chorus-pro.gouv.fr/request-recycling-previous-document: the request is { idFactureTravaux } alone.
		const [answer] = await run('worksInvoiceToProcess', 'requestRecycling', { idFactureTravaux: WORKS_IDS.availableToMoa });
		expect(sent('/demander/recyclage').body).toEqual({ idFactureTravaux: WORKS_IDS.availableToMoa });
		expect(answer.statutFactureTravaux).toBe('EN_ATTENTE_RECYCLAGE_FOURNISSEUR');
		// The example's answer names the previous document too; this piece is the first of its billing file.
		expect(answer).toHaveProperty('idPiecePrecedente', null);
	});
});

describe('Works Invoice in Error', () => {
	it('completes a suspended piece with attachments', async () => {
		const pv = sim.store.addFile({ nom: 'pv.pdf', typeMime: 'application/pdf', extension: 'PDF', bytes: minimalPdf('PV', []) });
		const [answer] = await run('worksInvoiceInError', 'complete', {
			idFactureTravaux: WORKS_IDS.toComplete,
			additionalFields: { commentaire: 'PV joint', listePiecesJointes: String(pv.pieceJointeId) },
		});
		expect(sent('/completer').body).toEqual({
			idFactureTravaux: WORKS_IDS.toComplete,
			commentaire: 'PV joint',
			listePiecesJointes: [{ pieceJointeId: pv.pieceJointeId }],
		});
		expect(answer.statutFactureTravaux).toBe('COMPLETEE');
		expect(sim.store.works.invoices.get(WORKS_IDS.toComplete)?.piecesJointes).toEqual([pv.pieceJointeId]);
	});

	it('sets the missing project manager, then the right MOE service of another piece', async () => {
		const [moe] = await run('worksInvoiceInError', 'completeMoe', { idFactureTravaux: WORKS_IDS.moeMissing, idStructureMoe: DEMO_IDS.partner.idStructureCPP });
		expect(sent('/completermoe').body).toEqual({ idFactureTravaux: WORKS_IDS.moeMissing, idStructureMoe: DEMO_IDS.partner.idStructureCPP });
		expect(moe.statutFactureTravaux).toBe('MISE_A_DISPOSITION_MOE');

		const [service] = await run('worksInvoiceInError', 'completeMoeService', { idFactureTravaux: WORKS_IDS.moeServiceWrong, idServiceMoe: 2_097_153 });
		expect(sent('/completerservicemoe').body).toEqual({ idFactureTravaux: WORKS_IDS.moeServiceWrong, idServiceMoe: 2_097_153 });
		expect(service.statutFactureTravaux).toBe('MISE_A_DISPOSITION_MOE');
	});

	it('corrects the validator of a sub-contractor statement, refusing an unknown structure first', async () => {
		await expect(
			run('worksInvoiceInError', 'correctValidator', { idFactureTravaux: WORKS_IDS.wrongValidator, idStructureValideur: 123 }),
		).rejects.toThrow(/20042/);
		expect(status(WORKS_IDS.wrongValidator)).toBe('ERREUR_FOURNISSEUR_SUR_VALIDEUR');
		const [answer] = await run('worksInvoiceInError', 'correctValidator', {
			idFactureTravaux: WORKS_IDS.wrongValidator,
			idStructureValideur: DEMO_IDS.partner.idStructureCPP,
		});
		expect(sent('/corriger/valideur').body).toEqual({ idFactureTravaux: WORKS_IDS.wrongValidator, idStructureValideur: DEMO_IDS.partner.idStructureCPP });
		expect(answer.statutFactureTravaux).toBe('A_VALIDER_1');
	});

	it('recycles a piece sent back, to another service of the recipient', async () => {
		const [answer] = await run('worksInvoiceInError', 'recycle', {
			idFactureTravaux: WORKS_IDS.waitingRecycling,
			additionalFields: { codeServiceExecutant: 'DST-INFO', numeroBonCommande: 'BC-77' },
		});
		expect(sent('/recycler').body).toEqual({ idFactureTravaux: WORKS_IDS.waitingRecycling, codeServiceExecutant: 'DST-INFO', numeroBonCommande: 'BC-77' });
		expect(answer.statutFactureTravaux).toBe('MISE_A_DISPOSITION_MOE');
		expect(sim.store.works.invoices.get(WORKS_IDS.waitingRecycling)).toMatchObject({ codeServiceExecutant: 'DST-INFO', numeroBonCommande: 'BC-77' });
	});
});

describe('Test identifiers of the qualification platform', () => {
	// communaute.chorus-pro.gouv.fr/recycle-works-invoice sends "identifiantDestinataire": "00000000011559", a
	// qualification SIRET that fails the INSEE checksum (Luhn).
	const parameters = { resource: 'worksInvoiceInError', operation: 'recycle', idFactureTravaux: WORKS_IDS.waitingRecycling, additionalFields: { identifiantDestinataire: '00000000011559' } };

	it('production data: the checksum failure is refused before any call', async () => {
		const before = sim.counts('/recycler');
		await expect(runNode(node, { parameters, credentials })).rejects.toThrow(/Recipient SIRET.*item 1.*check digit/);
		expect(sim.counts('/recycler')).toBe(before);
	});

	it('qualification data: the identifier is sent, with a warning naming the field and the item', async () => {
		const qualification = new CredentialStore({ ...credentials.data, customPlatform: 'qualification' });
		const hints: NodeExecutionHint[] = [];
		const before = sim.counts('/recycler');
		// The simulator has no structure with that SIRET: its business error is the answer, not our refusal.
		await expect(runNode(node, { parameters, credentials: qualification, hints })).rejects.toThrow(/20\d{3}/);
		expect(sim.counts('/recycler')).toBe(before + 1);
		expect(sent('/recycler').body).toEqual({ idFactureTravaux: WORKS_IDS.waitingRecycling, identifiantDestinataire: '00000000011559' });
		expect(hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/"Recipient SIRET" \(item 1\).*check digit.*qualification platform/) }),
		]);
		// A SIRET with the wrong number of digits is still refused there.
		await expect(
			runNode(node, { parameters: { ...parameters, additionalFields: { identifiantDestinataire: '0000000001155' } }, credentials: qualification }),
		).rejects.toThrow(/14 digits/);
	});
});

itRanEveryOperation(travauxOperations);
