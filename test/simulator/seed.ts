/**
 * Seed data. `empty` = the structures, their services and the technical account's attachments, no invoice or
 * flux; `demo` = the same plus invoices in many statuses, two flux reports and stored attachments.
 *
 * The technical account is attached to the supplier (fournisseur), to the first buyer (destinataire) and to
 * the supplier as validator of a partner's sub-contracting invoices, so one credential plays every role.
 * SIRETs pass the Luhn check.
 */
import { toDay } from './dates';
import { invoicePdf } from './factures/documents';
import { canonicalPath } from './factures/lifecycle';
import type { Service, SimulatorStore, Structure, StructureParametres } from './store';

export const DEMO_IDS = {
	supplier: { idStructureCPP: 26311111, siret: '84512345400017', name: 'ATELIER EXEMPLE SAS' },
	buyerWithService: { idStructureCPP: 25212345, siret: '21750001600019', name: 'COMMUNE DE EXEMPLEVILLE' },
	buyerWithEngagement: { idStructureCPP: 25298765, siret: '26690123000018', name: 'CENTRE HOSPITALIER DE DEMOVILLE' },
	partner: { idStructureCPP: 26399999, siret: '51234567900017', name: 'PARTENAIRE BTP SARL' },
	/** Wants a commitment number or a service code (gestionNumeroEJOuCodeService); its TRAVAUX service wants a commitment number. */
	buyerWithEngagementOrService: { idStructureCPP: 25233333, siret: '20034560100005', name: 'SYNDICAT INTERCOMMUNAL DE DEMOVAL' },
	engagements: ['EJ-2025-000123', 'EJ-2025-000456'],
} as const;

const NO_RULES: StructureParametres = {
	codeServiceDoitEtreRenseigne: false,
	numeroEJDoitEtreRenseigne: false,
	gestionNumeroEJOuCodeService: false,
	connexionEDI: false,
	estMoaUniquement: false,
	aMoa: false,
	estValideurDelegue: false,
	nonDiffusibleInsee: false,
	recevoirDonneesViaEDI: false,
	statutMiseEnPaiementNestPasRemonte: false,
};

function service(id: number, code: string, libelle: string, since: Date, extra: Partial<Service> = {}): Service {
	return {
		idService: id,
		codeService: code,
		libelleService: libelle,
		estActif: true,
		engagementObligatoire: false,
		miseEnPaiement: true,
		dateDebut: since,
		dateFin: null,
		...extra,
	};
}

function structure(fields: Partial<Structure> & Pick<Structure, 'idStructureCPP' | 'identifiant' | 'raisonSociale' | 'typeStructure'>): Structure {
	return {
		typeIdentifiant: 'SIRET',
		statut: 'ACTIVE',
		email: null,
		numeroTVA: null,
		numeroRcs: null,
		adresse: { adresse: '1 RUE DE L EXEMPLE', codePostal: '75001', ville: 'PARIS', pays: 'FR' },
		parametres: NO_RULES,
		services: [],
		engagements: [],
		coordonneesBancaires: [],
		...fields,
	};
}

/** Structures, services and attachments (both seeds). */
export function seedStructures(store: SimulatorStore): void {
	const since = new Date(Date.UTC(2020, 0, 1, 8, 0));
	const d = DEMO_IDS;
	store.addStructure(
		structure({
			idStructureCPP: d.supplier.idStructureCPP,
			identifiant: d.supplier.siret,
			raisonSociale: d.supplier.name,
			typeStructure: 'PRIVEE',
			email: 'facturation@atelier-exemple.fr',
			numeroTVA: 'FR32845123454',
			numeroRcs: 'RCS LYON 845 123 454',
			adresse: {
				adresse: '10 RUE DE L EXEMPLE',
				complementAdresse1: 'BATIMENT B',
				complementAdresse2: 'ETAGE 2',
				codePostal: '69001',
				ville: 'LYON',
				pays: 'FR',
			},
			services: [service(1_048_001, 'VENTES', 'Service des ventes', since)],
			coordonneesBancaires: [
				{ idCoordonneeBancaire: 45_678, nomCoordonneeBancaire: 'Compte principal', iban: 'FR7630001007941234567890185', bic: 'BDFEFRPPCCT' },
			],
		}),
	);
	store.addStructure(
		structure({
			idStructureCPP: d.buyerWithService.idStructureCPP,
			identifiant: d.buyerWithService.siret,
			raisonSociale: d.buyerWithService.name,
			typeStructure: 'PUBLIQUE',
			email: 'factures@exempleville.fr',
			adresse: { adresse: '1 PLACE DE LA MAIRIE', codePostal: '75001', ville: 'EXEMPLEVILLE', pays: 'FR' },
			parametres: { ...NO_RULES, codeServiceDoitEtreRenseigne: true },
			services: [
				service(1_048_576, 'FACTURES_PUBLIQUES', 'Service facturier', since),
				service(1_048_577, 'DST-INFO', 'Direction informatique', since),
				service(1_048_578, 'ANCIEN-SVC', 'Service fermé', since, { estActif: false, dateFin: new Date(Date.UTC(2023, 11, 31, 17, 0)) }),
			],
		}),
	);
	store.addStructure(
		structure({
			idStructureCPP: d.buyerWithEngagement.idStructureCPP,
			identifiant: d.buyerWithEngagement.siret,
			raisonSociale: d.buyerWithEngagement.name,
			typeStructure: 'PUBLIQUE',
			email: 'fournisseurs@ch-demoville.fr',
			adresse: { adresse: '5 AVENUE DE L HOPITAL', codePostal: '69003', ville: 'DEMOVILLE', pays: 'FR' },
			parametres: { ...NO_RULES, numeroEJDoitEtreRenseigne: true },
			services: [
				service(2_097_152, 'ACHATS', 'Direction des achats', since, { engagementObligatoire: true }),
				service(2_097_153, 'PHARMACIE', 'Pharmacie centrale', since),
			],
			engagements: [...d.engagements],
		}),
	);
	store.addStructure(
		structure({
			idStructureCPP: d.buyerWithEngagementOrService.idStructureCPP,
			identifiant: d.buyerWithEngagementOrService.siret,
			raisonSociale: d.buyerWithEngagementOrService.name,
			typeStructure: 'PUBLIQUE',
			adresse: { adresse: '2 RUE DU SYNDICAT', codePostal: '38100', ville: 'DEMOVAL', pays: 'FR' },
			parametres: { ...NO_RULES, gestionNumeroEJOuCodeService: true },
			services: [
				service(3_145_728, 'TRAVAUX', 'Service des travaux', since, { engagementObligatoire: true }),
				service(3_145_729, 'ACCUEIL', 'Accueil et courrier', since),
			],
		}),
	);
	store.addStructure(
		structure({
			idStructureCPP: d.partner.idStructureCPP,
			identifiant: d.partner.siret,
			raisonSociale: d.partner.name,
			typeStructure: 'PRIVEE',
			adresse: { adresse: '3 CHEMIN DES ARTISANS', codePostal: '38000', ville: 'GRENOBLE', pays: 'FR' },
		}),
	);
	store.attach(d.supplier.idStructureCPP, 'fournisseur');
	store.attach(d.buyerWithService.idStructureCPP, 'destinataire');
	store.attach(d.supplier.idStructureCPP, 'valideur');
}

/** Invoices across statuses, two flux, stored attachments. */
export function seedDemo(store: SimulatorStore): void {
	seedStructures(store);
	const d = DEMO_IDS;
	const now = store.now().getTime();
	const daysAgo = (n: number, hour = 9) => {
		const t = new Date(now - n * 86_400_000);
		t.setUTCHours(hour, 0, 0, 0);
		return t;
	};
	const buyer1 = d.buyerWithService.idStructureCPP;
	const buyer2 = d.buyerWithEngagement.idStructureCPP;
	const year = toDay(store.now()).slice(0, 4);
	/** When the current status was reached: deposit time for one-step histories, else ~2 days later (≤ now). */
	const lastChange = (dateDepot: Date, statut: string, age: number) =>
		canonicalPath(statut).length === 1 || statut === 'MISE_A_DISPOSITION'
			? dateDepot
			: new Date(Math.min(now, Math.max(dateDepot.getTime() + 3_600_000, daysAgo(Math.max(0, age - 2), 14).getTime())));
	let n = 0;
	const add = (fields: Parameters<SimulatorStore['addInvoice']>[0] & { age: number }) => {
		n++;
		const { age, ...rest } = fields;
		const dateDepot = daysAgo(age);
		return store.addInvoice({
			numeroFacture: `F${year}-${String(n).padStart(4, '0')}`,
			dateFacture: toDay(daysAgo(age + 1)),
			dateDepot,
			dateHeureEtatCourant: lastChange(dateDepot, rest.statut ?? 'MISE_A_DISPOSITION', age),
			montantHT: 500 + n * 125,
			...rest,
		});
	};
	const svc = (buyer: number, code: string) => store.structure(buyer)!.services.find((s) => s.codeService === code)!.idService;
	const withPdf = add({ age: 3, statut: 'MISE_A_DISPOSITION', idDestinataire: buyer1, idServiceExecutant: svc(buyer1, 'DST-INFO'), numeroMarche: 'MAR-2024-17' });
	const pdf = store.addFile({ nom: `${withPdf.numeroFacture}.pdf`, typeMime: 'application/pdf', extension: 'PDF', bytes: invoicePdf(store, withPdf) });
	const annexe = store.addFile({ nom: 'bon-de-livraison.txt', typeMime: 'text/plain', extension: 'TXT', bytes: Buffer.from('Bon de livraison BL-001\n') });
	withPdf.modeDepot = 'DEPOT_PDF_API';
	withPdf.pieceJointePrincipale = { idLiaison: store.nextLinkId(), pieceJointeId: pdf.pieceJointeId, designation: 'Facture' };
	withPdf.piecesJointes.push({ idLiaison: store.nextLinkId(), pieceJointeId: annexe.pieceJointeId, designation: 'Bon de livraison', typeCode: 'PJ_COMPLEMENTAIRE', numeroLigne: null });
	const downloaded = add({ age: 5, statut: 'MISE_A_DISPOSITION', idDestinataire: buyer1 });
	downloaded.factureTelechargeeParDestinataire = true;
	store.addAction(downloaded.idFacture, 'TELECHARGEMENT_FACTURE');
	add({ age: 8, statut: 'SUSPENDUE', motif: 'Bon de livraison manquant', idDestinataire: buyer1 });
	const rejected = add({ age: 10, statut: 'REJETEE', motif: 'Montant erroné', idDestinataire: buyer1 });
	add({ age: 12, statut: 'A_RECYCLER', motif: 'Mauvais service exécutant', idDestinataire: buyer1 });
	add({ age: 15, statut: 'SERVICE_FAIT', idDestinataire: buyer1 });
	add({ age: 20, statut: 'MANDATEE', idDestinataire: buyer1, numeroDpMandat: 'M-2025-004512' });
	add({ age: 30, statut: 'MISE_EN_PAIEMENT', idDestinataire: buyer1, numeroDpMandat: 'M-2025-003901' });
	const fromFlux = add({ age: 4, statut: 'MISE_A_DISPOSITION', idDestinataire: buyer2, idServiceExecutant: svc(buyer2, 'ACHATS'), numeroBonCommande: d.engagements[0], modeDepot: 'UPLOAD_API' });
	add({ age: 25, statut: 'COMPTABILISEE', idDestinataire: buyer2, idServiceExecutant: svc(buyer2, 'PHARMACIE'), numeroBonCommande: d.engagements[1] });
	add({
		age: 2, statut: 'MISE_A_DISPOSITION', idDestinataire: buyer1, typeFacture: 'AVOIR', numeroFacture: `AV${year}-0001`,
		numeroFactureOrigine: rejected.numeroFacture, montantHT: 100,
	});
	add({ age: 0, statut: 'DEPOSEE', idDestinataire: buyer2, idServiceExecutant: svc(buyer2, 'ACHATS'), numeroBonCommande: d.engagements[0] });
	add({
		age: 1, statut: 'A_VALIDER_1', idFournisseur: d.partner.idStructureCPP, idDestinataire: buyer1,
		cadreFacturation: 'A9_FACTURE_SOUSTRAITANT', idValideur1: d.supplier.idStructureCPP, numeroFacture: `ST${year}-0001`,
	});
	add({
		age: 6, statut: 'ERREUR_FOURNISSEUR_SUR_VALIDEUR', idDestinataire: buyer1, cadreFacturation: 'A9_FACTURE_SOUSTRAITANT',
		idValideur1: d.buyerWithEngagement.idStructureCPP, motif: 'Le valideur désigné ne correspond pas au titulaire du marché',
	});

	const integrated = store.newFluxNumber();
	fromFlux.numeroFluxDepot = integrated;
	store.flux.set(integrated, {
		numeroFluxDepot: integrated,
		nomFichier: `${fromFlux.numeroFacture}.xml`,
		syntaxeFlux: 'IN_DP_E1_UBL_INVOICE',
		avecSignature: false,
		dateDepot: daysAgo(4, 8),
		bytes: Buffer.from('<Invoice/>'),
		idFournisseurParDefaut: d.supplier.idStructureCPP,
		etat: 'IN_INTEGRE',
		dateHeureEtat: daysAgo(4, 9),
		observations: 3,
		listeErreurDP: [],
		listeErreurTechnique: [],
		invoiceIds: [fromFlux.idFacture],
	});
	const rejectedFlux = store.newFluxNumber();
	store.flux.set(rejectedFlux, {
		numeroFluxDepot: rejectedFlux,
		nomFichier: 'lot-mars.tar.gz',
		syntaxeFlux: 'IN_DP_E1_CII_16B',
		avecSignature: false,
		dateDepot: daysAgo(7, 8),
		bytes: Buffer.alloc(0),
		idFournisseurParDefaut: d.supplier.idStructureCPP,
		etat: 'IN_REJETE',
		dateHeureEtat: daysAgo(7, 10),
		observations: 3,
		listeErreurDP: [],
		listeErreurTechnique: [
			{ codeErreur: 'ERR_XSD_001', natureErreur: 'TECHNIQUE', libelleErreur: "Le fichier n'est pas conforme au schéma." },
		],
		invoiceIds: [],
	});
}
