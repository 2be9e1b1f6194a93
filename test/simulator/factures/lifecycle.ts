/**
 * Invoice statuses and the transitions the simulator allows (docs/api-notes.md §11.1, §14.2). The official matrix is
 * not public; this is the plausible model of docs/api-notes.md. `store.transitions` starts as a copy of
 * DEFAULT_RECIPIENT_TRANSITIONS and a test may change it.
 */

export const INVOICE_STATUSES = [
	'BROUILLON', 'A_VALIDER_1', 'ERREUR_FOURNISSEUR_SUR_VALIDEUR', 'REFUSEE_1', 'VALIDEE_1',
	'ABSENCE_VALIDATION_1_HORS_DELAI', 'A_VALIDER_2', 'ERREUR_COTRAITANT_SUR_VALIDEUR', 'REFUSEE_2', 'VALIDEE_2',
	'ABSENCE_VALIDATION_2_HORS_DELAI', 'DEPOSEE', 'ERREUR_FOURNISSEUR_SUR_MOE', 'EN_COURS_ACHEMINEMENT',
	'MISE_A_DISPOSITION', 'A_RECYCLER', 'SUSPENDUE', 'REJETEE', 'MANDATEE', 'MISE_EN_PAIEMENT', 'COMPTABILISEE',
	'MISE_A_DISPOSITION_COMPTABLE', 'ABANDONNEE', 'SUPPRIMEE', 'ASSOCIEE', 'EN_COURS_TRAITEMENT_PIVOT_S',
	'A_VALIDER_MOE', 'REFUSEE_MOE', 'EN_ATTENTE_RECYCLAGE_FOURNISSEUR', 'ERREUR_MOE_SUR_FOURNISSEUR',
	'ERREUR_MOA_SUR_FOURNISSEUR', 'INTERPRETEE_OCR', 'COMPLETEE', 'ERREUR_FOURNISSEUR_SUR_MOA', 'ERREUR_MOE_SUR_MOA',
	'ERREUR_DESTINATAIRE_PD', 'ERREUR_DESTINATAIRE_EA', 'SERVICE_FAIT', 'NON_CONFORME', 'A_ASSOCIER_MOE',
	'ERREUR_DE_MOE', 'MISE_A_DISPOSITION_MOE', 'PRISE_EN_COMPTE_MOE', 'A_ASSOCIER_MOA', 'ERREUR_DE_MOA',
	'REFUSEE_MOA', 'A_ASSOCIER_FOURNISSEUR', 'REFUSEE_FOURNISSEUR', 'A_COMPLETER', 'TRANSMISE_MOA',
	'PRISE_EN_COMPTE_DESTINATAIRE', 'REMPLACEE_PAR_A22', 'DUPLIQUE_APRES_REFUS', 'MISE_A_DISPOSITION_MOA',
	'PRISE_EN_COMPTE_MOA', 'TECHNIQUE_INCONNU',
] as const;

export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Targets a recipient may send with `traiter/recue`: AIFE's Swagger list plus SERVICE_FAIT (Pastell), §3.15. */
export const RECIPIENT_TARGETS: readonly string[] = [
	'MISE_A_DISPOSITION', 'SUSPENDUE', 'A_RECYCLER', 'REJETEE', 'SERVICE_FAIT', 'MANDATEE',
	'MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE', 'MISE_EN_PAIEMENT',
];

const FROM_AVAILABLE = [
	'SUSPENDUE', 'REJETEE', 'A_RECYCLER', 'SERVICE_FAIT', 'MANDATEE', 'MISE_A_DISPOSITION_COMPTABLE',
	'COMPTABILISEE', 'MISE_EN_PAIEMENT',
];

/** Recipient transitions of §14.2 (current status → allowed `nouveauStatut`). Unlisted = none. */
export const DEFAULT_RECIPIENT_TRANSITIONS: Record<string, string[]> = {
	MISE_A_DISPOSITION: FROM_AVAILABLE,
	COMPLETEE: FROM_AVAILABLE,
	SERVICE_FAIT: [
		'MANDATEE', 'SUSPENDUE', 'REJETEE', 'A_RECYCLER', 'MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE',
		'MISE_EN_PAIEMENT',
	],
	MANDATEE: ['MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE', 'MISE_EN_PAIEMENT'],
	MISE_A_DISPOSITION_COMPTABLE: ['COMPTABILISEE', 'MISE_EN_PAIEMENT'],
	COMPTABILISEE: ['MISE_EN_PAIEMENT'],
	MISE_EN_PAIEMENT: [],
	SUSPENDUE: [],
	REJETEE: [],
	A_RECYCLER: [],
};

/** `traiter/recue` needs a `motif` for these (§3.15). */
export const MOTIF_REQUIRED: readonly string[] = ['REJETEE', 'SUSPENDUE'];

/** Statuses in which a received invoice is visible to its recipient (made available, then processed). */
export const RECIPIENT_VISIBLE: ReadonlySet<string> = new Set([
	'MISE_A_DISPOSITION', 'SUSPENDUE', 'COMPLETEE', 'REJETEE', 'A_RECYCLER', 'SERVICE_FAIT', 'MANDATEE',
	'MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE', 'MISE_EN_PAIEMENT', 'PRISE_EN_COMPTE_DESTINATAIRE',
]);

/** Issued invoices on which the supplier can act (§3.9): complete, recycle, acknowledge, fix the validator, submit. */
export const SUPPLIER_ACTIONABLE: ReadonlySet<string> = new Set([
	'SUSPENDUE', 'A_RECYCLER', 'REJETEE', 'ERREUR_FOURNISSEUR_SUR_VALIDEUR', 'INTERPRETEE_OCR', 'BROUILLON',
]);

/** Statuses a validator sees (answer of `recuperer/statutsFactureVisibles/valideur`). */
export const VALIDATOR_VISIBLE: readonly string[] = [
	'A_VALIDER_1', 'VALIDEE_1', 'REFUSEE_1', 'ABSENCE_VALIDATION_1_HORS_DELAI', 'A_VALIDER_2', 'VALIDEE_2',
	'REFUSEE_2', 'ABSENCE_VALIDATION_2_HORS_DELAI', 'DEPOSEE', 'MISE_A_DISPOSITION', 'SUSPENDUE', 'REJETEE',
	'SERVICE_FAIT', 'MANDATEE', 'MISE_EN_PAIEMENT',
];

/** Frameworks with a validator (§3.3): `codeStructureValideur` required, invoice starts in A_VALIDER_1. */
export const FRAMEWORKS_WITH_VALIDATOR: readonly string[] = ['A9_FACTURE_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT'];

/** The statuses an invoice went through to reach `target` (seeding history). */
export function canonicalPath(target: string): string[] {
	const head = ['DEPOSEE', 'MISE_A_DISPOSITION'];
	const processed = ['SERVICE_FAIT', 'MANDATEE', 'MISE_A_DISPOSITION_COMPTABLE', 'COMPTABILISEE', 'MISE_EN_PAIEMENT'];
	if (target === 'DEPOSEE') return ['DEPOSEE'];
	if (target === 'MISE_A_DISPOSITION') return head;
	const i = processed.indexOf(target);
	if (i >= 0) return [...head, ...processed.slice(0, i + 1)];
	if (target === 'COMPLETEE') return [...head, 'SUSPENDUE', 'COMPLETEE'];
	if (RECIPIENT_VISIBLE.has(target)) return [...head, target];
	if (target === 'VALIDEE_1') return ['A_VALIDER_1', 'VALIDEE_1'];
	if (target === 'REFUSEE_1') return ['A_VALIDER_1', 'REFUSEE_1'];
	return [target];
}
