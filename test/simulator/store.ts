/**
 * The simulator's state: structures and their services, the technical account and its attachments,
 * invoices with their history, flux deposits, stored files, API subscriptions. Handlers read and change it;
 * tests reach it as `sim.store` to arrange a scene (`addInvoice`, `setStatus`, `bulkInvoices`,
 * `setFluxOutcome`, `unsubscribe`, …) and to assert on the outcome.
 */
import { toDay } from './dates';
import { canonicalPath, DEFAULT_RECIPIENT_TRANSITIONS } from './factures/lifecycle';
import { seedCommitments, type EngagementState } from './seed-engagements';
import { seedG2b, type G2bState } from './seed-g2b';
import { seedTransverse, type TransverseState } from './seed-transverse';
import { seedWorks, type WorksState } from './seed-travaux';

export interface Address {
	adresse: string;
	complementAdresse1?: string | null;
	complementAdresse2?: string | null;
	codePostal: string;
	ville: string;
	pays: string;
}

export interface Service {
	idService: number;
	codeService: string;
	libelleService: string;
	description?: string;
	estActif: boolean;
	/** `consulter/service` parametres.numeroEngagement: a commitment number is required for this service. */
	engagementObligatoire: boolean;
	miseEnPaiement: boolean;
	dateDebut: Date;
	dateFin: Date | null;
}

export interface StructureParametres {
	codeServiceDoitEtreRenseigne: boolean;
	numeroEJDoitEtreRenseigne: boolean;
	gestionNumeroEJOuCodeService: boolean;
	connexionEDI: boolean;
	estMoaUniquement: boolean;
	aMoa: boolean;
	estValideurDelegue: boolean;
	nonDiffusibleInsee: boolean;
	recevoirDonneesViaEDI: boolean;
	statutMiseEnPaiementNestPasRemonte: boolean;
}

export interface BankAccount {
	idCoordonneeBancaire: number;
	nomCoordonneeBancaire: string;
	iban: string;
	bic: string;
}

export interface Structure {
	idStructureCPP: number;
	identifiant: string;
	typeIdentifiant: string;
	raisonSociale: string;
	typeStructure: 'PUBLIQUE' | 'PRIVEE';
	statut: 'ACTIVE' | 'INACTIVE';
	email: string | null;
	numeroTVA: string | null;
	numeroRcs: string | null;
	adresse: Address;
	parametres: StructureParametres;
	services: Service[];
	/** Commitment numbers (engagements juridiques) known for this buyer. */
	engagements: string[];
	coordonneesBancaires: BankAccount[];
}

export interface User {
	idUtilisateur: number;
	prenom: string;
	nom: string;
	email: string;
	telephone: string | null;
}

export type Role = 'fournisseur' | 'destinataire' | 'valideur';

export interface StatusEntry {
	id: number;
	code: string;
	at: Date;
	commentaire: string | null;
	user: User | null;
}

export interface ActionEntry {
	id: number;
	code: 'TELECHARGEMENT_FACTURE' | 'ACQUITTEMENT_REJET' | 'ACQUITTEMENT_SUSPENSION' | 'TRAITEMENT_REJET';
	at: Date;
	user: User | null;
}

export interface EventEntry {
	id: number;
	libelle: string;
	qui: string;
	at: Date;
}

export interface InvoiceLine {
	numero: number;
	reference: string | null;
	denomination: string | null;
	quantite: number;
	unite: string | null;
	montantUnitaireHT: number;
	montantRemiseHT: number;
	tauxTva: string | null;
	tauxTvaManuel: number | null;
}

export interface VatLine {
	taux: string | null;
	base: number;
	montant: number;
	tauxManuel: number | null;
}

export interface InvoiceAttachment {
	idLiaison: number;
	pieceJointeId: number;
	designation: string;
	typeCode: string;
	numeroLigne: number | null;
}

export interface Invoice {
	idFacture: number;
	numeroFacture: string;
	typeDemandePaiement: string;
	typeFacture: string;
	typeFactureTravaux: string | null;
	cadreFacturation: string;
	modeDepot: string;
	idFournisseur: number;
	idServiceFournisseur: number | null;
	idCoordonneeBancaire: number | null;
	idDestinataire: number;
	idServiceExecutant: number | null;
	idValideur1: number | null;
	idServiceValideur1: number | null;
	dateValidation1: Date | null;
	idValideur2: number | null;
	dateValidation2: Date | null;
	/** "YYYY-MM-DD" as sent. */
	dateFacture: string;
	dateDepot: Date;
	devise: string;
	typeTva: string;
	motifExonerationTva: string | null;
	modePaiement: string;
	numeroMarche: string | null;
	numeroBonCommande: string | null;
	numeroFactureOrigine: string | null;
	numeroDpMandat: string | null;
	montantHT: number;
	montantTVA: number;
	montantTTC: number;
	montantRemiseGlobaleTTC: number;
	motifRemiseGlobaleTTC: string | null;
	montantAPayer: number;
	statut: string;
	dateHeureEtatCourant: Date;
	commentaireEtatCourant: string | null;
	factureTelechargeeParDestinataire: boolean;
	rejetTraite: boolean;
	numeroFluxDepot: string | null;
	commentaire: string | null;
	lignesPoste: InvoiceLine[];
	lignesTva: VatLine[];
	pieceJointePrincipale: { idLiaison: number; pieceJointeId: number; designation: string } | null;
	piecesJointes: InvoiceAttachment[];
	/** Size in bytes of the invoice file (downloads, `recupererTaille`); null = size of the generated PDF. */
	taille: number | null;
	historique: StatusEntry[];
	actions: ActionEntry[];
	evenements: EventEntry[];
}

export interface StoredFile {
	pieceJointeId: number;
	nom: string;
	typeMime: string;
	extension: string;
	bytes: Buffer;
	at: Date;
}

export type FluxOutcome =
	| 'IN_INTEGRE'
	| 'IN_INTEGRE_PARTIEL'
	| 'IN_REJETE'
	| 'IN_INCIDENTE'
	| 'IN_EN_ATTENTE_RETRAITEMENT_CPP';

export interface ErreurDP {
	numeroDP: string;
	identifiantFournisseur: string;
	identifiantDestinataire: string;
	libelleErreurDP: string;
}

export interface ErreurTechnique {
	codeErreur: string;
	libelleErreur: string;
	natureErreur: string;
}

export interface ForcedOutcome {
	etat: FluxOutcome;
	listeErreurDP?: ErreurDP[];
	listeErreurTechnique?: ErreurTechnique[];
}

export interface FluxRecord {
	numeroFluxDepot: string;
	nomFichier: string;
	syntaxeFlux: string;
	avecSignature: boolean;
	dateDepot: Date;
	bytes: Buffer;
	/** Supplier structure of the depositing account (default supplier of parsed invoices). */
	idFournisseurParDefaut: number;
	etat: string;
	dateHeureEtat: Date;
	/** consulterCR(Detaille) calls seen so far; the flux moves one state per call. */
	observations: number;
	forced?: ForcedOutcome;
	listeErreurDP: ErreurDP[];
	listeErreurTechnique: ErreurTechnique[];
	invoiceIds: number[];
}

export interface TechnicalAccount {
	user: User;
	/** Structures the account may invoice from (`recuperer/structures/actives/fournisseur`). */
	fournisseur: Set<number>;
	/** Structures whose received invoices the account may read and process. */
	destinataire: Set<number>;
	/** Structures for which the account validates invoices (A9/A12 frameworks). */
	valideur: Set<number>;
}

export interface SetStatusOptions {
	at?: Date;
	motif?: string | null;
	user?: User | null;
}

/** What a test may give `addInvoice`; everything else gets a plausible default. */
export type InvoiceInput = Partial<Invoice> & { statut?: string; motif?: string };

const FIRST_IDS = { invoice: 5_000_100_001, file: 7_412_000_001, history: 1, flux: 1 };

export class SimulatorStore {
	readonly structures = new Map<number, Structure>();
	readonly invoices = new Map<number, Invoice>();
	readonly flux = new Map<string, FluxRecord>();
	readonly files = new Map<number, StoredFile>();
	readonly account: TechnicalAccount;
	/** Recipient transitions (`traiter/recue`, `recuperer/etats/traitement`); change it to test other matrices. */
	transitions: Record<string, string[]> = structuredClone(DEFAULT_RECIPIENT_TRANSITIONS);
	/**
	 * `immediate` (default): a deposited invoice is routed at once (DEPOSEE → MISE_A_DISPOSITION, both in the
	 * history); `manual`: it stays DEPOSEE until `store.route(idFacture)`.
	 */
	routing: 'immediate' | 'manual' = 'immediate';
	/** consulterCRDetaille calls a flux shows a pending state before its final state (0 = final at once). */
	fluxPendingObservations = 2;
	/**
	 * When set, a flux also moves one state per this many milliseconds of the store clock since its deposit
	 * (whichever of calls and elapsed time is further wins), e.g. to model a platform that takes minutes.
	 */
	fluxStateDurationMs?: number;
	/** Outcome forced on the next deposited flux (then cleared). */
	nextFluxOutcome?: ForcedOutcome;

	private readonly unsubscribed = new Set<string>();
	private worksState?: WorksState;
	private engagementsState?: EngagementState;
	private transverseState?: TransverseState;
	private g2bState?: G2bState;
	private nextInvoiceId = FIRST_IDS.invoice;
	private nextFileId = FIRST_IDS.file;
	private nextHistoryId = FIRST_IDS.history;
	private nextFluxSeq = FIRST_IDS.flux;

	constructor(readonly clock: () => Date, user: User) {
		this.account = { user, fournisseur: new Set(), destinataire: new Set(), valideur: new Set() };
	}

	now(): Date {
		return this.clock();
	}

	// ---- the APIs modelled from the tables of docs/api-notes.md (seed-*.ts) -----------------------------------------
	// Each part is seeded the first time it is read, from what the store holds then (structures, the account's
	// links, the link ids already given), as it always was: a test that empties or reseeds the core first sees
	// the matching part.

	/** Works invoices (Factures Travaux). */
	get works(): WorksState {
		return (this.worksState ??= seedWorks(this));
	}

	/** Commitments (Engagements, engagementsJuridiques). */
	get engagements(): EngagementState {
		return (this.engagementsState ??= seedCommitments(this));
	}

	/** Attachments of structures and support requests (Transverses). */
	get transverse(): TransverseState {
		return (this.transverseState ??= seedTransverse(this));
	}

	/** The G2B / PPF side: directory, organisations, flux, invoices, e-reporting transmissions. */
	get g2b(): G2bState {
		return (this.g2bState ??= seedG2b());
	}

	// ---- subscriptions (PISTE application) -------------------------------------------------------------

	/** Routes of this API group answer 403 (empty body) until `subscribe`. */
	unsubscribe(api: string): void {
		this.unsubscribed.add(api);
	}

	subscribe(api: string): void {
		this.unsubscribed.delete(api);
	}

	isSubscribed(api: string): boolean {
		return !this.unsubscribed.has(api);
	}

	// ---- structures ------------------------------------------------------------------------------------

	addStructure(structure: Structure): Structure {
		this.structures.set(structure.idStructureCPP, structure);
		return structure;
	}

	structure(id: number | null | undefined): Structure | undefined {
		return id === null || id === undefined ? undefined : this.structures.get(id);
	}

	/** By identifier (SIRET, …), optionally by type. */
	structureByIdentifiant(identifiant: string, type?: string): Structure | undefined {
		for (const s of this.structures.values()) {
			if (s.identifiant === identifiant && (!type || s.typeIdentifiant === type)) return s;
		}
		return undefined;
	}

	service(idStructure: number | null | undefined, idService: number | null | undefined): Service | undefined {
		if (idService === null || idService === undefined) return undefined;
		return this.structure(idStructure)?.services.find((s) => s.idService === idService);
	}

	attach(idStructure: number, role: Role): void {
		this.account[role].add(idStructure);
	}

	detach(idStructure: number, role: Role): void {
		this.account[role].delete(idStructure);
	}

	// ---- stored files ----------------------------------------------------------------------------------

	addFile(file: Omit<StoredFile, 'pieceJointeId' | 'at'> & { at?: Date }): StoredFile {
		const stored: StoredFile = { ...file, pieceJointeId: this.nextFileId++, at: file.at ?? this.now() };
		this.files.set(stored.pieceJointeId, stored);
		return stored;
	}

	nextLinkId(): number {
		return this.nextFileId++;
	}

	// ---- invoices --------------------------------------------------------------------------------------

	invoice(id: number | null | undefined): Invoice | undefined {
		return id === null || id === undefined ? undefined : this.invoices.get(id);
	}

	private defaultSupplier(): number {
		const first = this.account.fournisseur.values().next().value;
		if (first !== undefined) return first;
		const any = [...this.structures.values()].find((s) => s.typeStructure === 'PRIVEE');
		if (!any) throw new Error('Simulator store: no supplier structure; add one first');
		return any.idStructureCPP;
	}

	private defaultRecipient(): number {
		const first = this.account.destinataire.values().next().value;
		if (first !== undefined) return first;
		const any = [...this.structures.values()].find((s) => s.typeStructure === 'PUBLIQUE');
		if (!any) throw new Error('Simulator store: no public structure; add one first');
		return any.idStructureCPP;
	}

	/**
	 * Adds an invoice. Defaults: issued by the account's first supplier structure to its first recipient
	 * structure (first active service), 1000 € HT + 20 % VAT, today, status MISE_A_DISPOSITION, with the history
	 * of the statuses that lead to `statut` (last entry carrying `motif`).
	 */
	addInvoice(input: InvoiceInput = {}): Invoice {
		const now = this.now();
		const { statut: target = 'MISE_A_DISPOSITION', motif, ...given } = input;
		const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<Invoice>;
		const idDestinataire = fields.idDestinataire ?? this.defaultRecipient();
		const recipient = this.structure(idDestinataire);
		const montantHT = fields.montantHT ?? 1000;
		const montantTVA = fields.montantTVA ?? Math.round(montantHT * 20) / 100;
		const montantTTC = fields.montantTTC ?? Math.round((montantHT + montantTVA) * 100) / 100;
		const idFacture = fields.idFacture ?? this.nextInvoiceId++;
		if (idFacture >= this.nextInvoiceId) this.nextInvoiceId = idFacture + 1;
		const dateDepot = fields.dateDepot ?? now;
		const invoice: Invoice = {
			idFacture,
			numeroFacture: `F${toDay(dateDepot).slice(0, 4)}-${String(idFacture % 1_000_000).padStart(6, '0')}`,
			typeDemandePaiement: 'FACTURE',
			typeFacture: 'FACTURE',
			typeFactureTravaux: null,
			cadreFacturation: 'A1_FACTURE_FOURNISSEUR',
			modeDepot: 'SAISIE_API',
			idFournisseur: this.defaultSupplier(),
			idServiceFournisseur: null,
			idCoordonneeBancaire: null,
			idDestinataire,
			idServiceExecutant: recipient?.services.find((s) => s.estActif)?.idService ?? null,
			idValideur1: null,
			idServiceValideur1: null,
			dateValidation1: null,
			idValideur2: null,
			dateValidation2: null,
			dateFacture: toDay(dateDepot),
			dateDepot,
			devise: 'EUR',
			typeTva: 'TVA_SUR_DEBIT',
			motifExonerationTva: null,
			modePaiement: 'VIREMENT',
			numeroMarche: null,
			numeroBonCommande: null,
			numeroFactureOrigine: null,
			numeroDpMandat: null,
			montantHT,
			montantTVA,
			montantTTC,
			montantRemiseGlobaleTTC: 0,
			motifRemiseGlobaleTTC: null,
			montantAPayer: fields.montantAPayer ?? montantTTC,
			statut: target,
			dateHeureEtatCourant: dateDepot,
			commentaireEtatCourant: null,
			factureTelechargeeParDestinataire: false,
			rejetTraite: false,
			numeroFluxDepot: null,
			commentaire: null,
			lignesPoste: [
				{
					numero: 1, reference: 'PREST-01', denomination: 'Prestation', quantite: 1, unite: 'lot',
					montantUnitaireHT: montantHT, montantRemiseHT: 0, tauxTva: 'TVA5', tauxTvaManuel: null,
				},
			],
			lignesTva: [{ taux: 'TVA5', base: montantHT, montant: montantTVA, tauxManuel: null }],
			pieceJointePrincipale: null,
			piecesJointes: [],
			taille: null,
			historique: [],
			actions: [],
			evenements: [],
			...fields,
		};
		if (!input.historique) {
			const path = canonicalPath(target);
			const last = input.dateHeureEtatCourant ?? (path.length > 1 && dateDepot < now ? now : dateDepot);
			const step = path.length > 1 ? (last.getTime() - dateDepot.getTime()) / (path.length - 1) : 0;
			path.forEach((code, i) => {
				const at = new Date(dateDepot.getTime() + Math.round(step * i));
				const isLast = i === path.length - 1;
				invoice.historique.push(this.historyEntry(code, at, isLast ? (motif ?? null) : null, null));
			});
			invoice.dateHeureEtatCourant = last;
			invoice.commentaireEtatCourant = motif ?? null;
		}
		this.invoices.set(invoice.idFacture, invoice);
		return invoice;
	}

	/**
	 * Fast creation of `count` received invoices (benchmarks, pagination tests): MISE_A_DISPOSITION unless
	 * `template.statut` says otherwise, deposited one minute apart ending now, numbered BULK-000001…
	 */
	bulkInvoices(count: number, template: InvoiceInput = {}): number[] {
		const ids: number[] = [];
		const end = this.now().getTime();
		const idDestinataire = template.idDestinataire ?? this.defaultRecipient();
		const idFournisseur = template.idFournisseur ?? this.defaultSupplier();
		const statut = template.statut ?? 'MISE_A_DISPOSITION';
		const idServiceExecutant =
			template.idServiceExecutant ?? this.structure(idDestinataire)?.services.find((s) => s.estActif)?.idService ?? null;
		const path = canonicalPath(statut);
		const days = new Map<number, string>();
		for (let i = 0; i < count; i++) {
			const dateDepot = new Date(end - (count - i) * 60_000);
			const dayKey = Math.floor(dateDepot.getTime() / 3_600_000);
			let day = days.get(dayKey);
			if (!day) days.set(dayKey, (day = toDay(dateDepot)));
			const montantHT = 100 + (i % 97) * 10;
			const invoice = this.addInvoice({
				...template,
				statut,
				idDestinataire,
				idFournisseur,
				idServiceExecutant,
				numeroFacture: `BULK-${String(i + 1).padStart(6, '0')}`,
				dateFacture: day,
				dateDepot,
				dateHeureEtatCourant: dateDepot,
				montantHT,
				historique: path.map((code) => this.historyEntry(code, dateDepot, null, null)),
			});
			ids.push(invoice.idFacture);
		}
		return ids;
	}

	historyEntry(code: string, at: Date, commentaire: string | null, user: User | null): StatusEntry {
		return { id: this.nextHistoryId++, code, at, commentaire, user };
	}

	/** Moves an invoice to `statut`: appends history, updates dateHeureEtatCourant / commentaireEtatCourant. */
	setStatus(idFacture: number, statut: string, options: SetStatusOptions = {}): Invoice {
		const invoice = this.invoices.get(idFacture);
		if (!invoice) throw new Error(`Simulator store: no invoice ${idFacture}`);
		const at = options.at ?? this.now();
		const motif = options.motif ?? null;
		invoice.statut = statut;
		invoice.dateHeureEtatCourant = at;
		invoice.commentaireEtatCourant = motif;
		invoice.historique.push(this.historyEntry(statut, at, motif, options.user === undefined ? null : options.user));
		return invoice;
	}

	/** Chorus Pro's own routing of a deposited invoice: DEPOSEE → MISE_A_DISPOSITION. */
	route(idFacture: number): Invoice {
		const invoice = this.invoices.get(idFacture);
		if (!invoice) throw new Error(`Simulator store: no invoice ${idFacture}`);
		if (invoice.statut !== 'DEPOSEE') return invoice;
		return this.setStatus(idFacture, 'MISE_A_DISPOSITION');
	}

	/** A deposited invoice enters DEPOSEE (history), then is routed unless `routing` is manual. */
	deposit(invoice: Invoice, user: User | null): Invoice {
		this.setStatus(invoice.idFacture, 'DEPOSEE', { user });
		if (this.routing === 'immediate') this.route(invoice.idFacture);
		return invoice;
	}

	addAction(idFacture: number, code: ActionEntry['code'], user: User | null = this.account.user): void {
		const invoice = this.invoices.get(idFacture);
		if (!invoice) throw new Error(`Simulator store: no invoice ${idFacture}`);
		invoice.actions.push({ id: invoice.actions.length + 1, code, at: this.now(), user });
	}

	newInvoiceId(): number {
		return this.nextInvoiceId++;
	}

	// ---- flux ------------------------------------------------------------------------------------------

	/** `CPP` + 22 digits (docs/api-notes.md §14.1). */
	newFluxNumber(): string {
		return `CPP00111${String(this.nextFluxSeq++).padStart(17, '0')}`;
	}

	/** Forces the final state (and errors) of a deposited flux; invoices are created accordingly when it settles. */
	setFluxOutcome(
		numeroFluxDepot: string,
		etat: FluxOutcome,
		errors: { listeErreurDP?: ErreurDP[]; listeErreurTechnique?: ErreurTechnique[] } = {},
	): void {
		const flux = this.flux.get(numeroFluxDepot);
		if (!flux) throw new Error(`Simulator store: no flux ${numeroFluxDepot}`);
		flux.forced = { etat, ...errors };
	}

	/** Forces the outcome of the next flux deposited (when the test cannot know its number in advance). */
	setNextFluxOutcome(
		etat: FluxOutcome,
		errors: { listeErreurDP?: ErreurDP[]; listeErreurTechnique?: ErreurTechnique[] } = {},
	): void {
		this.nextFluxOutcome = { etat, ...errors };
	}
}
