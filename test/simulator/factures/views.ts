/**
 * How an invoice appears in each answer (docs/api-notes.md §3.8–§3.23): search rows per role, the detail object of
 * the three `consulter` operations, payment-request rows. Pure functions of the store.
 */
import { toDay, toIsoParis } from '../dates';
import type { Invoice, SimulatorStore, Structure } from '../store';
import { invoiceSize } from './documents';

type Row = Record<string, unknown>;

function names(store: SimulatorStore, invoice: Invoice) {
	const fournisseur = store.structure(invoice.idFournisseur);
	const destinataire = store.structure(invoice.idDestinataire);
	const serviceFournisseur = store.service(invoice.idFournisseur, invoice.idServiceFournisseur);
	const serviceExecutant = store.service(invoice.idDestinataire, invoice.idServiceExecutant);
	return { fournisseur, destinataire, serviceFournisseur, serviceExecutant };
}

function common(store: SimulatorStore, invoice: Invoice): Row {
	const n = names(store, invoice);
	return {
		typeDemandePaiement: invoice.typeDemandePaiement,
		codeFournisseur: n.fournisseur?.identifiant ?? null,
		typeIdentifiantFournisseur: n.fournisseur?.typeIdentifiant ?? null,
		designationFournisseur: n.fournisseur?.raisonSociale ?? null,
		codeServiceFournisseur: n.serviceFournisseur?.codeService ?? null,
		nomServiceFournisseur: n.serviceFournisseur?.libelleService ?? null,
		idDestinataire: invoice.idDestinataire,
		codeDestinataire: n.destinataire?.identifiant ?? null,
		designationDestinataire: n.destinataire?.raisonSociale ?? null,
		idServiceExecutant: invoice.idServiceExecutant,
		codeServiceExecutant: n.serviceExecutant?.codeService ?? null,
		nomServiceExecutant: n.serviceExecutant?.libelleService ?? null,
		typeFacture: invoice.typeFacture,
		numeroFacture: invoice.numeroFacture,
		dateFacture: invoice.dateFacture,
		dateDepot: toDay(invoice.dateDepot),
		montantHT: invoice.montantHT,
		montantTTC: invoice.montantTTC,
		montantAPayer: invoice.montantAPayer,
		devise: invoice.devise,
		statut: invoice.statut,
		numeroMarche: invoice.numeroMarche,
		numeroBonCommande: invoice.numeroBonCommande,
	};
}

function validator(store: SimulatorStore, id: number | null, prefix: string, suffix: string): Row {
	const s = store.structure(id);
	return {
		[`typeIdentifiant${prefix}${suffix}`]: s?.typeIdentifiant ?? null,
		[`code${prefix}${suffix}`]: s?.identifiant ?? null,
		[`raisonSociale${prefix}${suffix}`]: s?.raisonSociale ?? null,
		[`nom${prefix}${suffix}`]: null,
		[`prenom${prefix}${suffix}`]: null,
	};
}

/** `rechercher/fournisseur` item (§3.8). */
export function supplierRow(store: SimulatorStore, invoice: Invoice, withSize: boolean): Row {
	const bank = store.structure(invoice.idFournisseur)?.coordonneesBancaires.find(
		(c) => c.idCoordonneeBancaire === invoice.idCoordonneeBancaire,
	);
	return {
		identifiantFactureCPP: invoice.idFacture,
		...common(store, invoice),
		numeroFluxDepot: invoice.numeroFluxDepot,
		...validator(store, invoice.idValideur1, 'Valideur', '1'),
		dateValidation1: invoice.dateValidation1 ? toDay(invoice.dateValidation1) : null,
		...validator(store, invoice.idValideur2, 'Valideur', '2'),
		dateValidation2: invoice.dateValidation2 ? toDay(invoice.dateValidation2) : null,
		numeroFactureOrigine: invoice.numeroFactureOrigine,
		modeDepot: invoice.modeDepot,
		coordBancairesFournisseurCleIban: bank ? bank.iban.slice(2, 4) : null,
		coordBancairesFournisseurCleRib: null,
		coordBancairesFournisseurCodeBanque: null,
		coordBancairesFournisseurCodePays: bank ? bank.iban.slice(0, 2) : null,
		coordBancairesFournisseurCompteBancaire: bank?.iban ?? null,
		coordBancairesFournisseurNomCb: bank?.nomCoordonneeBancaire ?? null,
		affactureurCode: null,
		affactureurTypeIdentifiant: null,
		affactureurRaisonSociale: null,
		nomPrenomUtilisateurCreateur: `${store.account.user.nom} ${store.account.user.prenom}`,
		taille: withSize ? invoiceSize(store, invoice) : null,
		dateHeureEtatCourant: toIsoParis(invoice.dateHeureEtatCourant),
		commentaireEtatCourant: invoice.commentaireEtatCourant,
		rejetTraite: invoice.rejetTraite,
	};
}

/** `rechercher/atraiter/fournisseur` item (§3.9). */
export function supplierToDoRow(store: SimulatorStore, invoice: Invoice, withSize: boolean): Row {
	return {
		identifiantFactureCPP: invoice.idFacture,
		...common(store, invoice),
		taille: withSize ? invoiceSize(store, invoice) : null,
	};
}

/** `rechercher/recipiendaire` and `rechercher/atraiter/recipiendaire` item (§3.12). */
export function recipientRow(store: SimulatorStore, invoice: Invoice, withSize: boolean): Row {
	return {
		idFacture: invoice.idFacture,
		...common(store, invoice),
		typeFactureTravaux: invoice.typeFactureTravaux,
		taille: withSize ? invoiceSize(store, invoice) : null,
		factureTelechargeeParDestinataire: invoice.factureTelechargeeParDestinataire,
		codeMOE: null,
		typeIdentifiantMOE: null,
		designationMOE: null,
		codeMOA: null,
		typeIdentifiantMOA: null,
		designationMOA: null,
		dateHeureEtatCourant: toIsoParis(invoice.dateHeureEtatCourant),
		commentaireEtatCourant: invoice.commentaireEtatCourant,
	};
}

/** `rechercher/valideur` and `rechercher/aTraiter/valideur` item (§3.18); amounts are int64 in the Swagger. */
export function validatorRow(store: SimulatorStore, invoice: Invoice): Row {
	const n = names(store, invoice);
	const v = store.structure(invoice.idValideur1);
	return {
		idFacture: invoice.idFacture,
		typeDemandePaiement: invoice.typeDemandePaiement,
		idFournisseur: invoice.idFournisseur,
		identifiantFournisseur: n.fournisseur?.identifiant ?? null,
		typeIdentifiantFournisseur: n.fournisseur?.typeIdentifiant ?? null,
		designationFournisseur: n.fournisseur?.raisonSociale ?? null,
		codeServiceFournisseur: n.serviceFournisseur?.codeService ?? null,
		nomServiceFournisseur: n.serviceFournisseur?.libelleService ?? null,
		idDestinataire: invoice.idDestinataire,
		typeIdentifiantDestinataire: n.destinataire?.typeIdentifiant ?? null,
		identifiantDestinataire: n.destinataire?.identifiant ?? null,
		designationDestinataire: n.destinataire?.raisonSociale ?? null,
		idServiceExecutant: invoice.idServiceExecutant,
		codeServiceExecutant: n.serviceExecutant?.codeService ?? null,
		nomServiceExecutant: n.serviceExecutant?.libelleService ?? null,
		idValideur: invoice.idValideur1,
		typeIdentifiantValideur: v?.typeIdentifiant ?? null,
		identifiantValideur: v?.identifiant ?? null,
		designationValideur: v?.raisonSociale ?? null,
		typeFacture: invoice.typeFacture,
		typeFactureTravaux: invoice.typeFactureTravaux,
		numeroFacture: invoice.numeroFacture,
		dateFacture: invoice.dateFacture,
		dateDepot: toDay(invoice.dateDepot),
		montantHT: Math.round(invoice.montantHT),
		montantTTC: Math.round(invoice.montantTTC),
		montantAPayer: Math.round(invoice.montantAPayer),
		devise: invoice.devise,
		statut: invoice.statut,
		numeroMarche: invoice.numeroMarche,
		numeroEngagement: invoice.numeroBonCommande,
	};
}

/** `rechercher/demandePaiement` item (§3.23). */
export function paymentRequestRow(store: SimulatorStore, invoice: Invoice, total: number): Row {
	const n = names(store, invoice);
	return {
		idDemandePaiement: invoice.idFacture,
		numeroDemandePaiement: invoice.numeroFacture,
		typeDemandePaiement: invoice.typeDemandePaiement,
		typeFacture: invoice.typeFacture,
		typeFactureTravaux: invoice.typeFactureTravaux,
		cadreFacturation: invoice.cadreFacturation,
		etatCourant: invoice.statut,
		dateHeureEtatCourant: toIsoParis(invoice.dateHeureEtatCourant),
		dateFournisseur: invoice.dateFacture,
		dateDepot: toDay(invoice.dateDepot),
		montantHT: invoice.montantHT,
		montantTTC: invoice.montantTTC,
		montantAPayer: invoice.montantAPayer,
		numeroMarche: invoice.numeroMarche,
		numeroBonCommande: invoice.numeroBonCommande,
		numeroFactureOrigine: invoice.numeroFactureOrigine,
		idStructureFournisseur: invoice.idFournisseur,
		idServiceFournisseur: invoice.idServiceFournisseur,
		idStructureMoe: null,
		idServiceMoe: null,
		idStructureMoa: null,
		idServiceMoa: null,
		idStructureValideur1: invoice.idValideur1,
		idStructureValideur2: invoice.idValideur2,
		idStructureDestinataire: invoice.idDestinataire,
		idServiceDestinataire: invoice.idServiceExecutant,
		dpOuDpArchive: 'DEMANDE_PAIEMENT',
		numeroDossierFacturation: null,
		idDossierFacturation: null,
		commentaireEtatCourant: invoice.commentaireEtatCourant,
		numeroDpMandat: invoice.numeroDpMandat,
		siretFournisseurQualif: n.fournisseur?.identifiant ?? null,
		siretDestinataireQualif: n.destinataire?.identifiant ?? null,
		nombreResultatTotal: String(total),
		codeServiceDestinataire: n.serviceExecutant?.codeService ?? null,
		nomServiceDestinataire: n.serviceExecutant?.libelleService ?? null,
		identifiantStructureFournisseur: n.fournisseur?.identifiant ?? null,
		identifiantStructureDestinataire: n.destinataire?.identifiant ?? null,
	};
}

function address(prefix: string, s: Structure | undefined): Row {
	return {
		[`adresse${prefix}Id`]: s ? s.idStructureCPP + 1 : null,
		[`adresse${prefix}Detail`]: s?.adresse.adresse ?? null,
		[`adresse${prefix}Complement1`]: s?.adresse.complementAdresse1 ?? null,
		[`adresse${prefix}Complement2`]: s?.adresse.complementAdresse2 ?? null,
		[`adresse${prefix}CodePostal`]: s?.adresse.codePostal ?? null,
		[`adresse${prefix}Ville`]: s?.adresse.ville ?? null,
		[`adresse${prefix}CodePays`]: s?.adresse.pays ?? null,
		[`adresse${prefix}LibellePays`]: s?.adresse.pays === 'FR' ? 'France' : null,
	};
}

export interface SubLists {
	lignesPoste: Row;
	recapitulatifDeTva: Row;
	listeDesPiecesJointes: Row;
}

/**
 * The `facture` object of `consulter/*` (§3.10). `variant` picks the recipient shape (`FactureCpp`) or the
 * issued shape (`FactureCppEmise`, supplier and validator); the paginated sub-lists come ready-made.
 */
export function invoiceDetail(
	store: SimulatorStore,
	invoice: Invoice,
	variant: 'recipient' | 'issued',
	subLists: SubLists,
): Row {
	const n = names(store, invoice);
	const bank = n.fournisseur?.coordonneesBancaires.find((c) => c.idCoordonneeBancaire === invoice.idCoordonneeBancaire);
	const v1 = store.structure(invoice.idValideur1);
	const destinataire: Row =
		variant === 'recipient'
			? {
					destinataireEtat: 'NON',
					idDestinataire: invoice.idDestinataire,
					codeDestinataire: n.destinataire?.identifiant ?? null,
					libelleDestinataire: n.destinataire?.raisonSociale ?? null,
					idServiceExecutant: invoice.idServiceExecutant,
					codeServiceExecutant: n.serviceExecutant?.codeService ?? null,
					libelleServiceExecutant: n.serviceExecutant?.libelleService ?? null,
					...address('Destinataire', n.destinataire),
				}
			: {
					idDestinataire: invoice.idDestinataire,
					codeDestinataire: n.destinataire?.identifiant ?? null,
					libelleDestinataire: n.destinataire?.raisonSociale ?? null,
					idServiceExecutant: invoice.idServiceExecutant,
					codeServiceExecutant: n.serviceExecutant?.codeService ?? null,
					libelleServiceExecutant: n.serviceExecutant?.libelleService ?? null,
					miseEnPaiementDestinataire: n.serviceExecutant?.miseEnPaiement ?? false,
					designationDestinataire: n.destinataire?.raisonSociale ?? null,
				};
	const fournisseur: Row =
		variant === 'recipient'
			? {
					idFournisseur: invoice.idFournisseur,
					typeIdentifiantFournisseur: n.fournisseur?.typeIdentifiant ?? null,
					codeFournisseur: n.fournisseur?.identifiant ?? null,
					designationFournisseur: n.fournisseur?.raisonSociale ?? null,
					idServiceFournisseur: invoice.idServiceFournisseur,
					codeServiceFournisseur: n.serviceFournisseur?.codeService ?? null,
					libelleServiceFournisseur: n.serviceFournisseur?.libelleService ?? null,
					...address('Fournisseur', n.fournisseur),
					numeroRcsFournisseur: n.fournisseur?.numeroRcs ?? null,
					coordBancairesFournisseurCleIban: bank ? bank.iban.slice(2, 4) : null,
					coordBancairesFournisseurCleRib: null,
					coordBancairesFournisseurCodeBanque: null,
					coordBancairesCodeGuichet: null,
					coordBancairesBicSwift: bank?.bic ?? null,
					coordBancairesFournisseurCodePays: bank ? bank.iban.slice(0, 2) : null,
					coordBancairesFournisseurCompteBancaire: bank?.iban ?? null,
					coordBancairesFournisseurId: bank?.idCoordonneeBancaire ?? null,
					coordBancairesFournisseurType: bank ? 'IBAN' : null,
					coordBancairesFournisseurLibelle: bank?.nomCoordonneeBancaire ?? null,
					affactureur: null,
				}
			: {
					idFournisseur: invoice.idFournisseur,
					typeIdentifiantFournisseur: n.fournisseur?.typeIdentifiant ?? null,
					codeFournisseur: n.fournisseur?.identifiant ?? null,
					raisonSocialeFournisseur: n.fournisseur?.raisonSociale ?? null,
					nomFournisseur: null,
					prenomFournisseur: null,
					idServiceFournisseur: invoice.idServiceFournisseur,
					codeServiceFournisseur: n.serviceFournisseur?.codeService ?? null,
					libelleServiceFournisseur: n.serviceFournisseur?.libelleService ?? null,
					numeroRcsFournisseur: n.fournisseur?.numeroRcs ?? null,
					designationFournisseur: n.fournisseur?.raisonSociale ?? null,
				};
	const detail: Row = {
		identifiantFactureCPP: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		statutFacture: invoice.statut,
		modeDepot: invoice.modeDepot,
		commentaire: invoice.commentaire,
		destinataire,
		fournisseur,
		cadreDeFacturation: {
			codeCadreFacturation: invoice.cadreFacturation,
			idValideur1: invoice.idValideur1,
			typeIdentifiantValideur1: v1?.typeIdentifiant ?? null,
			codeValideur1: v1?.identifiant ?? null,
			raisonSocialeValideur1: v1?.raisonSociale ?? null,
			dateValidation1: invoice.dateValidation1 ? toDay(invoice.dateValidation1) : null,
			idValideur2: invoice.idValideur2,
		},
		piecePrecedente: null,
		pieceSuivante: null,
		references: {
			dateFacture: invoice.dateFacture,
			dateDepot: toDay(invoice.dateDepot),
			codeDeviseFacture: invoice.devise,
			libelleDeviseFacture: invoice.devise === 'EUR' ? 'Euro' : invoice.devise,
			typeFacture: invoice.typeFacture,
			typeFactureTravaux: invoice.typeFactureTravaux,
			typeTva: invoice.typeTva,
			motifExonerationTva: invoice.motifExonerationTva,
			libelleMotifExonerationTva: null,
			numeroMarche: invoice.numeroMarche,
			numeroBonCommande: invoice.numeroBonCommande,
			numeroFactureOrigine: invoice.numeroFactureOrigine,
			modePaiement: invoice.modePaiement,
			dateCreationFacture: toDay(invoice.dateDepot),
			dateEcheancePaiement: null,
			tailleTotalePiecesJointes: invoice.piecesJointes.reduce(
				(sum, pj) => sum + (store.files.get(pj.pieceJointeId)?.bytes.length ?? 0),
				0,
			),
			numeroDpMandat: invoice.numeroDpMandat,
		},
		recapitulatifDeTva: subLists.recapitulatifDeTva,
		montantTotal: {
			montantHtTotal: invoice.montantHT,
			montantTVA: invoice.montantTVA,
			montantTtcAvantRemiseGlobalTTC: Math.round((invoice.montantTTC + invoice.montantRemiseGlobaleTTC) * 100) / 100,
			montantRemiseGlobaleTTC: invoice.montantRemiseGlobaleTTC,
			motifRemiseGlobaleTTC: invoice.motifRemiseGlobaleTTC,
			montantTtcTotal: invoice.montantTTC,
			montantAPayer: invoice.montantAPayer,
		},
		pieceJointePrincipale: invoice.pieceJointePrincipale
			? {
					idLiaisonPieceJointePrincipale: invoice.pieceJointePrincipale.idLiaison,
					idPieceJointePrincipale: invoice.pieceJointePrincipale.pieceJointeId,
				}
			: null,
		listeDesPiecesJointes: subLists.listeDesPiecesJointes,
		lignesDePoste: subLists.lignesPoste,
	};
	if (variant === 'issued') detail.rejetTraite = invoice.rejetTraite;
	return detail;
}
