/**
 * API Factures Travaux — `/cpro/facturesTravaux/v1` (docs/api-notes.md §4; table 4.1 of the AIFE annex, 14 operations).
 * No Swagger exists: `rechercher` follows the AIFE example and Pastell, `suspendre/demander/completer` and
 * `recycler` the AIFE pages; the other bodies are the ones the Chorus Pro Factures Travaux node sends, checked
 * here as closed models. The lifecycle is documented in ../seed-travaux.ts.
 */
import { toDay, toIsoParis, toMinute, dayOf } from '../dates';
import { BusinessError, ok, paginate, readPage, sortBy } from '../envelope';
import { arrayOf, bool, dateTime, int64, num, object, oneOf, str } from '../modelKit';
import type { Router } from '../router';
import {
	addWorksInvoice,
	MOE_FRAMEWORKS,
	refusalReasons,
	setWorksStatus,
	SUBCONTRACTOR_FRAMEWORKS,
	type Holder,
	type WorksInvoice,
} from '../seed-travaux';
import type { SimulatorStore } from '../store';
import type { Schema } from '../swagger';
import { CADRES_FACTURATION, TYPES_FACTURE_TRAVAUX } from '../referentials';
import { INVOICE_STATUSES } from '../factures/lifecycle';

const WORKS_CADRES = CADRES_FACTURATION.filter((c) => !/^A(1|2|3|9|12|21)_/.test(c));
const ROLES = ['FOURNISSEUR', 'MOE', 'MOA', 'VALIDEUR', 'DESTINATAIRE'];

/** Errors of this API ([ref] codes exist for soumettreFactureTravaux, §12.1; texts are the simulator's). */
const fail = {
	noResult: () => new BusinessError(20007, 'GFT_MSG_01.075'),
	unknown: () => new BusinessError(20001, 'GFT_MSG_01.001 - La facture de travaux est inconnue.'),
	state: (statut: string) =>
		new BusinessError(20002, `GFT_MSG_01.002 - Action impossible dans le statut courant de la facture de travaux (${statut}).`),
	missing: (field: string) => new BusinessError(20003, `GFT_MSG_01.003 - Le champ ${field} est obligatoire.`),
	recipient: (siret: unknown) =>
		new BusinessError(20004, `GFT_MSG_01.004 - Le destinataire ${String(siret)} est inconnu ou n'est pas une structure publique active.`),
	attachment: (id: unknown) => new BusinessError(20005, `GFT_MSG_01.005 - La pièce jointe ${String(id)} est inconnue.`),
	structure: (what: string, id: unknown) => new BusinessError(20042, `GFT_MSG_01.042 - ${what} ${String(id)} est inconnu(e) ou inactif(ve).`),
	file: (id: unknown) => new BusinessError(20064, `GFT_MSG_01.064 - Le dossier de facturation ${String(id)} est inconnu.`),
	supplier: () => new BusinessError(20065, "GFT_MSG_01.065 - L'utilisateur n'a pas les habilitations nécessaires pour cette structure."),
	reason: (code: unknown) => new BusinessError(20127, `GFT_MSG_01.127 - Le motif ${String(code)} n'est pas autorisé pour ce cadre de facturation.`),
	commentRequired: () => new BusinessError(20128, 'GFT_MSG_01.128 - Le commentaire est obligatoire pour le motif AUTRE.'),
};

const idOnly = (extra: Record<string, Schema> = {}) => object({ idUtilisateurCourant: int64, idFactureTravaux: int64, ...extra });

function accountStructures(store: SimulatorStore): Set<number> {
	return new Set([...store.account.fournisseur, ...store.account.destinataire, ...store.account.valideur]);
}

/** What the account sees: the pieces it issued, holds as MOE/MOA, validates or receives. */
function visible(store: SimulatorStore, w: WorksInvoice, role?: string): boolean {
	const mine = accountStructures(store);
	const has = (id: number | null) => id !== null && mine.has(id);
	switch (role) {
		case 'FOURNISSEUR':
			return store.account.fournisseur.has(w.idFournisseur);
		case 'MOE':
			return has(w.idStructureMoe);
		case 'MOA':
			return has(w.idStructureMoa);
		case 'VALIDEUR':
			return w.idStructureValideur !== null && store.account.valideur.has(w.idStructureValideur);
		case 'DESTINATAIRE':
			return store.account.destinataire.has(w.idDestinataire);
		default:
			return ROLES.some((r) => visible(store, w, r));
	}
}

function find(store: SimulatorStore, id: unknown, supplierOnly = false): WorksInvoice {
	const w = typeof id === 'number' ? store.works.invoices.get(id) : undefined;
	if (!w || !visible(store, w, supplierOnly ? 'FOURNISSEUR' : undefined)) throw fail.unknown();
	return w;
}

/** Applies a holder-dependent transition: `from` lists status prefixes, the target gets the holder suffix. */
function move(store: SimulatorStore, w: WorksInvoice, allowed: string[], target: string | ((h: Holder) => string), commentaire: string | null = null) {
	const ok_ = allowed.some((s) => (s.endsWith('_X') ? w.statut === `${s.slice(0, -2)}_${w.etape}` : w.statut === s));
	if (!ok_) throw fail.state(w.statut);
	setWorksStatus(w, typeof target === 'string' ? target : target(w.etape), store.now(), commentaire);
	return ok({ idFactureTravaux: w.idFactureTravaux, statutFactureTravaux: w.statut });
}

function activeStructure(store: SimulatorStore, id: unknown, what: string) {
	const s = typeof id === 'number' ? store.structure(id) : undefined;
	if (!s || s.statut !== 'ACTIVE') throw fail.structure(what, id);
	return s;
}

function activeService(store: SimulatorStore, idStructure: number, idService: unknown, what: string) {
	const v = typeof idService === 'number' ? store.service(idStructure, idService) : undefined;
	if (!v || !v.estActif) throw fail.structure(what, idService);
	return v;
}

function summary(store: SimulatorStore, w: WorksInvoice) {
	const code = (idStructure: number | null, idService: number | null) =>
		idStructure !== null && idService !== null ? (store.service(idStructure, idService)?.codeService ?? null) : null;
	return {
		idFactureTravaux: w.idFactureTravaux,
		numeroFactureTravaux: w.numeroFactureTravaux,
		typeFactureTravaux: w.typeFactureTravaux,
		cadreFacturation: w.cadreFacturation,
		statut: w.statut,
		dateFactureTravaux: w.dateFactureTravaux,
		dateDepot: toDay(w.dateDepot),
		dateHeureEtatCourant: toIsoParis(w.dateHeureEtatCourant),
		idDossierFacturation: w.idDossierFacturation,
		idFournisseur: w.idFournisseur,
		codeFournisseur: store.structure(w.idFournisseur)?.identifiant ?? null,
		designationFournisseur: store.structure(w.idFournisseur)?.raisonSociale ?? null,
		codeServiceFournisseur: code(w.idFournisseur, w.idServiceFournisseur),
		idDestinataire: w.idDestinataire,
		codeDestinataire: store.structure(w.idDestinataire)?.identifiant ?? null,
		codeServiceExecutant: w.codeServiceExecutant,
		idStructureMoe: w.idStructureMoe,
		codeServiceMoe: code(w.idStructureMoe, w.idServiceMoe),
		idStructureMoa: w.idStructureMoa,
		codeServiceMoa: code(w.idStructureMoa, w.idServiceMoa),
		numeroMarche: w.numeroMarche,
		numeroBonCommande: w.numeroBonCommande,
		montantHT: w.montantHT,
		montantTTC: w.montantTTC,
		montantAPayer: w.montantAPayer,
		devise: w.devise,
		modeDepot: w.modeDepot,
	};
}

const inRange = (value: string | number, from: unknown, to: unknown, parse: (v: unknown) => string | number | undefined) => {
	const lo = from === undefined ? undefined : parse(from);
	const hi = to === undefined ? undefined : parse(to);
	return (lo === undefined || value >= lo) && (hi === undefined || value <= hi);
};
const day = (v: unknown) => (typeof v === 'string' ? dayOf(v) : undefined);
const amount = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined);

const SEARCH_SCHEMA = object({
	idUtilisateurCourant: int64,
	roleUtilisateur: oneOf(ROLES),
	idStructureFournisseur: int64,
	idServiceFournisseur: int64,
	idStructureMoe: int64,
	idServiceMoe: int64,
	idStructureMoa: int64,
	idServiceMoa: int64,
	listeTypeFactureTravaux: arrayOf(oneOf(TYPES_FACTURE_TRAVAUX)),
	idDestinataire: int64,
	idServiceExecutant: int64,
	periodeDateDepotDu: dateTime,
	periodeDateDepotAu: dateTime,
	cadreFacturation: oneOf(WORKS_CADRES),
	listeStatutCourant: arrayOf(oneOf(INVOICE_STATUSES)),
	idStructureValideur: int64,
	periodeDateFactureTravauxDu: dateTime,
	periodeDateFactureTravauxAu: dateTime,
	// The AIFE example sends amounts as strings ("0"): both are accepted (§2.3).
	montantHTMin: { oneOf: [num, str] },
	montantHTMax: { oneOf: [num, str] },
	montantTTCMin: { oneOf: [num, str] },
	montantTTCMax: { oneOf: [num, str] },
	montantAPayerMin: { oneOf: [num, str] },
	montantAPayerMax: { oneOf: [num, str] },
	idCoordonneeBancaire: int64,
	numeroFactureTravaux: str,
	numeroMarche: str,
	numeroBonCommande: str,
	modeDepot: str,
	numeroFluxDepot: str,
	uniquementSansPieceSuivante: bool,
	avecSansService: oneOf(['AVEC_ET_SANS_SERVICE', 'AVEC_SERVICE', 'SANS_SERVICE']),
	periodeDateHeureEtatCourantDu: dateTime,
	periodeDateHeureEtatCourantAu: dateTime,
	flagTelecharge: bool,
	rechercheFactureTravaux: object({
		pageResultatDemandee: int64,
		nbResultatsParPage: int64,
		triSens: oneOf(['Ascendant', 'Descendant']),
		triColonne: str,
	}),
});

const SUBMIT_SCHEMA = object({
	idUtilisateurCourant: int64,
	numeroFactureTravaux: { type: 'string', maxLength: 20 },
	dateFactureTravaux: dateTime,
	typeFactureTravaux: oneOf(TYPES_FACTURE_TRAVAUX),
	cadreDeFacturation: object({ codeCadreFacturation: oneOf(WORKS_CADRES) }),
	fournisseur: object({ idFournisseur: int64, idServiceFournisseur: int64 }),
	destinataire: object({ codeDestinataire: str, codeServiceExecutant: str }),
	moe: object({ idStructureMoe: int64, idServiceMoe: int64 }),
	moa: object({ idStructureMoa: int64, idServiceMoa: int64 }),
	valideur: object({ idStructureValideur: int64 }),
	references: object({ numeroMarche: str, numeroBonCommande: { type: 'string', maxLength: 50 }, deviseFacture: str }),
	montantTotal: object({ montantHtTotal: num, montantTVA: num, montantTtcTotal: num, montantAPayer: num }),
	pieceJointePrincipale: arrayOf(object({ pieceJointePrincipaleId: int64, pieceJointePrincipaleDesignation: str })),
	idDossierFacturation: int64,
	commentaire: str,
});

export function register(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'facturesTravaux', prefix: '/cpro/facturesTravaux/v1' });
	const state = () => store.works;
	/** The document before this one in its billing file (dossier de facturation), if any. */
	const previousPiece = (w: WorksInvoice) =>
		[...state().invoices.values()]
			.filter((p) => p.idDossierFacturation === w.idDossierFacturation && p.idFactureTravaux < w.idFactureTravaux)
			.pop();

	api.post('/rechercher', ({ body }) => {
		if (!body.roleUtilisateur) throw fail.missing('roleUtilisateur');
		const b = body;
		const eq = (want: unknown, have: unknown) => want === undefined || want === have;
		let found = [...state().invoices.values()].filter(
			(w) =>
				visible(store, w, b.roleUtilisateur) &&
				eq(b.idStructureFournisseur, w.idFournisseur) &&
				eq(b.idServiceFournisseur, w.idServiceFournisseur) &&
				eq(b.idStructureMoe, w.idStructureMoe) &&
				eq(b.idServiceMoe, w.idServiceMoe) &&
				eq(b.idStructureMoa, w.idStructureMoa) &&
				eq(b.idServiceMoa, w.idServiceMoa) &&
				eq(b.idDestinataire, w.idDestinataire) &&
				eq(b.idStructureValideur, w.idStructureValideur) &&
				eq(b.cadreFacturation, w.cadreFacturation) &&
				eq(b.numeroFactureTravaux, w.numeroFactureTravaux) &&
				eq(b.numeroMarche, w.numeroMarche) &&
				eq(b.numeroBonCommande, w.numeroBonCommande) &&
				eq(b.modeDepot, w.modeDepot) &&
				eq(b.flagTelecharge, w.telecharge) &&
				(!b.listeTypeFactureTravaux?.length || b.listeTypeFactureTravaux.includes(w.typeFactureTravaux)) &&
				(!b.listeStatutCourant?.length || b.listeStatutCourant.includes(w.statut)) &&
				(b.avecSansService !== 'AVEC_SERVICE' || w.codeServiceExecutant !== null) &&
				(b.avecSansService !== 'SANS_SERVICE' || w.codeServiceExecutant === null) &&
				inRange(toDay(w.dateDepot), b.periodeDateDepotDu, b.periodeDateDepotAu, day) &&
				inRange(w.dateFactureTravaux, b.periodeDateFactureTravauxDu, b.periodeDateFactureTravauxAu, day) &&
				inRange(toDay(w.dateHeureEtatCourant), b.periodeDateHeureEtatCourantDu, b.periodeDateHeureEtatCourantAu, day) &&
				inRange(w.montantHT, b.montantHTMin, b.montantHTMax, amount) &&
				inRange(w.montantTTC, b.montantTTCMin, b.montantTTCMax, amount) &&
				inRange(w.montantAPayer, b.montantAPayerMin, b.montantAPayerMax, amount),
		);
		if (b.uniquementSansPieceSuivante === true) {
			const latest = new Map<number, number>();
			for (const w of state().invoices.values()) {
				latest.set(w.idDossierFacturation, Math.max(latest.get(w.idDossierFacturation) ?? 0, w.idFactureTravaux));
			}
			found = found.filter((w) => latest.get(w.idDossierFacturation) === w.idFactureTravaux);
		}
		if (!found.length) throw fail.noResult();
		const page = readPage(b.rechercheFactureTravaux);
		const sorted = sortBy(
			found,
			page,
			{
				NumeroFactureTravaux: (w) => w.numeroFactureTravaux,
				DateDepot: (w) => w.dateDepot.getTime(),
				Statut: (w) => w.statut,
				MontantHT: (w) => w.montantHT,
				TypeFactureTravaux: (w) => w.typeFactureTravaux,
				// The column of AIFE's "search works invoice" example.
				TypeDemandePaiement: (w) => w.typeFactureTravaux,
			},
			(w) => w.idFactureTravaux,
		);
		const { items, counters } = paginate(sorted, page);
		return ok({ listeFacturesTravaux: items.map((w) => summary(store, w)), parametresRetour: counters });
	}, { schema: SEARCH_SCHEMA });

	api.post('/consulter', ({ body }) => {
		const w = find(store, body.idFactureTravaux);
		const previous = previousPiece(w);
		const s = summary(store, w);
		return ok({
			factureTravaux: {
				idFactureTravaux: w.idFactureTravaux,
				numeroFactureTravaux: w.numeroFactureTravaux,
				typeFactureTravaux: w.typeFactureTravaux,
				statut: w.statut,
				dateFactureTravaux: w.dateFactureTravaux,
				dateDepot: s.dateDepot,
				idDossierFacturation: w.idDossierFacturation,
				cadreDeFacturation: { codeCadreFacturation: w.cadreFacturation },
				fournisseur: { idFournisseur: w.idFournisseur, codeFournisseur: s.codeFournisseur, designationFournisseur: s.designationFournisseur },
				destinataire: { idDestinataire: w.idDestinataire, codeDestinataire: s.codeDestinataire, codeServiceExecutant: w.codeServiceExecutant },
				moe: { idStructureMoe: w.idStructureMoe, idServiceMoe: w.idServiceMoe },
				moa: { idStructureMoa: w.idStructureMoa, idServiceMoa: w.idServiceMoa },
				references: { numeroMarche: w.numeroMarche, numeroBonCommande: w.numeroBonCommande, deviseFacture: w.devise },
				montantsTotaux: { montantHtTotal: w.montantHT, montantTVA: w.montantTVA, montantTtcTotal: w.montantTTC, montantAPayer: w.montantAPayer },
				pieceJointePrincipale: w.pieceJointePrincipaleId === null ? null : { pieceJointePrincipaleId: w.pieceJointePrincipaleId },
				listeDesPiecesJointes: w.piecesJointes.map((pieceJointeId) => ({ pieceJointeId })),
				piecePrecedente: previous ? { idFactureTravaux: previous.idFactureTravaux, numeroFactureTravaux: previous.numeroFactureTravaux } : null,
				commentaireEtatCourant: w.commentaireEtatCourant,
			},
		});
	}, { schema: idOnly({ codeLangue: oneOf(['FR', 'EN', 'fr', 'en']) }) });

	api.post('/consulter/dossierfacturation', ({ body }) => {
		const pieces = [...state().invoices.values()].filter((w) => w.idDossierFacturation === body.idDossierFacturation && visible(store, w));
		if (!pieces.length) throw fail.file(body.idDossierFacturation);
		return ok({
			idDossierFacturation: body.idDossierFacturation,
			listeFactureTravaux: pieces.map((w) => ({
				...summary(store, w),
				historiqueDemandePaiement: w.historique.map((h) => ({
					statut: h.statut,
					dateHeureStatut: toMinute(h.date),
					commentaire: h.commentaire,
				})),
			})),
		});
	}, { schema: object({ idUtilisateurCourant: int64, idDossierFacturation: int64 }) });

	api.post('/soumettre', ({ body }) => {
		const required: Array<[unknown, string]> = [
			[body.numeroFactureTravaux, 'numeroFactureTravaux'],
			[body.dateFactureTravaux, 'dateFactureTravaux'],
			[body.typeFactureTravaux, 'typeFactureTravaux'],
			[body.cadreDeFacturation?.codeCadreFacturation, 'cadreDeFacturation.codeCadreFacturation'],
			[body.fournisseur?.idFournisseur, 'fournisseur.idFournisseur'],
			[body.destinataire?.codeDestinataire, 'destinataire.codeDestinataire'],
			[body.references?.numeroMarche, 'references.numeroMarche'],
			[body.montantTotal?.montantHtTotal, 'montantTotal.montantHtTotal'],
			[body.montantTotal?.montantTtcTotal, 'montantTotal.montantTtcTotal'],
			[body.montantTotal?.montantAPayer, 'montantTotal.montantAPayer'],
			[body.pieceJointePrincipale?.[0]?.pieceJointePrincipaleId, 'pieceJointePrincipale'],
		];
		for (const [value, field] of required) if (value === undefined || value === null || value === '') throw fail.missing(field);
		if (!store.account.fournisseur.has(body.fournisseur.idFournisseur)) throw fail.supplier();
		const recipient = store.structureByIdentifiant(body.destinataire.codeDestinataire, 'SIRET');
		if (!recipient || recipient.typeStructure !== 'PUBLIQUE' || recipient.statut !== 'ACTIVE') throw fail.recipient(body.destinataire.codeDestinataire);
		const code = body.destinataire.codeServiceExecutant;
		if (code && !recipient.services.some((v) => v.codeService === code && v.estActif)) throw fail.structure('Le service', code);
		const pj = body.pieceJointePrincipale[0].pieceJointePrincipaleId;
		if (!store.files.has(pj)) throw fail.attachment(pj);
		const cadre: string = body.cadreDeFacturation.codeCadreFacturation;
		const moe = body.moe?.idStructureMoe;
		if (moe !== undefined) activeStructure(store, moe, 'La maîtrise d’œuvre');
		if (moe !== undefined && body.moe?.idServiceMoe !== undefined) activeService(store, moe, body.moe.idServiceMoe, 'Le service MOE');
		const moa = body.moa?.idStructureMoa ?? recipient.idStructureCPP;
		activeStructure(store, moa, "La maîtrise d'ouvrage");
		const validator = body.valideur?.idStructureValideur;
		if (SUBCONTRACTOR_FRAMEWORKS.includes(cadre) && validator === undefined) throw fail.missing('valideur.idStructureValideur');
		if (validator !== undefined) activeStructure(store, validator, 'Le valideur');
		if (body.idDossierFacturation !== undefined && ![...state().invoices.values()].some((w) => w.idDossierFacturation === body.idDossierFacturation)) {
			throw fail.file(body.idDossierFacturation);
		}
		const statut = SUBCONTRACTOR_FRAMEWORKS.includes(cadre)
			? 'A_VALIDER_1'
			: MOE_FRAMEWORKS.includes(cadre)
				? moe !== undefined
					? 'MISE_A_DISPOSITION_MOE'
					: 'A_ASSOCIER_MOE'
				: 'MISE_A_DISPOSITION_MOA';
		const t = body.montantTotal;
		const w = addWorksInvoice(store, state(), {
			statut,
			etape: statut.endsWith('_MOA') ? 'MOA' : 'MOE',
			numeroFactureTravaux: body.numeroFactureTravaux,
			dateFactureTravaux: dayOf(body.dateFactureTravaux) ?? body.dateFactureTravaux,
			typeFactureTravaux: body.typeFactureTravaux,
			cadreFacturation: cadre,
			idDossierFacturation: body.idDossierFacturation,
			idFournisseur: body.fournisseur.idFournisseur,
			idServiceFournisseur: body.fournisseur.idServiceFournisseur ?? null,
			idDestinataire: recipient.idStructureCPP,
			codeServiceExecutant: code ?? null,
			idStructureMoe: moe ?? null,
			idServiceMoe: body.moe?.idServiceMoe ?? null,
			idStructureMoa: moa,
			idServiceMoa: body.moa?.idServiceMoa ?? null,
			idStructureValideur: validator ?? null,
			numeroMarche: body.references.numeroMarche,
			numeroBonCommande: body.references.numeroBonCommande ?? null,
			devise: body.references.deviseFacture ?? 'EUR',
			montantHT: t.montantHtTotal,
			montantTVA: t.montantTVA ?? Math.round((t.montantTtcTotal - t.montantHtTotal) * 100) / 100,
			montantTTC: t.montantTtcTotal,
			montantAPayer: t.montantAPayer,
			pieceJointePrincipaleId: pj,
			commentaireEtatCourant: body.commentaire ?? null,
		});
		return ok({
			idFactureTravaux: w.idFactureTravaux,
			numeroFactureTravaux: w.numeroFactureTravaux,
			idDossierFacturation: w.idDossierFacturation,
			statutFactureTravaux: w.statut,
			dateDepot: toDay(w.dateDepot),
		});
	}, { schema: SUBMIT_SCHEMA });

	// ---- processing by the project manager (MOE) / owner (MOA) -------------------------------------------
	// Habilitations of MOE/MOA users are not public: any piece the account sees may be processed here.

	api.post('/prendreencompte', ({ body }) =>
		move(store, find(store, body.idFactureTravaux), ['MISE_A_DISPOSITION_X', 'COMPLETEE'], (h) => `PRISE_EN_COMPTE_${h}`, body.commentaire ?? null),
	{ schema: idOnly({ commentaire: str }) });

	api.post('/refuser', ({ body }) => {
		const w = find(store, body.idFactureTravaux);
		if (!body.codeMotif) throw fail.missing('codeMotif');
		if (!refusalReasons(w.cadreFacturation).some((r) => r.codeMotif === body.codeMotif)) throw fail.reason(body.codeMotif);
		if (body.codeMotif === 'AUTRE' && !body.commentaire) throw fail.commentRequired();
		return move(store, w, ['MISE_A_DISPOSITION_X', 'PRISE_EN_COMPTE_X', 'COMPLETEE'], (h) => `REFUSEE_${h}`, body.commentaire ?? body.codeMotif);
	}, { schema: idOnly({ codeMotif: str, commentaire: str }) });

	api.post('/suspendre/demander/completer/factureTravaux', ({ body }) => {
		if (!body.commentaire) throw fail.missing('commentaire');
		return move(store, find(store, body.idFactureTravaux), ['MISE_A_DISPOSITION_X', 'PRISE_EN_COMPTE_X'], 'A_COMPLETER', body.commentaire);
	}, { schema: idOnly({ commentaire: str }) });

	// The comment is optional: AIFE's example request carries idFactureTravaux alone.
	api.post('/demander/recyclage', ({ body }) => {
		const w = find(store, body.idFactureTravaux);
		const answer = move(store, w, ['MISE_A_DISPOSITION_X', 'PRISE_EN_COMPTE_X'], 'EN_ATTENTE_RECYCLAGE_FOURNISSEUR', body.commentaire ?? null);
		// AIFE's example answers the previous document's id along with the invoice's (request-recycling-previous-document).
		return { ...answer, idPiecePrecedente: previousPiece(w)?.idFactureTravaux ?? null };
	}, { schema: idOnly({ commentaire: str }) });

	api.post('/recuperer/motifsrefus', ({ body }) => {
		if (!body.codeCadreFacturationTravaux) throw fail.missing('codeCadreFacturationTravaux');
		return ok({ listeMotifRefusFactureTravaux: refusalReasons(body.codeCadreFacturationTravaux) });
	}, { schema: object({ idUtilisateurCourant: int64, codeCadreFacturationTravaux: oneOf(WORKS_CADRES) }) });

	// ---- corrections by the supplier ---------------------------------------------------------------------

	api.post('/completer', ({ body }) => {
		const w = find(store, body.idFactureTravaux, true);
		for (const f of body.listePiecesJointes ?? []) if (!store.files.has(f.pieceJointeId)) throw fail.attachment(f.pieceJointeId);
		if (!body.commentaire && !(body.listePiecesJointes ?? []).length) throw fail.missing('commentaire ou listePiecesJointes');
		const answer = move(store, w, ['A_COMPLETER'], 'COMPLETEE', body.commentaire ?? null);
		w.piecesJointes.push(...(body.listePiecesJointes ?? []).map((f: { pieceJointeId: number }) => f.pieceJointeId));
		return answer;
	}, { schema: idOnly({ commentaire: str, listePiecesJointes: arrayOf(object({ pieceJointeId: int64 })) }) });

	api.post('/completermoe', ({ body }) => {
		const w = find(store, body.idFactureTravaux, true);
		if (body.idStructureMoe === undefined) throw fail.missing('idStructureMoe');
		activeStructure(store, body.idStructureMoe, 'La maîtrise d’œuvre');
		if (body.idServiceMoe !== undefined) activeService(store, body.idStructureMoe, body.idServiceMoe, 'Le service MOE');
		const answer = move(store, w, ['A_ASSOCIER_MOE', 'ERREUR_FOURNISSEUR_SUR_MOE'], 'MISE_A_DISPOSITION_MOE');
		w.idStructureMoe = body.idStructureMoe;
		w.idServiceMoe = body.idServiceMoe ?? null;
		w.etape = 'MOE';
		return answer;
	}, { schema: idOnly({ idStructureMoe: int64, idServiceMoe: int64 }) });

	api.post('/completerservicemoe', ({ body }) => {
		const w = find(store, body.idFactureTravaux, true);
		if (body.idServiceMoe === undefined) throw fail.missing('idServiceMoe');
		if (w.idStructureMoe === null) throw fail.state(w.statut);
		activeService(store, w.idStructureMoe, body.idServiceMoe, 'Le service MOE');
		const answer = move(store, w, ['ERREUR_DE_MOE'], 'MISE_A_DISPOSITION_MOE');
		w.idServiceMoe = body.idServiceMoe;
		return answer;
	}, { schema: idOnly({ idServiceMoe: int64 }) });

	api.post('/corriger/valideur', ({ body }) => {
		const w = find(store, body.idFactureTravaux, true);
		if (body.idStructureValideur === undefined) throw fail.missing('idStructureValideur');
		activeStructure(store, body.idStructureValideur, 'Le valideur');
		if (body.idServiceValideur !== undefined) activeService(store, body.idStructureValideur, body.idServiceValideur, 'Le service valideur');
		const answer = move(store, w, ['ERREUR_FOURNISSEUR_SUR_VALIDEUR'], 'A_VALIDER_1');
		w.idStructureValideur = body.idStructureValideur;
		w.idServiceValideur = body.idServiceValideur ?? null;
		return answer;
	}, { schema: idOnly({ idStructureValideur: int64, idServiceValideur: int64 }) });

	api.post('/recycler', ({ body }) => {
		const w = find(store, body.idFactureTravaux, true);
		if (!body.identifiantDestinataire && !body.codeServiceExecutant && !body.numeroBonCommande) {
			throw fail.missing('identifiantDestinataire, codeServiceExecutant ou numeroBonCommande');
		}
		const recipient = body.identifiantDestinataire
			? store.structureByIdentifiant(body.identifiantDestinataire, 'SIRET')
			: store.structure(w.idDestinataire);
		if (!recipient || recipient.typeStructure !== 'PUBLIQUE' || recipient.statut !== 'ACTIVE') throw fail.recipient(body.identifiantDestinataire);
		if (body.codeServiceExecutant && !recipient.services.some((v) => v.codeService === body.codeServiceExecutant && v.estActif)) {
			throw fail.structure('Le service', body.codeServiceExecutant);
		}
		const answer = move(store, w, ['EN_ATTENTE_RECYCLAGE_FOURNISSEUR', 'A_RECYCLER'], (h) => `MISE_A_DISPOSITION_${h}`);
		w.idDestinataire = recipient.idStructureCPP;
		if (body.codeServiceExecutant) w.codeServiceExecutant = body.codeServiceExecutant;
		if (body.numeroBonCommande) w.numeroBonCommande = body.numeroBonCommande;
		return answer;
	}, { schema: idOnly({ identifiantDestinataire: str, codeServiceExecutant: str, numeroBonCommande: { type: 'string', maxLength: 50 } }) });
}
