/**
 * Works invoices (factures de travaux) of the simulator, their billing files and their lifecycle.
 *
 * The official status matrix is not public (docs/api-notes.md §4, §16.3). The model below uses only statuses of §11.1
 * and is the one the tests rely on; each processing call is allowed from the listed statuses only, anything
 * else is refused with codeRetour 20002. X is the party holding the piece: MOE (project manager) or MOA (owner).
 *
 *   soumettre        → A_VALIDER_1 (sub-contractor frameworks A10/A11, validator required)
 *                    → MISE_A_DISPOSITION_MOE (frameworks checked by a MOE, MOE given) | A_ASSOCIER_MOE (none given)
 *                    → MISE_A_DISPOSITION_MOA (other frameworks)
 *   prendreencompte  MISE_A_DISPOSITION_X | COMPLETEE          → PRISE_EN_COMPTE_X
 *   refuser          MISE_A_DISPOSITION_X | PRISE_EN_COMPTE_X | COMPLETEE → REFUSEE_X
 *   suspendre/demander/completer  MISE_A_DISPOSITION_X | PRISE_EN_COMPTE_X → A_COMPLETER
 *   demander/recyclage            MISE_A_DISPOSITION_X | PRISE_EN_COMPTE_X → EN_ATTENTE_RECYCLAGE_FOURNISSEUR
 *   completer        A_COMPLETER → COMPLETEE
 *   completermoe     A_ASSOCIER_MOE | ERREUR_FOURNISSEUR_SUR_MOE → MISE_A_DISPOSITION_MOE
 *   completerservicemoe  ERREUR_DE_MOE → MISE_A_DISPOSITION_MOE
 *   corriger/valideur    ERREUR_FOURNISSEUR_SUR_VALIDEUR → A_VALIDER_1
 *   recycler         EN_ATTENTE_RECYCLAGE_FOURNISSEUR | A_RECYCLER → MISE_A_DISPOSITION_X
 */
import { DEMO_IDS } from './seed';
import type { SimulatorStore } from './store';

export type Holder = 'MOE' | 'MOA';

export interface WorksInvoice {
	idFactureTravaux: number;
	numeroFactureTravaux: string;
	dateFactureTravaux: string;
	typeFactureTravaux: string;
	cadreFacturation: string;
	idDossierFacturation: number;
	idFournisseur: number;
	idServiceFournisseur: number | null;
	idDestinataire: number;
	codeServiceExecutant: string | null;
	idStructureMoe: number | null;
	idServiceMoe: number | null;
	idStructureMoa: number | null;
	idServiceMoa: number | null;
	idStructureValideur: number | null;
	idServiceValideur: number | null;
	numeroMarche: string;
	numeroBonCommande: string | null;
	devise: string;
	montantHT: number;
	montantTVA: number;
	montantTTC: number;
	montantAPayer: number;
	modeDepot: string;
	pieceJointePrincipaleId: number | null;
	piecesJointes: number[];
	statut: string;
	etape: Holder;
	dateDepot: Date;
	dateHeureEtatCourant: Date;
	commentaireEtatCourant: string | null;
	historique: Array<{ statut: string; date: Date; commentaire: string | null }>;
	telecharge: boolean;
}

/** Frameworks whose statements a project manager (MOE) checks first. */
export const MOE_FRAMEWORKS = [
	'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR', 'A5_ETAT_ACOMPTE_FOURNISSEUR', 'A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR',
	'A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT', 'A14_PROJET_DECOMPTE_FINAL_COTRAITANT',
	'A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE',
];
/** Sub-contractor frameworks: the holder validates first (A_VALIDER_1). */
export const SUBCONTRACTOR_FRAMEWORKS = ['A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT', 'A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT'];

/** recupererMotifsRefusFactureTravaux (AIFE example codes, §4): AUTRE and REF_FAC_TRAVAUX always, plus the wrong party. */
export function refusalReasons(cadre: string): Array<{ idMotif: number; codeMotif: string; libelleMotif: string }> {
	const reasons = [
		{ idMotif: 1, codeMotif: 'AUTRE', libelleMotif: 'Autre motif' },
		{ idMotif: 2, codeMotif: 'REF_FAC_TRAVAUX', libelleMotif: 'Refus de la facture de travaux' },
		{ idMotif: 3, codeMotif: 'MAUVAISE_MOA', libelleMotif: "Mauvaise maîtrise d'ouvrage" },
	];
	if (MOE_FRAMEWORKS.includes(cadre)) reasons.push({ idMotif: 4, codeMotif: 'MAUVAISE_MOE', libelleMotif: "Mauvaise maîtrise d'œuvre" });
	if (SUBCONTRACTOR_FRAMEWORKS.includes(cadre)) reasons.push({ idMotif: 5, codeMotif: 'MAUVAIS_VALIDEUR', libelleMotif: 'Mauvais valideur' });
	return reasons;
}

export interface WorksState {
	invoices: Map<number, WorksInvoice>;
	nextId: number;
	nextDossier: number;
}

/** Ids of the seeded works invoices, by the status they start in. */
export const WORKS_IDS = {
	availableToMoe: 6_100_000_001,
	toComplete: 6_100_000_002,
	waitingRecycling: 6_100_000_003,
	moeMissing: 6_100_000_004,
	moeServiceWrong: 6_100_000_005,
	wrongValidator: 6_100_000_006,
	availableToMoa: 6_100_000_007,
	billingFile: 7_700_000_001,
} as const;

export function seedWorks(store: SimulatorStore): WorksState {
	const state: WorksState = { invoices: new Map(), nextId: 6_100_000_001, nextDossier: 7_700_000_001 };
	const d = DEMO_IDS;
	if (!store.structure(d.supplier.idStructureCPP) || !store.structure(d.buyerWithService.idStructureCPP)) return state;
	const file = state.nextDossier++;
	const seeds: Array<Partial<WorksInvoice> & { statut: string }> = [
		{ statut: 'MISE_A_DISPOSITION_MOE', idDossierFacturation: file },
		{ statut: 'A_COMPLETER', typeFactureTravaux: 'ETAT_ACOMPTE', cadreFacturation: 'A5_ETAT_ACOMPTE_FOURNISSEUR', idDossierFacturation: file },
		{ statut: 'EN_ATTENTE_RECYCLAGE_FOURNISSEUR' },
		{ statut: 'ERREUR_FOURNISSEUR_SUR_MOE', idStructureMoe: null },
		// The hospital acts as project manager here: its services let the supplier pick the right one.
		{ statut: 'ERREUR_DE_MOE', idStructureMoe: d.buyerWithEngagement.idStructureCPP, idServiceMoe: 999 },
		{
			statut: 'ERREUR_FOURNISSEUR_SUR_VALIDEUR',
			typeFactureTravaux: 'DP_DE_SOUSTRAITANT_TRAVAUX',
			cadreFacturation: 'A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT',
			idStructureMoe: null,
			idStructureValideur: 99_999_999,
		},
		{ statut: 'MISE_A_DISPOSITION_MOA', etape: 'MOA', cadreFacturation: 'A19_ETAT_ACOMPTE_VALIDE_MOA', typeFactureTravaux: 'ETAT_ACOMPTE_VALIDE' },
	];
	for (const seed of seeds) addWorksInvoice(store, state, seed);
	return state;
}

/** Adds a works invoice with plausible defaults: monthly statement of the demo supplier, MOE = the partner. */
export function addWorksInvoice(store: SimulatorStore, state: WorksState, input: Partial<WorksInvoice> & { statut: string }): WorksInvoice {
	const d = DEMO_IDS;
	const now = store.now();
	const id = input.idFactureTravaux ?? state.nextId++;
	const montantHT = input.montantHT ?? 24_000;
	const invoice: WorksInvoice = {
		idFactureTravaux: id,
		numeroFactureTravaux: `DM-2025-${String(id % 1000).padStart(3, '0')}`,
		dateFactureTravaux: '2025-05-31',
		typeFactureTravaux: 'PROJET_DECOMPTE_MENSUEL',
		cadreFacturation: 'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR',
		idDossierFacturation: input.idDossierFacturation ?? state.nextDossier++,
		idFournisseur: d.supplier.idStructureCPP,
		idServiceFournisseur: null,
		idDestinataire: d.buyerWithService.idStructureCPP,
		codeServiceExecutant: 'FACTURES_PUBLIQUES',
		idStructureMoe: d.partner.idStructureCPP,
		idServiceMoe: null,
		idStructureMoa: d.buyerWithService.idStructureCPP,
		idServiceMoa: null,
		idStructureValideur: null,
		idServiceValideur: null,
		numeroMarche: 'MT-2025-017',
		numeroBonCommande: null,
		devise: 'EUR',
		montantHT,
		montantTVA: Math.round(montantHT * 20) / 100,
		montantTTC: Math.round(montantHT * 120) / 100,
		montantAPayer: Math.round(montantHT * 120) / 100,
		modeDepot: 'SAISIE_API',
		pieceJointePrincipaleId: null,
		piecesJointes: [],
		etape: 'MOE',
		dateDepot: now,
		dateHeureEtatCourant: now,
		commentaireEtatCourant: null,
		historique: [{ statut: input.statut, date: now, commentaire: null }],
		telecharge: false,
		...input,
	};
	state.invoices.set(id, invoice);
	if (id >= state.nextId) state.nextId = id + 1;
	return invoice;
}

export function setWorksStatus(invoice: WorksInvoice, statut: string, at: Date, commentaire: string | null = null): void {
	invoice.statut = statut;
	invoice.dateHeureEtatCourant = at;
	invoice.commentaireEtatCourant = commentaire;
	invoice.historique.push({ statut, date: at, commentaire });
}
