/**
 * Data and state of the G2B simulator modules (Annuaire G2B, Référentiel des Organisations, Flux G2B, Factures
 * G2B, e-reporting). The G2B directory holds the seed structures of `seed.ts` as PPF-shaped legal units,
 * establishments, routing codes and directory lines (docs/api-notes.md §10.2); the Référentiel des Organisations holds
 * them as §9 resources with UUIDs. SIRENs and SIRETs pass the Luhn check.
 */
import { minimalPdf } from './factures/documents';
import type { Json } from './ppf';

export const G2B_IDS = {
	buyer: { siren: '217500016', siret: '21750001600019', siret2: '21750001600027', name: 'COMMUNE DE EXEMPLEVILLE' },
	hospital: { siren: '266901230', siret: '26690123000018', name: 'CENTRE HOSPITALIER DE DEMOVILLE' },
	supplier: { siren: '845123454', siret: '84512345400017', name: 'ATELIER EXEMPLE SAS' },
	ceased: { siren: '512345679', siret: '51234567900017', name: 'PARTENAIRE BTP SARL' },
	routingCode: 'FACTURES_PUBLIQUES',
	/** Référentiel des Organisations UUIDs (32 hex characters, docs/api-notes.md §9). */
	orgSirenUuid: '1a2b3c4d5e6f708192a3b4c5d6e7f801',
	orgStructureUuid: '006accaa8785cd10dd5fc80e8bbb35f4',
	orgOtherStructureUuid: '7f00aa11bb22cc33dd44ee55ff660077',
	/** The service the sandbox-tested client reads (replay corpus: organisations/service-get). */
	orgServiceUuid: '1c6a84a61b49cd1065eac656464bcbde',
	orgAttachmentUuid: 'aa00bb11cc22dd33ee44ff5566778899',
	orgBankUuid: 'bb11cc22dd33ee44ff55667788990011',
	orgBankAttachmentUuid: 'cc22dd33ee44ff556677889900112233',
} as const;

const history = (idInstance: number, date = '2024-09-01') => ({
	dateDefinition: `${date}T08:00:00Z`,
	dateDebutEffet: date,
	creePar: 'INSEE',
	masque: false,
	idInstance,
});

const address = (ligne1: string, codePostal: string, localite: string) => ({
	ligneAdresse1: ligne1,
	codePostal,
	localite,
	codePays: 'FR',
	libellePays: 'France',
});

function directory(): { legalUnits: Json[]; establishments: Json[]; routingCodes: Json[]; lines: Json[] } {
	const ids = G2B_IDS;
	const legalUnits: Json[] = [
		{ siren: ids.buyer.siren, raisonSociale: ids.buyer.name, typeEntite: 'Publique', etatAdministratif: 'A', diffusible: 'O', historisation: history(101) },
		{ siren: ids.hospital.siren, raisonSociale: ids.hospital.name, typeEntite: 'Publique', etatAdministratif: 'A', diffusible: 'O', historisation: history(102) },
		{ siren: ids.supplier.siren, raisonSociale: ids.supplier.name, typeEntite: 'Privée assujettie', etatAdministratif: 'A', diffusible: 'O', historisation: history(103) },
		{ siren: ids.ceased.siren, raisonSociale: ids.ceased.name, typeEntite: 'Privée assujettie', etatAdministratif: 'C', diffusible: 'P', historisation: history(104) },
	];
	const b2g = (ej: boolean) => ({
		moa: false,
		moaUniquement: false,
		gestionStatutMiseEnPaiement: true,
		gestionEngagementJuridique: ej,
		gestionEngagementJuridiqueOuService: false,
		gestionCodeService: true,
	});
	const establishments: Json[] = [
		{ siret: ids.buyer.siret, siren: ids.buyer.siren, denomination: 'MAIRIE DE EXEMPLEVILLE', typeEtablissement: 'P', diffusible: 'O', etatAdministratif: 'A', adresse: address('1 PLACE DE LA MAIRIE', '75001', 'PARIS'), historisation: history(201), donneesB2gComplementaires: b2g(false) },
		{ siret: ids.buyer.siret2, siren: ids.buyer.siren, denomination: 'SERVICES TECHNIQUES EXEMPLEVILLE', typeEtablissement: 'S', diffusible: 'O', etatAdministratif: 'A', adresse: address('12 RUE DES ATELIERS', '75012', 'PARIS'), historisation: history(202), donneesB2gComplementaires: b2g(false) },
		{ siret: ids.hospital.siret, siren: ids.hospital.siren, denomination: ids.hospital.name, typeEtablissement: 'P', diffusible: 'O', etatAdministratif: 'A', adresse: address('5 AVENUE DU CHU', '69003', 'LYON'), historisation: history(203), donneesB2gComplementaires: b2g(true) },
		{ siret: ids.supplier.siret, siren: ids.supplier.siren, denomination: ids.supplier.name, typeEtablissement: 'P', diffusible: 'O', etatAdministratif: 'A', adresse: address('10 RUE DE L EXEMPLE', '69001', 'LYON'), historisation: history(204) },
		{ siret: ids.ceased.siret, siren: ids.ceased.siren, denomination: ids.ceased.name, typeEtablissement: 'P', diffusible: 'P', etatAdministratif: 'F', adresse: address('3 CHEMIN DU CHANTIER', '13001', 'MARSEILLE'), historisation: history(205) },
	];
	const routingCodes: Json[] = [
		{ identifiantRoutage: ids.routingCode, siret: ids.buyer.siret, typeIdentifiantRoutage: '0224', libelleCodeRoutage: 'Service des factures publiques', gestionEngagementJuridique: false, etatAdministratif: 'A', adresse: address('1 PLACE DE LA MAIRIE', '75001', 'PARIS'), historisation: history(301) },
		{ identifiantRoutage: 'SERV-TECH', siret: ids.buyer.siret2, typeIdentifiantRoutage: '0224', libelleCodeRoutage: 'Services techniques', gestionEngagementJuridique: true, etatAdministratif: 'A', adresse: address('12 RUE DES ATELIERS', '75012', 'PARIS'), historisation: history(302) },
		{ identifiantRoutage: 'PHARMACIE', siret: ids.hospital.siret, typeIdentifiantRoutage: '0224', libelleCodeRoutage: 'Pharmacie centrale', gestionEngagementJuridique: true, etatAdministratif: 'F', adresse: address('5 AVENUE DU CHU', '69003', 'LYON'), historisation: history(303) },
	];
	// G2B removes the chosen platform's data (annex §3.2.1): no `plateforme` / `matriculePlateforme` here.
	const lines = [
		{ identifiantAdressage: `${ids.buyer.siren}`, siren: ids.buyer.siren, dateFinEffet: null, historisation: history(401) },
		{ identifiantAdressage: `${ids.buyer.siren}_${ids.buyer.siret}_${ids.routingCode}`, siren: ids.buyer.siren, siret: ids.buyer.siret, identifiantRoutage: ids.routingCode, dateFinEffet: null, historisation: history(402) },
		{ identifiantAdressage: `${ids.hospital.siren}_${ids.hospital.siret}`, siren: ids.hospital.siren, siret: ids.hospital.siret, dateFinEffet: null, historisation: history(403) },
		{ identifiantAdressage: `${ids.supplier.siren}`, siren: ids.supplier.siren, dateFinEffet: null, historisation: history(404) },
	];
	// The example entity of the PPF annuaire OpenAPI 1.11.0 (replay corpus: samples/g2bAnnuaire), as it shows it.
	const example = { dateDebutEffet: '2023-01-01', creePar: 'duponta', masque: true, idInstance: 120 };
	const exampleAddress = { ligneAdresse1: '16 BIS RUE HENRI BARBUSSE', ligneAdresse2: 'CEDEX 1', ligneAdresse3: 'Bâtiment le Callipso', codePostal: '38100', subDivisionPays: 'Bretagne', localite: 'Grenoble', codePays: 'FR', libellePays: 'France' };
	legalUnits.push({ siren: '702042755', raisonSociale: 'Boulangerie Pascale', typeEntite: 'Publique', etatAdministratif: 'A', diffusible: 'O', historisation: example });
	establishments.push({ siret: '70204275500240', siren: '702042755', denomination: 'Boulangerie Pascale', typeEtablissement: 'P', diffusible: 'O', etatAdministratif: 'A', adresse: exampleAddress, historisation: example, donneesB2gComplementaires: { moa: true, moaUniquement: true, gestionStatutMiseEnPaiement: true, gestionEngagementJuridique: true, gestionEngagementJuridiqueOuService: true, gestionCodeService: true } });
	routingCodes.push({ identifiantRoutage: 'dcsc456sdcsdcs556', siret: '70204275500240', typeIdentifiantRoutage: '0224', libelleCodeRoutage: 'Libelle Code routage', gestionEngagementJuridique: true, etatAdministratif: 'A', adresse: exampleAddress, historisation: example });
	return { legalUnits, establishments, routingCodes, lines };
}

// --- Référentiel des Organisations (docs/api-notes.md §9) ---------------------------------------------------------

export interface OrgFile {
	uuid: string;
	fileName: string;
	contentType: string;
	bytes: Buffer;
}

export interface OrgStructure extends Json {
	uuid: string;
	identifiant: string;
	numeroTvaIntracommunautaire: string;
}

function organisations() {
	const ids = G2B_IDS;
	const stamp = '2022-09-14 13:00:08';
	const structure = (uuid: string, siret: string, name: string, typeOrganisation: string, tva: string, extra: Json = {}): OrgStructure => ({
		uuid,
		identifiant: siret,
		typeIdentifiant: '0',
		libelleOrganisation: name,
		raisonSociale: name,
		nomStructure: '',
		prenomStructure: '',
		numeroTvaIntracommunautaire: tva,
		typeOrganisation,
		status: 'active',
		contactPrincipal: '',
		organisationParent: '',
		adresse: '1 PLACE DE LA MAIRIE',
		complementAdresse1: '',
		complementAdresse2: '',
		codePostal: '75001',
		ville: 'PARIS',
		pays: 'France',
		adresseElectronique: '',
		telephone: '',
		numeroEjDoitEtreRenseigne: false,
		codeServiceDoitEtreRenseigne: false,
		estCentreGestionAgricole: false,
		numeroPacage: 0,
		recevoirCyclesViesEdi: false,
		emetteurFluxEdi: false,
		nonDiffusibleInsee: false,
		parametresEdi: { reception_edi: false, connexion_edi: false },
		derniereMaj: stamp,
		// Fields the sandbox answers for a structure (replay corpus: organisations/structure-get).
		gestionNumeroEJOuCodeService: false,
		categorieFournisseurMemoireId: 0,
		categorieBeneficiaireId: 0,
		numeroRcsStructure: '',
		statutMiseEnPaiementNestPasRemonte: false,
		avecMOA: false,
		estMOAUniquement: false,
		structureOrigine: 0,
		categorieJuridique: '',
		categorieEntreprise: '',
		...extra,
	});
	const structures: OrgStructure[] = [
		structure(ids.orgStructureUuid, ids.buyer.siret, ids.buyer.name, 'public', 'FR45217500016'),
		structure(ids.orgOtherStructureUuid, ids.hospital.siret, ids.hospital.name, 'public', 'FR12266901230', {
			codePostal: '69003',
			ville: 'LYON',
			numeroEjDoitEtreRenseigne: true,
		}),
	];
	const services: Json[] = [
		{
			uuid: ids.orgServiceUuid,
			codeService: 'FACTURES_PUBLIQUES',
			libelle: 'Service des factures publiques',
			description: '',
			rattachementOrganisation: ids.orgStructureUuid,
			dateCreation: '2020-01-01T08:00:00Z',
			dateDebutActivation: '2020-01-01T08:00:00Z',
			dateFinActivation: null,
			dateModification: null,
			dateSuppression: null,
			etatService: 'ACTIF',
			adresse: '1 PLACE DE LA MAIRIE',
			complementAdresse1: '',
			complementAdresse2: '',
			codePostal: '75001',
			ville: 'PARIS',
			pays: 'France',
			telephone: '',
			numeroEj: false,
			derniereMaj: stamp,
		},
	];
	const sirens: Json[] = [
		{ uuid: ids.orgSirenUuid, siren: ids.buyer.siren, raisonSociale: ids.buyer.name, typeOrganisation: 'public', status: 'active', derniereMaj: stamp },
	];
	const kbis: OrgFile = { uuid: ids.orgAttachmentUuid, fileName: 'deliberation-2024.pdf', contentType: 'application/pdf', bytes: minimalPdf('Délibération 2024', ['Pièce jointe de structure']) };
	const rib: OrgFile = { uuid: ids.orgBankAttachmentUuid, fileName: 'rib-tresor-public.pdf', contentType: 'application/pdf', bytes: minimalPdf('RIB Trésor public', ['FR76 3000 1007 9412 3456 7890 185']) };
	const bankDetails = [
		{ uuid: ids.orgBankUuid, titulaire: 'TRESOR PUBLIC', iban: 'FR7630001007941234567890185', bic: 'BDFEFRPPCCT', pieceJointe: rib.uuid, statut: 'VALIDE' },
	];
	return {
		structures,
		services,
		sirens,
		/** Attachments and bank details per owner UUID (structure or SIREN). */
		// The sandbox structure has none: the sandbox answers its list with 400 NotFoundReference (replay corpus).
		attachments: new Map<string, OrgFile[]>([
			[ids.orgOtherStructureUuid, [kbis]],
			[ids.orgSirenUuid, [kbis]],
		]),
		bankDetails: new Map<string, Json[]>([
			[ids.orgStructureUuid, bankDetails],
			[ids.orgSirenUuid, bankDetails],
		]),
		bankFiles: new Map<string, OrgFile>([[rib.uuid, rib]]),
		/** Structures the technical account manages (PATCH parametres-edi, POST /services). */
		managed: new Set<string>([ids.orgStructureUuid]),
	};
}

// --- flux, G2B invoices, e-reporting transmissions --------------------------------------------------------

export interface FluxEntry {
	name: string;
	bytes: Buffer;
}

export interface G2bFlux {
	idFlux: string;
	nomFichier: string;
	syntaxeFlux: string;
	empreinteSha256: string;
	dateDepot: string;
	tailleOctets: number;
	/** What the simulator extracted from the tar.gz (tests compare it byte for byte with the input). */
	entries: FluxEntry[];
	motifs: Array<{ code: string; libelle: string; fichier?: string }>;
	factures: string[];
	transmissions: string[];
}

export interface G2bInvoice extends Json {
	uidFacture: string;
	numeroFacture: string;
	idFlux: string;
	nomFichier: string;
	sirenFournisseur: string;
	sirenAcheteur: string | null;
	dateDepot: string;
	statut: string;
	libelleStatut: string;
	motif: string | null;
	dateStatut: string;
	historiqueStatuts: Array<{ statut: string; libelle: string; date: string; motif: string | null }>;
}

export interface Transmission extends Json {
	idTransmission: string;
	siren: string;
	nomFichier: string;
	dateDebutPeriode: string;
	dateFinPeriode: string;
	idFlux: string;
	dateDepot: string;
	statut: string;
	libelleStatut: string;
	motifs: Array<{ code: string; libelle: string }>;
	cyclesDeVie: Array<{ statut: string; libelle: string; date: string }>;
}

export interface G2bState {
	directory: ReturnType<typeof directory>;
	org: ReturnType<typeof organisations>;
	flux: Map<string, G2bFlux>;
	invoices: Map<string, G2bInvoice>;
	transmissions: Map<string, Transmission>;
	/** Seeded e-reporting transmission, so the search has something before any deposit. */
	nextSeq: number;
}

export function seedG2b(): G2bState {
	const state: G2bState = {
		directory: directory(),
		org: organisations(),
		flux: new Map(),
		invoices: new Map(),
		transmissions: new Map(),
		nextSeq: 1,
	};
	const seeded: Transmission = {
		idTransmission: 'ER-2026-000001',
		siren: G2B_IDS.buyer.siren,
		nomFichier: `${G2B_IDS.buyer.siren}_ER-2026-000001_20260101_20260131.xml`,
		dateDebutPeriode: '2026-01-01',
		dateFinPeriode: '2026-01-31',
		idFlux: 'G2B0000000000000000000000',
		dateDepot: '2026-02-02T09:00:00Z',
		statut: '301',
		libelleStatut: 'Rejetée',
		motifs: [{ code: 'REJ_COH', libelle: 'Montant total incohérent avec le détail des transactions' }],
		cyclesDeVie: [
			{ statut: '300', libelle: 'Déposée', date: '2026-02-02T09:00:00Z' },
			{ statut: '301', libelle: 'Rejetée', date: '2026-02-02T09:05:00Z' },
		],
	};
	state.transmissions.set(seeded.idTransmission, seeded);
	return state;
}

/** Flux ids: `G2B` + 22 digits (25 characters, like Chorus Pro flux numbers, docs/api-notes.md §14.1). */
export function newFluxId(state: G2bState): string {
	return `G2B${String(state.nextSeq++).padStart(22, '0')}`;
}
