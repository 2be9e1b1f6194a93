/**
 * Supplier operations that file or change an invoice: soumettre, deposer/pdf, completer, recycler,
 * corriger/valideur/facture, traiterRejet (docs/api-notes.md §3.2–§3.7, §14.2).
 */
import { createHash } from 'crypto';

import { Errors } from '../codes';
import { dayOf, toDay } from '../dates';
import { BusinessError, HttpError, ok, badRequestBody } from '../envelope';
import type { Invoice, InvoiceAttachment, SimulatorStore } from '../store';
import { supplierInvoice } from './access';
import { FRAMEWORKS_WITH_VALIDATOR } from './lifecycle';
import { resolveRouting } from './routing';

export const PDF_MAX_BYTES = 10 * 1024 * 1024;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** soumettre's codes: 20013, 20303–20305 exist (API annex, §3.3); their use here is the simulator's choice. */
const SOUMETTRE = { missing: 20303, recipient: 20304, service: 20305, engagement: 20013 };
/** recycler's codes: 20004–20014 exist (§3.5). */
const RECYCLER = { impossible: 20004, recipient: 20005, service: 20006, engagement: 20007, missing: 20008 };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes a base64 file field; malformed base64 is a malformed request (HTTP 400). */
export function decodeBase64(value: unknown, field: string): Buffer {
	if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) {
		throw new HttpError(400, badRequestBody([`body.${field}: base64 invalide`]));
	}
	return Buffer.from(value, 'base64');
}

function required(code: number, value: unknown, field: string): void {
	if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
		throw Errors.missingField(code, field);
	}
}

function attachmentsFrom(store: SimulatorStore, code: number, list: Body[] | undefined, field: string): InvoiceAttachment[] {
	return (list ?? []).map((pj: Body) => {
		const id = pj[`${field}Id`];
		if (typeof id !== 'number' || !store.files.has(id)) throw Errors.unknownAttachment(code, id);
		const file = store.files.get(id)!;
		return {
			idLiaison: store.nextLinkId(),
			pieceJointeId: id,
			designation: pj[`${field}Designation`] ?? file.nom,
			typeCode: pj[`${field}Type`] ?? 'PJ_COMPLEMENTAIRE',
			numeroLigne: pj[`${field}NumeroLigneFacture`] ?? null,
		};
	});
}

/** `POST /soumettre` (§3.3). */
export function soumettre(store: SimulatorStore, body: Body): Record<string, unknown> {
	const c = SOUMETTRE.missing;
	required(c, body.modeDepot, 'modeDepot');
	required(c, body.numeroFactureSaisi, 'numeroFactureSaisi');
	required(c, body.dateFacture, 'dateFacture');
	required(c, body.destinataire?.codeDestinataire, 'destinataire.codeDestinataire');
	required(c, body.fournisseur?.idFournisseur, 'fournisseur.idFournisseur');
	required(c, body.cadreDeFacturation?.codeCadreFacturation, 'cadreDeFacturation.codeCadreFacturation');
	for (const field of ['deviseFacture', 'typeFacture', 'typeTva', 'modePaiement']) {
		required(c, body.references?.[field], `references.${field}`);
	}
	for (const field of ['montantHtTotal', 'montantTtcTotal', 'montantAPayer']) {
		required(c, body.montantTotal?.[field], `montantTotal.${field}`);
	}
	const idFournisseur: number = body.fournisseur.idFournisseur;
	if (!store.account.fournisseur.has(idFournisseur)) throw Errors.notAuthorised();
	const supplier = store.structure(idFournisseur)!;
	const numero = String(body.numeroFactureSaisi);
	if (numero.length > 20) throw Errors.invalidField(c, 'numeroFactureSaisi', '20 caractères au plus');
	const refs = body.references;
	if (refs.typeTva === 'EXONERATION') required(c, refs.motifExonerationTva, 'references.motifExonerationTva');
	if (refs.typeFacture === 'AVOIR') required(c, refs.numeroFactureOrigine, 'references.numeroFactureOrigine');
	const principal = [body.pieceJointePrincipale ?? []].flat();
	if (body.modeDepot === 'SAISIE_API') {
		required(c, body.lignePoste, 'lignePoste');
		required(c, body.ligneTva, 'ligneTva');
	} else {
		required(c, principal[0]?.pieceJointePrincipaleId, 'pieceJointePrincipale.pieceJointePrincipaleId');
	}
	const principalId: number | undefined = principal[0]?.pieceJointePrincipaleId;
	if (principalId !== undefined && !store.files.has(principalId)) throw Errors.unknownAttachment(c, principalId);
	if (body.fournisseur.idServiceFournisseur != null && !store.service(idFournisseur, body.fournisseur.idServiceFournisseur)) {
		throw Errors.invalidField(c, 'fournisseur.idServiceFournisseur', 'service inconnu');
	}
	const bankId = body.fournisseur.codeCoordonneesBancairesFournisseur;
	if (bankId != null && !supplier.coordonneesBancaires.some((b) => b.idCoordonneeBancaire === bankId)) {
		throw Errors.invalidField(c, 'fournisseur.codeCoordonneesBancairesFournisseur', 'coordonnées bancaires inconnues');
	}
	const { recipient, service } = resolveRouting(
		store,
		SOUMETTRE,
		body.destinataire.codeDestinataire,
		body.destinataire.codeServiceExecutant,
		refs.numeroBonCommande,
	);
	const cadre: string = body.cadreDeFacturation.codeCadreFacturation;
	let idValideur1: number | null = null;
	if (FRAMEWORKS_WITH_VALIDATOR.includes(cadre)) {
		required(c, body.cadreDeFacturation.codeStructureValideur, 'cadreDeFacturation.codeStructureValideur');
		const v = store.structureByIdentifiant(body.cadreDeFacturation.codeStructureValideur);
		if (!v) throw Errors.unknownRecipient(SOUMETTRE.recipient, body.cadreDeFacturation.codeStructureValideur);
		idValideur1 = v.idStructureCPP;
	}
	const dateFacture = dayOf(body.dateFacture) ?? toDay(store.now());
	const draft = principalId !== undefined ? ocrDraftOf(store, principalId) : undefined;
	const total = body.montantTotal;
	const fields: Partial<Invoice> = {
		numeroFacture: numero,
		typeFacture: refs.typeFacture,
		cadreFacturation: cadre,
		modeDepot: body.modeDepot,
		idFournisseur,
		idServiceFournisseur: body.fournisseur.idServiceFournisseur ?? null,
		idCoordonneeBancaire: bankId ?? null,
		idDestinataire: recipient.idStructureCPP,
		idServiceExecutant: service?.idService ?? null,
		idValideur1,
		dateFacture,
		dateDepot: store.now(),
		devise: refs.deviseFacture,
		typeTva: refs.typeTva,
		motifExonerationTva: refs.motifExonerationTva ?? null,
		modePaiement: refs.modePaiement,
		numeroMarche: refs.numeroMarche ?? null,
		numeroBonCommande: refs.numeroBonCommande ?? null,
		numeroFactureOrigine: refs.numeroFactureOrigine ?? null,
		montantHT: total.montantHtTotal,
		montantTVA: total.montantTVA ?? Math.round((total.montantTtcTotal - total.montantHtTotal) * 100) / 100,
		montantTTC: total.montantTtcTotal,
		montantRemiseGlobaleTTC: total.montantRemiseGlobaleTTC ?? 0,
		motifRemiseGlobaleTTC: total.motifRemiseGlobaleTTC ?? null,
		montantAPayer: total.montantAPayer,
		commentaire: body.commentaire ?? null,
		lignesPoste: (body.lignePoste ?? []).map((l: Body, i: number) => ({
			numero: l.lignePosteNumero ?? i + 1,
			reference: l.lignePosteReference ?? null,
			denomination: l.lignePosteDenomination ?? null,
			quantite: l.lignePosteQuantite ?? 1,
			unite: l.lignePosteUnite ?? null,
			montantUnitaireHT: l.lignePosteMontantUnitaireHT ?? 0,
			montantRemiseHT: l.lignePosteMontantRemiseHT ?? 0,
			tauxTva: l.lignePosteTauxTva ?? null,
			tauxTvaManuel: l.lignePosteTauxTvaManuel ?? null,
		})),
		lignesTva: (body.ligneTva ?? []).map((l: Body) => ({
			taux: l.ligneTvaTaux ?? null,
			base: l.ligneTvaMontantBaseHtParTaux ?? 0,
			montant: l.ligneTvaMontantTvaParTaux ?? 0,
			tauxManuel: l.ligneTvaTauxManuel ?? null,
		})),
		pieceJointePrincipale:
			principalId !== undefined
				? { idLiaison: store.nextLinkId(), pieceJointeId: principalId, designation: principal[0].pieceJointePrincipaleDesignation ?? 'Facture' }
				: null,
		piecesJointes: attachmentsFrom(store, c, body.pieceJointeComplementaire, 'pieceJointeComplementaire'),
	};
	let invoice: Invoice;
	if (draft) {
		Object.assign(draft, fields);
		invoice = draft;
	} else {
		invoice = store.addInvoice({ ...fields, statut: 'BROUILLON', historique: [] });
	}
	if (idValideur1 !== null) {
		store.setStatus(invoice.idFacture, 'A_VALIDER_1', { user: store.account.user });
	} else {
		store.deposit(invoice, store.account.user);
	}
	const statutAuDepot = idValideur1 !== null ? 'A_VALIDER_1' : 'DEPOSEE';
	return ok({
		identifiantFactureCPP: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		statutFacture: statutAuDepot,
		dateDepot: toDay(invoice.dateDepot),
		identifiantStructure: supplier.identifiant,
		empreinteCertificatDepot: createHash('sha256').update(`${invoice.idFacture}:${invoice.numeroFacture}`).digest('hex'),
	});
}

function ocrDraftOf(store: SimulatorStore, pieceJointeId: number): Invoice | undefined {
	for (const invoice of store.invoices.values()) {
		if (invoice.statut === 'INTERPRETEE_OCR' && invoice.pieceJointePrincipale?.pieceJointeId === pieceJointeId) {
			return invoice;
		}
	}
	return undefined;
}

/** Text shown by the uncompressed content streams of a PDF (enough for PDFs built like ours). */
function pdfText(bytes: Buffer): string {
	const raw = bytes.toString('latin1');
	const parts: string[] = [];
	const re = /\(((?:\\.|[^\\)])*)\)\s*Tj/g;
	for (let m = re.exec(raw); m; m = re.exec(raw)) parts.push(m[1].replace(/\\(.)/g, '$1'));
	return parts.join('\n');
}

/** `POST /deposer/pdf` (§3.2): stores the PDF, "reads" it, leaves an INTERPRETEE_OCR draft. */
export function deposerPdf(store: SimulatorStore, body: Body): Record<string, unknown> {
	required(20001, body.fichierFacture, 'fichierFacture');
	required(20001, body.nomFichier, 'nomFichier');
	required(20001, body.formatDepot, 'formatDepot');
	if (body.fichierFacture.length > Math.ceil(PDF_MAX_BYTES / 3) * 4 + 4) throw new HttpError(413);
	const bytes = decodeBase64(body.fichierFacture, 'fichierFacture');
	if (bytes.length > PDF_MAX_BYTES) throw new HttpError(413);
	if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
		throw new BusinessError(20002, "GDP_MSG_11.050 - Le fichier déposé n'est pas un PDF.");
	}
	const file = store.addFile({ nom: body.nomFichier, typeMime: 'application/pdf', extension: 'PDF', bytes });
	const text = pdfText(bytes);
	const sirets = [...text.matchAll(/\b(\d{14})\b/g)].map((m) => m[1]);
	const amount = (label: string) => {
		const m = new RegExp(`${label}\\s*:?\\s*(-?\\d+(?:[.,]\\d+)?)`, 'i').exec(text);
		return m ? Number(m[1].replace(',', '.')) : 0;
	};
	const numero =
		/(?:Facture|Avoir)\s+(?:n[°o]\s*)?([A-Z0-9][\w\-/]{0,19})/i.exec(text)?.[1] ??
		String(body.nomFichier).replace(/\.[^.]+$/, '').slice(0, 20);
	const dateFacture = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1] ?? toDay(store.now());
	const supplierId = [...store.account.fournisseur][0];
	const supplier = store.structure(supplierId);
	const ht = amount('Montant HT');
	const tva = amount('TVA');
	const ttc = amount('Montant TTC') || Math.round((ht + tva) * 100) / 100;
	const buyer = sirets.map((s) => store.structureByIdentifiant(s)).find((s) => s?.typeStructure === 'PUBLIQUE');
	store.addInvoice({
		statut: 'INTERPRETEE_OCR',
		numeroFacture: numero,
		dateFacture,
		modeDepot: 'DEPOT_PDF_API',
		idFournisseur: supplier?.idStructureCPP,
		idDestinataire: buyer?.idStructureCPP,
		idServiceExecutant: null,
		montantHT: ht,
		montantTVA: tva,
		montantTTC: ttc,
		montantAPayer: ttc,
		lignesPoste: [],
		lignesTva: [],
		pieceJointePrincipale: { idLiaison: store.nextLinkId(), pieceJointeId: file.pieceJointeId, designation: body.nomFichier },
	});
	return ok({
		numeroFacture: numero,
		dateFacture,
		codeDestinataire: buyer?.identifiant ?? '',
		codeServiceExecutant: '',
		codeFournisseur: supplier?.identifiant ?? '',
		codeDeviseFacture: 'EUR',
		typeFacture: /^\s*Avoir/im.test(text) ? 'AVOIR' : 'FACTURE',
		typeTva: 'TVA_SUR_DEBIT',
		numeroBonCommande: '',
		montantTtcAvantRemiseGlobalTTC: ttc,
		montantAPayer: ttc,
		montantHtTotal: ht,
		montantTVA: tva,
		pieceJointeId: file.pieceJointeId,
	});
}

/** `POST /completer` (§3.4): SUSPENDUE → COMPLETEE with attachments and/or a comment. */
export function completer(store: SimulatorStore, body: Body): Record<string, unknown> {
	required(20000, body.identifiantFactureCPP, 'identifiantFactureCPP');
	const invoice = supplierInvoice(store, body.identifiantFactureCPP);
	if (invoice.statut !== 'SUSPENDUE') throw Errors.notSuspended();
	const added = attachmentsFrom(store, 20003, body.pieceJointeComplementaire, 'pieceJointeComplementaire');
	invoice.piecesJointes.push(...added);
	if (body.commentaire) invoice.commentaire = body.commentaire;
	store.setStatus(invoice.idFacture, 'COMPLETEE', { motif: body.commentaire ?? null, user: store.account.user });
	return ok({
		identifiantFactureCPP: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		dateTraitement: toDay(store.now()),
		pageCourante: null,
		pages: null,
		nbResultatsParPage: null,
		total: null,
	});
}

/** `POST /recycler` (§3.5): new routing data for an A_RECYCLER invoice, which is then re-deposited. */
export function recycler(store: SimulatorStore, body: Body): Record<string, unknown> {
	required(RECYCLER.missing, body.identifiantFactureCPP, 'identifiantFactureCPP');
	const invoice = supplierInvoice(store, body.identifiantFactureCPP);
	if (invoice.statut !== 'A_RECYCLER') throw Errors.actionImpossible(RECYCLER.impossible, invoice.statut);
	const current = store.structure(invoice.idDestinataire);
	const codeDestinataire: string = body.destinataire?.codeDestinataire ?? current?.identifiant ?? '';
	const codeService: string | undefined =
		body.destinataire?.codeServiceExecutant ??
		(body.destinataire?.codeDestinataire ? undefined : store.service(invoice.idDestinataire, invoice.idServiceExecutant)?.codeService);
	const numeroBonCommande: string | null = body.reference?.numeroBonCommande ?? invoice.numeroBonCommande;
	const { recipient, service } = resolveRouting(store, RECYCLER, codeDestinataire, codeService, numeroBonCommande);
	invoice.idDestinataire = recipient.idStructureCPP;
	invoice.idServiceExecutant = service?.idService ?? null;
	invoice.numeroBonCommande = numeroBonCommande;
	if (body.reference?.numeroMarche !== undefined) invoice.numeroMarche = body.reference.numeroMarche;
	if (body.commentaire) invoice.commentaire = body.commentaire;
	store.deposit(invoice, store.account.user);
	return ok({
		identifiantFactureCPP: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		statutFacture: 'DEPOSEE',
		dateDepot: toDay(invoice.dateDepot),
	});
}

/** `POST /corriger/valideur/facture` (§3.6): a new validator for an ERREUR_FOURNISSEUR_SUR_VALIDEUR invoice. */
export function corrigerValideur(store: SimulatorStore, body: Body): Record<string, unknown> {
	required(20001, body.idFacture, 'idFacture');
	const invoice = supplierInvoice(store, body.idFacture);
	if (invoice.statut !== 'ERREUR_FOURNISSEUR_SUR_VALIDEUR') throw Errors.actionImpossible(20002, invoice.statut);
	const validator =
		typeof body.idStructure === 'number'
			? store.structure(body.idStructure)
			: body.identifiantStructure
				? store.structureByIdentifiant(body.identifiantStructure, body.typeIdentifiantStructure ?? undefined)
				: undefined;
	if (!validator) throw Errors.missingField(20003, 'idStructure ou typeIdentifiantStructure + identifiantStructure');
	invoice.idValideur1 = validator.idStructureCPP;
	store.setStatus(invoice.idFacture, 'A_VALIDER_1', { user: store.account.user });
	return ok({ idFacture: invoice.idFacture });
}

/** `POST /traiterRejet` (§3.7): the supplier acknowledges rejected invoices. */
export function traiterRejet(store: SimulatorStore, body: Body): Record<string, unknown> {
	required(20001, body.listeDemandePaiement, 'listeDemandePaiement');
	const invoices = (body.listeDemandePaiement as Body[]).map((dp) => supplierInvoice(store, dp?.idDemandePaiement));
	for (const invoice of invoices) {
		if (invoice.statut !== 'REJETEE') throw Errors.actionImpossible(20002, invoice.statut);
	}
	for (const invoice of invoices) {
		invoice.rejetTraite = true;
		store.addAction(invoice.idFacture, 'TRAITEMENT_REJET');
	}
	return ok();
}
