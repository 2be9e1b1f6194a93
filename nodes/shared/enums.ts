/** Enumerations of the Chorus Pro APIs (reference §11), shared by every node and the trigger. */

/** Invoice statuses (§11.1, 56 values). */
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

/** Targets a recipient may set with traiter/recue (§3.15), with plain-English labels. */
export const RECIPIENT_STATUS_TARGETS = [
	{ name: 'Made Available (Mise À Disposition)', value: 'MISE_A_DISPOSITION' },
	{ name: 'Suspended (Suspendue)', value: 'SUSPENDUE', description: 'Documents missing; a reason is required' },
	{ name: 'To Recycle (À Recycler)', value: 'A_RECYCLER', description: 'Wrong routing data; the supplier must fix it' },
	{ name: 'Rejected (Rejetée)', value: 'REJETEE', description: 'A reason is required' },
	{ name: 'Service Done (Service Fait)', value: 'SERVICE_FAIT' },
	{ name: 'Mandated (Mandatée)', value: 'MANDATEE' },
	{ name: 'Handed to Accountant (Mise À Disposition Comptable)', value: 'MISE_A_DISPOSITION_COMPTABLE' },
	{ name: 'Booked (Comptabilisée)', value: 'COMPTABILISEE' },
	{ name: 'Payment Sent (Mise en Paiement)', value: 'MISE_EN_PAIEMENT' },
];

/** Statuses whose change needs a reason (`motif`). */
export const STATUSES_NEEDING_REASON = ['SUSPENDUE', 'REJETEE'];

/** Billing frameworks (§11.2, 25 values for searches). */
export const BILLING_FRAMEWORKS = [
	'A1_FACTURE_FOURNISSEUR', 'A2_FACTURE_FOURNISSEUR_DEJA_PAYEE', 'A3_MEMOIRE_JUSTICE',
	'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR', 'A5_ETAT_ACOMPTE_FOURNISSEUR', 'A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR',
	'A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR', 'A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR', 'A9_FACTURE_SOUSTRAITANT',
	'A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT', 'A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT',
	'A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT', 'A14_PROJET_DECOMPTE_FINAL_COTRAITANT', 'A15_ETAT_ACOMPTE_MOE',
	'A16_ETAT_ACOMPTE_VALIDE_MOE', 'A17_PROJET_DECOMPTE_GENERAL_MOE', 'A18_DECOMPTE_GENERAL_MOE',
	'A19_ETAT_ACOMPTE_VALIDE_MOA', 'A20_DECOMPTE_GENERAL_MOA', 'A21_DEMANDE_REMBOURSEMENT_TIC',
	'A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE', 'A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR',
	'A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE', 'A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE',
] as const;

export const WORKS_INVOICE_TYPES = [
	'DP_DE_SOUSTRAITANT_TRAVAUX', 'PROJET_DECOMPTE_MENSUEL', 'ETAT_ACOMPTE', 'ETAT_ACOMPTE_VALIDE',
	'PROJET_DECOMPTE_FINAL', 'PROJET_DECOMPTE_GENERAL', 'PROJET_DECOMPTE_GENERAL_PROCEDURE_TACITE', 'DECOMPTE_GENERAL',
	'DECOMPTE_GENERAL_SIGNE', 'DECOMPTE_GENERAL_DEFINITIF_TACITE', 'DECOMPTE_GENERAL_DEFINITIF_PROCEDURE_TACITE',
] as const;

export const DEPOSIT_MODES = [
	'SAISIE_WEB', 'PORTAIL_PDF', 'EDI_XML_STRUCT', 'EDI_MIXTE', 'EDI_PDF_ARCHIVE', 'SAISIE_PORTAIL', 'SAISIE_API',
	'DEPOT_PDF_PORTAIL', 'DEPOT_PDF_SIGNE_PORTAIL', 'DEPOT_PDF_API', 'DEPOT_PDF_SIGNE_API', 'EDI', 'UPLOAD_PORTAIL',
	'UPLOAD_API', 'EDI_NUMERISATION',
] as const;

export const IDENTIFIER_TYPES = ['SIRET', 'UE_HORS_FRANCE', 'HORS_UE', 'RIDET', 'TAHITI', 'AUTRE', 'PARTICULIER'] as const;

/** Invoice types of the searches (typeFacture); `soumettre` takes the first two (INVOICE_TYPES_SUBMIT). */
export const INVOICE_TYPES = ['FACTURE', 'AVOIR', 'ACOMPTE'] as const;
/** Public or private structure (typeStructure). */
export const STRUCTURE_KINDS = ['PUBLIQUE', 'PRIVEE'] as const;
export const INVOICE_TYPES_SUBMIT = [
	{ name: 'Invoice (Facture)', value: 'FACTURE' },
	{ name: 'Credit Note (Avoir)', value: 'AVOIR' },
];
export const VAT_TYPES = [
	{ name: 'VAT on Debits (TVA Sur Débit)', value: 'TVA_SUR_DEBIT' },
	{ name: 'VAT on Receipts (TVA Sur Encaissement)', value: 'TVA_SUR_ENCAISSEMENT' },
	{ name: 'Exempt (Exonération)', value: 'EXONERATION' },
	{ name: 'No VAT (Sans TVA)', value: 'SANS_TVA' },
];
export const PAYMENT_MODES = [
	{ name: 'Transfer (Virement)', value: 'VIREMENT' },
	{ name: 'Cheque', value: 'CHEQUE' },
	{ name: 'Direct Debit (Prélèvement)', value: 'PRELEVEMENT' },
	{ name: 'Cash (Espèces)', value: 'ESPECE' },
	{ name: 'Other (Autre)', value: 'AUTRE' },
	{ name: 'Carried Over (Report)', value: 'REPORT' },
];
export const PAYMENT_REQUEST_TYPES = ['FACTURE', 'FACTURE_TRAVAUX', 'MEMOIRE_JUSTICE', 'DEMANDE_REMBOURSEMENT'] as const;
export const USER_ROLES = ['FOURNISSEUR', 'MOE', 'MOA', 'VALIDEUR', 'DESTINATAIRE'] as const;
export const LANGUAGES = ['FR', 'EN'] as const;

/** `syntaxeFlux` of deposer/flux (§11.7: the 13 Swagger values only). */
export const FLUX_SYNTAXES = [
	{ name: 'UBL Invoice (E1)', value: 'IN_DP_E1_UBL_INVOICE' },
	{ name: 'CII D16B (E1)', value: 'IN_DP_E1_CII_16B' },
	{ name: 'Factur-X PDF/A-3 (E2)', value: 'IN_DP_E2_CII_FACTURX' },
	{ name: 'CII, Older Version (E1)', value: 'IN_DP_E1_CII' },
	{ name: 'PES Facture (E1)', value: 'IN_DP_E1_PES_FACTURE' },
	{ name: 'xCBL (E1)', value: 'IN_DP_E1_XCBL' },
	{ name: 'Minimal UBL + PDF (E2)', value: 'IN_DP_E2_UBL_INVOICE_MIN' },
	{ name: 'Minimal CII + PDF (E2)', value: 'IN_DP_E2_CII_MIN' },
	{ name: 'Minimal CII D16B + PDF (E2)', value: 'IN_DP_E2_CII_MIN_16B' },
	{ name: 'Minimal PES + PDF (E2)', value: 'IN_DP_E2_PES_FACTURE_MIN' },
	{ name: 'Minimal CPP Facture + PDF (E2)', value: 'IN_DP_E2_CPP_FACTURE_MIN' },
	{ name: 'PDF Archive UBL (MUG)', value: 'IN_DP_PDFARCHIVE_UBL_INVOICE_MUG' },
	{ name: 'PDF Archive CII (MUG)', value: 'IN_DP_PDFARCHIVE_CII_MUG' },
];

/** Flux states that end the processing (§11.8). */
export const FINAL_FLUX_STATES = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE'] as const;

/** Validator actions of traiter/factureAValider (§3.21). */
export const VALIDATOR_ACTIONS = [
	{ name: 'Validate (Validation)', value: 'VALIDATION' },
	{ name: 'Refuse (Refus)', value: 'REFUS', description: 'A refusal reason code is required' },
	{ name: 'Reject (Rejet)', value: 'REJET' },
	{ name: 'Suspend (Suspension)', value: 'SUSPENSION' },
	{ name: 'Payment Sent (Mise en Paiement)', value: 'MISE_EN_PAIEMENT' },
	{ name: 'Send to Recycling (Mise en Recyclage)', value: 'MISE_EN_RECYCLAGE' },
];

/** triColonne of the Factures searches (§11.10). */
const SUPPLIER_TODO_COLUMNS = [
	'TypeDemandePaiement', 'CodeFournisseur', 'TypeIdentifiantFournisseur', 'DesignationFournisseur',
	'CodeServiceFournisseur', 'NomServiceFournisseur', 'CodeDestinataire', 'DesignationDestinataire',
	'CodeServiceExecutant', 'NomServiceExecutant', 'TypeFacture', 'NumeroFacture', 'DateFacture', 'DateDepot',
	'MontantHT', 'MontantTTC', 'MontantAPayer', 'Devise', 'Statut', 'NumeroMarche', 'NumeroBonCommande',
];
export const SORT_COLUMNS = {
	recipiendaire: [
		'TypeDemandePaiement', 'CodeFournisseur', 'TypeIdentifiantFournisseur', 'Fournisseur', 'CodeServiceFournisseur',
		'NomServiceFournisseur', 'CodeDestinataire', 'Destinataire', 'CodeServiceExecutant', 'NomServiceExecutant',
		'TypeFacture', 'TypeFactureTravaux', 'NumeroFacture', 'DateFacture', 'DateDepot', 'MontantHT', 'MontantTTC',
		'MontantAPayer', 'Devise', 'Statut', 'NumeroMarche', 'NumeroBonCommande', 'FactureTelechargeeParDestinataire',
	],
	fournisseur: [
		...SUPPLIER_TODO_COLUMNS, 'NumeroFluxDepot', 'TypeIdentifiantValideur1', 'CodeValideur1', 'RaisonSocialeValideur1',
		'NomValideur1', 'PrenomValideur1', 'DateValidation1', 'TypeIdentifiantValideur2', 'CodeValideur2',
		'RaisonSocialeValideur2', 'NomValideur2', 'PrenomValideur2', 'DateValidation2', 'NumeroFactureOrigine',
		'ModeDepot', 'CoordBancairesFournisseurCleIban', 'CoordBancairesFournisseurCleRib',
		'CoordBancairesFournisseurCodeBanque', 'CoordBancairesFournisseurCodePays',
		'CoordBancairesFournisseurCompteBancaire', 'CoordBancairesFournisseurNomCb', 'AffactureurCode',
		'AffactureurTypeIdentifiant', 'AffactureurRaisonSociale', 'NomPrenomUtilisateurCreateur',
	],
	valideur: [
		'IdFacture', 'TypeDemandePaiement', 'IdFournisseur', 'IdentifiantFournisseur', 'TypeIdentifiantFournisseur',
		'DesignationFournisseur', 'CodeServiceFournisseur', 'NomServiceFournisseur', 'IdMoe', 'TypeIdentifiantMoe',
		'IdentifiantMoe', 'DesignationMoe', 'IdServiceMoe', 'CodeServiceMoe', 'NomServiceMoe', 'IdMoa', 'IdentifiantMoa',
		'DesignationMoa', 'IdServiceMoa', 'CodeServiceMoa', 'NomServiceMoa', 'IdDestinataire', 'IdentifiantDestinataire',
		'DesignationDestinataire', 'IdServiceExecutant', 'CodeServiceExecutant', 'NomServiceExecutant', 'TypeFacture',
		'TypeFactureTravaux', 'NumeroFacture', 'DateFacture', 'DateDepot', 'MontantHT', 'MontantTTC', 'MontantAPayer',
		'Devise', 'Statut', 'NumeroMarche', 'NumeroEngagement',
	],
} as const;

/** rechercher/recipiendaire accepts 19 frameworks: no A3, A21–A25 (§11.2). */
export const RECIPIENT_SEARCH_FRAMEWORKS = BILLING_FRAMEWORKS.filter(
	(code) => !/^A(3|21|22|23|24|25)_/.test(code),
);

/** The frameworks of works invoices: every A-code except the plain invoices (A1, A2, A9, A12), A3 and A21. */
export const WORKS_FRAMEWORKS: readonly string[] = BILLING_FRAMEWORKS.filter(
	(code) => !/^A(1|2|3|9|12|21)_/.test(code),
);

/** Refusal reason codes of works invoices (AIFE example of recupererMotifsRefusFactureTravaux, §4). */
export const WORKS_REFUSAL_CODES = [
	{ name: 'Other (Autre)', value: 'AUTRE', description: 'Explain in the comment' },
	{ name: 'Wrong Validator (Mauvais Valideur)', value: 'MAUVAIS_VALIDEUR' },
	{ name: 'Wrong Project Manager (Mauvaise MOE)', value: 'MAUVAISE_MOE' },
	{ name: 'Wrong Project Owner (Mauvaise MOA)', value: 'MAUVAISE_MOA' },
	{ name: 'Works Invoice Refused (Ref Fac Travaux)', value: 'REF_FAC_TRAVAUX' },
];
