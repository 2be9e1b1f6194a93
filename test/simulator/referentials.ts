/**
 * Reference data served by `transverses/recuperer/*` (docs/api-notes.md §5.3, enums of §11). Lists that are enums
 * in docs/api-notes.md are complete; the VAT-rate and exemption codes are data on the real platform, so the values
 * below are a plausible sample (TVA1 is the sample of docs/api-notes.md, the others are invented).
 */

export const DEVISES = [
	{ codeDevise: 'EUR', libelleDevise: 'Euro' },
	{ codeDevise: 'USD', libelleDevise: 'Dollar des États-Unis' },
	{ codeDevise: 'GBP', libelleDevise: 'Livre sterling' },
	{ codeDevise: 'CHF', libelleDevise: 'Franc suisse' },
	{ codeDevise: 'XPF', libelleDevise: 'Franc CFP' },
];

export const PAYS = [
	{ codePays: 'FR', libellePays: 'France' },
	{ codePays: 'BE', libellePays: 'Belgique' },
	{ codePays: 'DE', libellePays: 'Allemagne' },
	{ codePays: 'ES', libellePays: 'Espagne' },
	{ codePays: 'IT', libellePays: 'Italie' },
	{ codePays: 'LU', libellePays: 'Luxembourg' },
	{ codePays: 'CH', libellePays: 'Suisse' },
	{ codePays: 'GB', libellePays: 'Royaume-Uni' },
];

export const TAUX_TVA = [
	{ codeTauxTva: 'TVA1', libelleTauxTva: 'Art 293B(FranchiseEnBase)', valeurTauxTva: 0 },
	{ codeTauxTva: 'TVA2', libelleTauxTva: '2,1%', valeurTauxTva: 2.1 },
	{ codeTauxTva: 'TVA3', libelleTauxTva: '5,5%', valeurTauxTva: 5.5 },
	{ codeTauxTva: 'TVA4', libelleTauxTva: '10%', valeurTauxTva: 10 },
	{ codeTauxTva: 'TVA5', libelleTauxTva: '20%', valeurTauxTva: 20 },
];

export const MOTIFS_EXONERATION = [
	{ codeMotifExonerationTva: 'EXO_261', libelleMotifExonerationTva: 'Exonération - article 261 du CGI' },
	{ codeMotifExonerationTva: 'EXO_262', libelleMotifExonerationTva: 'Exonération - article 262 du CGI' },
	{ codeMotifExonerationTva: 'AUTOLIQ', libelleMotifExonerationTva: 'Autoliquidation' },
];

export const MODES_DEPOT = [
	'SAISIE_WEB', 'PORTAIL_PDF', 'EDI_XML_STRUCT', 'EDI_MIXTE', 'EDI_PDF_ARCHIVE', 'SAISIE_PORTAIL', 'SAISIE_API',
	'DEPOT_PDF_PORTAIL', 'DEPOT_PDF_SIGNE_PORTAIL', 'DEPOT_PDF_API', 'DEPOT_PDF_SIGNE_API', 'EDI', 'UPLOAD_PORTAIL',
	'UPLOAD_API', 'EDI_NUMERISATION',
];

export const MODES_PAIEMENT = ['CHEQUE', 'PRELEVEMENT', 'VIREMENT', 'ESPECE', 'AUTRE', 'REPORT'];

export const TYPES_DEMANDE_PAIEMENT = ['FACTURE', 'FACTURE_TRAVAUX', 'MEMOIRE_JUSTICE', 'DEMANDE_REMBOURSEMENT'];

export const TYPES_FACTURE_TRAVAUX = [
	'DP_DE_SOUSTRAITANT_TRAVAUX', 'PROJET_DECOMPTE_MENSUEL', 'ETAT_ACOMPTE', 'ETAT_ACOMPTE_VALIDE',
	'PROJET_DECOMPTE_FINAL', 'PROJET_DECOMPTE_GENERAL', 'PROJET_DECOMPTE_GENERAL_PROCEDURE_TACITE', 'DECOMPTE_GENERAL',
	'DECOMPTE_GENERAL_SIGNE', 'DECOMPTE_GENERAL_DEFINITIF_TACITE', 'DECOMPTE_GENERAL_DEFINITIF_PROCEDURE_TACITE',
];

export const TYPES_IDENTIFIANT = ['SIRET', 'UE_HORS_FRANCE', 'HORS_UE', 'RIDET', 'TAHITI', 'AUTRE', 'PARTICULIER'];

export const CADRES_FACTURATION = [
	'A1_FACTURE_FOURNISSEUR', 'A2_FACTURE_FOURNISSEUR_DEJA_PAYEE', 'A3_MEMOIRE_JUSTICE',
	'A4_PROJET_DECOMPTE_MENSUEL_FOURNISSEUR', 'A5_ETAT_ACOMPTE_FOURNISSEUR', 'A6_ETAT_ACOMPTE_VALIDE_FOURNISSEUR',
	'A7_PROJET_DECOMPTE_FINAL_FOURNISSEUR', 'A8_DECOMPTE_GENERAL_DEFINITIF_FOURNISSEUR', 'A9_FACTURE_SOUSTRAITANT',
	'A10_PROJET_DECOMPTE_MENSUEL_SOUSTRAITANT', 'A11_PROJET_DECOMPTE_FINAL_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT',
	'A13_PROJET_DECOMPTE_MENSUEL_COTRAITANT', 'A14_PROJET_DECOMPTE_FINAL_COTRAITANT', 'A15_ETAT_ACOMPTE_MOE',
	'A16_ETAT_ACOMPTE_VALIDE_MOE', 'A17_PROJET_DECOMPTE_GENERAL_MOE', 'A18_DECOMPTE_GENERAL_MOE',
	'A19_ETAT_ACOMPTE_VALIDE_MOA', 'A20_DECOMPTE_GENERAL_MOA', 'A21_DEMANDE_REMBOURSEMENT_TIC',
	'A22_PROJET_DECOMPTE_GENERAL_FOURNISSEUR_PROCEDURE_TACITE', 'A23_DECOMPTE_GENERAL_DEFINITIF_TACITE_FOURNISSEUR',
	'A24_DECOMPTE_GENERAL_DEFINITIF_TACITE_MOE', 'A25_DECOMPTE_GENERAL_DEFINITIF_MOE_PROCEDURE_TACITE',
];

/** Frameworks per payment-request type (the split follows the framework names of §11.2). */
export function cadresFor(typeDemandePaiement: string | undefined): string[] {
	switch (typeDemandePaiement) {
		case 'FACTURE':
			return ['A1_FACTURE_FOURNISSEUR', 'A2_FACTURE_FOURNISSEUR_DEJA_PAYEE', 'A9_FACTURE_SOUSTRAITANT', 'A12_FACTURE_COTRAITANT'];
		case 'MEMOIRE_JUSTICE':
			return ['A3_MEMOIRE_JUSTICE'];
		case 'DEMANDE_REMBOURSEMENT':
			return ['A21_DEMANDE_REMBOURSEMENT_TIC'];
		case 'FACTURE_TRAVAUX':
			return CADRES_FACTURATION.filter(
				(c) => !['A1_', 'A2_', 'A3_', 'A9_', 'A12', 'A21'].some((p) => c.startsWith(p)),
			);
		default:
			return CADRES_FACTURATION;
	}
}

export const FORMATS_FLUX = ['IN_DP_E1_STRUCT', 'IN_DP_E2_MIXTE', 'IN_DP_E2_FACTURX'];

export const SYNTAXES_FLUX: Record<string, string[]> = {
	IN_DP_E1_STRUCT: ['IN_DP_E1_UBL_INVOICE', 'IN_DP_E1_CII', 'IN_DP_E1_CII_16B', 'IN_DP_E1_PES_FACTURE', 'IN_DP_E1_XCBL'],
	IN_DP_E2_MIXTE: [
		'IN_DP_E2_UBL_INVOICE_MIN', 'IN_DP_E2_CII_MIN', 'IN_DP_E2_CII_MIN_16B', 'IN_DP_E2_PES_FACTURE_MIN',
		'IN_DP_E2_CPP_FACTURE_MIN',
	],
	IN_DP_E2_FACTURX: ['IN_DP_E2_CII_FACTURX'],
};

/** Refusal reasons a validator may give (codes of §11.11). */
export const MOTIFS_REFUS_A_VALIDER = [
	{ idMotif: 1, codeMotif: 'ERR_VALIDEUR', libelleMotif: 'Erreur de valideur' },
	{ idMotif: 2, codeMotif: 'MONTANT_ERR', libelleMotif: 'Montant erroné' },
	{ idMotif: 3, codeMotif: 'DOUBLE_FACT', libelleMotif: 'Facture en double' },
	{ idMotif: 4, codeMotif: 'FACT_NON_CONFORME', libelleMotif: 'Facture non conforme' },
	{ idMotif: 5, codeMotif: 'AUTRE', libelleMotif: 'Autre motif' },
];

/** Attachment extensions accepted by `ajouter/fichier` (§13.2, OCA's list plus XSD and XSL). */
export const EXTENSIONS_PJ = new Set([
	'BMP', 'GIF', 'FAX', 'ODT', 'PPT', 'TIFF', 'XLS', 'BZ2', 'GZ', 'JPEG', 'P7S', 'RTF', 'TXT', 'XML', 'CSV', 'GZIP',
	'JPG', 'PDF', 'SVG', 'XHTML', 'XLSX', 'DOC', 'HTM', 'ODP', 'PNG', 'TGZ', 'XLC', 'ZIP', 'DOCX', 'HTML', 'ODS', 'PPS',
	'TIF', 'XLM', 'PPTX', 'XSD', 'XSL',
]);
