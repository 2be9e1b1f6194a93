/**
 * Commitments (engagements juridiques), two APIs:
 * - the legacy services under `/cpro/engagementsJuridiques/v1`: `rechercher` (OCA/l10n-france calls it in
 *   production) and `consulterDetail`, with the bodies and answers of AIFE's examples
 *   (communaute.chorus-pro.gouv.fr/rechercher-engagement-juridique, /show-commiment-details);
 * - the "Engagements" API of 16/07/2025 (paths of table 4.1) under `/cpro/engagements/v1`, a prefix nobody
 *   published (the node's default, overridable in the credential). No Swagger is public: its methods and bodies
 *   are REST habits (see nodes/ChorusProEngagements/operations/commitment.ts), its search takes the legacy
 *   filters, with the Chorus envelope on every answer but the health check.
 * The lifecycle is in ../seed-engagements.ts.
 */
import { toIsoParis, toMinute, dayOf } from '../dates';
import { BusinessError, ok, paginate, readPage, sortBy } from '../envelope';
import { arrayOf, dateTime, int64, num, object, oneOf, PAGINATION, str } from '../modelKit';
import type { Router } from '../router';
import {
	COMMITMENT_TRANSITIONS,
	commitmentByNumber,
	commitmentPdf,
	type Commitment,
	type CommitmentState,
} from '../seed-engagements';
import { EXTENSIONS_PJ, PAYS } from '../referentials';
import { decodeBase64 } from '../factures/submission';
import type { Address, SimulatorStore } from '../store';
import type { Schema } from '../swagger';

const TYPES = ['BON_DE_COMMANDE', 'MARCHE', 'CONVENTION'];
const STATES = ['BROUILLON', 'COMMANDE', 'CLOTURE', 'ANNULE'];
const ID_TYPES = ['SIRET', 'UE_HORS_FRANCE', 'HORS_UE', 'RIDET', 'TAHITI', 'AUTRE', 'PARTICULIER'];
const FILE_MAX_BYTES = 10 * 1024 * 1024;

/** [sim] codes: the Engagements API's error catalogue is not public. */
const fail = {
	unknown: (id: unknown) => new BusinessError(20001, `EJ_MSG_01.001 - L'engagement juridique ${String(id)} est inconnu.`),
	missing: (field: string) => new BusinessError(20002, `EJ_MSG_01.002 - Le champ ${field} est obligatoire.`),
	duplicate: (numero: string) => new BusinessError(20003, `EJ_MSG_01.003 - L'engagement juridique ${numero} existe déjà.`),
	state: (etat: string, operation: string) =>
		new BusinessError(20004, `EJ_MSG_01.004 - L'opération ${operation} est impossible dans l'état ${etat}.`),
	structure: (id: unknown) => new BusinessError(20005, `EJ_MSG_01.005 - La structure émettrice ${String(id)} est inconnue ou n'est pas une structure publique active.`),
	file: (id: unknown) => new BusinessError(20006, `EJ_MSG_01.006 - La pièce jointe ${String(id)} est inconnue.`),
	fileTooLarge: () => new BusinessError(20007, 'EJ_MSG_01.007 - La pièce jointe dépasse 10 Mo.'),
	extension: (ext: unknown) => new BusinessError(20008, `EJ_MSG_01.008 - Extension non autorisée ${JSON.stringify(ext)}.`),
	operation: (op: string) => new BusinessError(20009, `EJ_MSG_01.009 - Opération inconnue ${op}.`),
};

const CONTENT: Record<string, Schema> = {
	libelleTypeEngagementJuridique: oneOf(TYPES),
	idStructureEmettrice: int64,
	idServiceEmetteur: int64,
	structureReceptriceEngagementJuridique: str,
	typeIdentifiantStructureReceptrice: oneOf(ID_TYPES),
	dateEngagementJuridique: dateTime,
	montantHT: num,
	montantTTC: num,
	devise: str,
	objet: str,
	lignesPoste: arrayOf({ type: 'object' }),
};

function view(c: Commitment) {
	return {
		idEngagementJuridique: c.idEngagementJuridique,
		numeroEngagementJuridique: c.numeroEngagementJuridique,
		libelleTypeEngagementJuridique: c.libelleTypeEngagementJuridique,
		etatCourantEngagementJuridique: c.etat,
		idStructureEmettrice: c.idStructureEmettrice,
		idServiceEmetteur: c.idServiceEmetteur,
		structureReceptriceEngagementJuridique: c.structureReceptriceEngagementJuridique,
		typeIdentifiantStructureReceptrice: c.typeIdentifiantStructureReceptrice,
		dateEngagementJuridique: c.dateEngagementJuridique,
		dateCreationEJ: toIsoParis(c.dateCreation),
		montantHT: c.montantHT,
		montantTTC: c.montantTTC,
		devise: c.devise,
		objet: c.objet,
		lignesPoste: c.lignesPoste,
		listePiecesJointes: c.piecesJointes.map((f) => ({ idPieceJointe: f.idPieceJointe, nomFichier: f.nomFichier, typeMime: f.typeMime })),
	};
}

/** The filters of AIFE's "rechercher engagement juridique" example; any other key is refused. */
const SEARCH_SCHEMA = object({
	codeEngagementJuridique: str,
	numeroEngagementJuridique: { type: 'string', maxLength: 50 },
	numeroMarcheEngagementJuridique: str,
	structureReceptriceEngagementJuridique: str,
	etatCourantEngagementJuridique: oneOf(STATES),
	periodeDateNotificationEJDu: str,
	periodeDateNotificationEJAu: str,
	montantTTCMin: num,
	montantTTCMax: num,
	parametresRecherche: { ...PAGINATION, properties: { ...PAGINATION.properties, triColonne: oneOf(['DateCreationEJ']) } },
});

type Body = Record<string, unknown>;

function matches(body: Body, c: Commitment): boolean {
	const eq = (want: unknown, have: unknown) => want === undefined || want === null || want === have;
	const day = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : undefined);
	const from = day(body.periodeDateNotificationEJDu);
	const to = day(body.periodeDateNotificationEJAu);
	const ttc = c.montantTTC ?? c.montantHT;
	return (
		eq(body.numeroEngagementJuridique, c.numeroEngagementJuridique) &&
		eq(body.codeEngagementJuridique, c.libelleTypeEngagementJuridique) &&
		eq(body.numeroMarcheEngagementJuridique, c.numeroMarche) &&
		eq(body.structureReceptriceEngagementJuridique, c.structureReceptriceEngagementJuridique) &&
		eq(body.etatCourantEngagementJuridique, c.etat) &&
		(from === undefined || c.dateEngagementJuridique >= from) &&
		(to === undefined || c.dateEngagementJuridique <= to) &&
		(typeof body.montantTTCMin !== 'number' || ttc >= body.montantTTCMin) &&
		(typeof body.montantTTCMax !== 'number' || ttc <= body.montantTTCMax)
	);
}

/** One result of the search, keys of AIFE's example answer. */
function searchResult(store: SimulatorStore, c: Commitment) {
	const service = store.structure(c.idStructureEmettrice)?.services.find((v) => v.idService === c.idServiceEmetteur);
	return {
		idEngagementJuridique: c.idEngagementJuridique,
		libelleTypeEngagementJuridique: c.libelleTypeEngagementJuridique,
		numeroEngagementJuridique: c.numeroEngagementJuridique,
		structureReceptrice: c.structureReceptriceEngagementJuridique,
		identifiantStructureReceptrice: c.structureReceptriceEngagementJuridique,
		libelleStructureReceptrice: null,
		codeServiceExecutant: service?.codeService ?? null,
		libelleServiceExecutant: service?.libelleService ?? null,
		dateNotificationEJ: `${c.dateEngagementJuridique}T00:00:00+01:00`,
		libelleEtatCourantEJ: c.etat,
		montantTotalTtc: c.montantTTC ?? c.montantHT,
		deviseEngagement: c.devise,
		taillePJ: c.piecesJointes.reduce((total, f) => total + f.bytes.length, 0) || null,
	};
}

export function register(router: Router, store: SimulatorStore): void {
	registerLegacy(router, store);
	registerEngagements(router, store);
}

/** The 2025 API; `prefix` lets a test serve it where a credential override points. */
export function registerEngagements(router: Router, store: SimulatorStore, prefix = '/cpro/engagements/v1'): void {
	const api = router.api({ name: 'engagements', prefix });
	const state = () => store.engagements;
	const user = () => `${store.account.user.prenom} ${store.account.user.nom}`;

	const find = (raw: unknown): Commitment => {
		const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
		const c = typeof id === 'number' ? state().commitments.get(id) : undefined;
		if (!c) throw fail.unknown(raw);
		return c;
	};
	const issuer = (id: unknown) => {
		const s = typeof id === 'number' ? store.structure(id) : undefined;
		if (!s || s.typeStructure !== 'PUBLIQUE' || s.statut !== 'ACTIVE') throw fail.structure(id);
		return s;
	};
	const act = (c: Commitment, action: string) => c.historiqueActions.push({ action, date: store.now(), utilisateur: user() });
	const setState = (c: Commitment, etat: CommitmentState, commentaire: string | null) => {
		c.etat = etat;
		c.historiqueStatuts.push({ statut: etat, date: store.now(), commentaire });
		// A validated commitment becomes a valid purchase order number for factures soumettre.
		const s = store.structure(c.idStructureEmettrice);
		if (s && etat === 'COMMANDE' && !s.engagements.includes(c.numeroEngagementJuridique)) s.engagements.push(c.numeroEngagementJuridique);
		if (s && etat !== 'COMMANDE') s.engagements = s.engagements.filter((n) => n !== c.numeroEngagementJuridique);
	};

	api.get('/engagement/healthcheck', () => ({ status: 'UP', application: 'engagements', date: toIsoParis(store.now()) }));

	api.get('/engagement/referentiel/{numero}/existence', ({ params }) => {
		const c = commitmentByNumber(store, params.numero);
		return ok({ numeroEngagementJuridique: params.numero, existe: c !== undefined && c.etat !== 'ANNULE' });
	});

	api.post('/engagement/recherche', ({ body }) => search(store, body), { schema: SEARCH_SCHEMA });

	api.post('/engagement', ({ body }) => {
		for (const field of ['numeroEngagementJuridique', 'libelleTypeEngagementJuridique', 'idStructureEmettrice', 'structureReceptriceEngagementJuridique', 'dateEngagementJuridique', 'montantHT']) {
			if (body[field] === undefined || body[field] === '') throw fail.missing(field);
		}
		if (commitmentByNumber(store, body.numeroEngagementJuridique)) throw fail.duplicate(body.numeroEngagementJuridique);
		const s = issuer(body.idStructureEmettrice);
		if (body.idServiceEmetteur !== undefined && !s.services.some((v) => v.idService === body.idServiceEmetteur && v.estActif)) {
			throw fail.structure(body.idServiceEmetteur);
		}
		const st = state();
		const c: Commitment = {
			idEngagementJuridique: st.nextId++,
			numeroEngagementJuridique: body.numeroEngagementJuridique,
			libelleTypeEngagementJuridique: body.libelleTypeEngagementJuridique,
			idStructureEmettrice: s.idStructureCPP,
			idServiceEmetteur: body.idServiceEmetteur ?? null,
			structureReceptriceEngagementJuridique: body.structureReceptriceEngagementJuridique,
			typeIdentifiantStructureReceptrice: body.typeIdentifiantStructureReceptrice ?? 'SIRET',
			dateEngagementJuridique: dayOf(body.dateEngagementJuridique) ?? body.dateEngagementJuridique,
			montantHT: body.montantHT,
			montantTTC: body.montantTTC ?? null,
			devise: body.devise ?? 'EUR',
			objet: body.objet ?? null,
			lignesPoste: body.lignesPoste ?? [],
			numeroMarche: null,
			etat: 'BROUILLON',
			dateCreation: store.now(),
			historiqueStatuts: [{ statut: 'BROUILLON', date: store.now(), commentaire: null }],
			historiqueActions: [],
			piecesJointes: [],
		};
		act(c, 'CREATION');
		st.commitments.set(c.idEngagementJuridique, c);
		return ok({ idEngagementJuridique: c.idEngagementJuridique, numeroEngagementJuridique: c.numeroEngagementJuridique, etatCourantEngagementJuridique: c.etat });
	}, { schema: object({ numeroEngagementJuridique: { type: 'string', maxLength: 50 }, ...CONTENT }) });

	api.put('/engagement', ({ body }) => {
		if (body.idEngagementJuridique === undefined) throw fail.missing('idEngagementJuridique');
		const c = find(body.idEngagementJuridique);
		if (c.etat === 'CLOTURE' || c.etat === 'ANNULE') throw fail.state(c.etat, 'modifier');
		if (body.idStructureEmettrice !== undefined) issuer(body.idStructureEmettrice);
		const changed = Object.keys(body).filter((k) => k !== 'idEngagementJuridique');
		for (const key of changed) {
			const value = key === 'dateEngagementJuridique' ? (dayOf(body[key]) ?? body[key]) : body[key];
			(c as unknown as Record<string, unknown>)[key] = value;
		}
		act(c, 'MODIFICATION');
		return ok(view(c));
	}, { schema: object({ idEngagementJuridique: int64, ...CONTENT }) });

	api.post('/engagement/{id}/statuts/{operation}', ({ params, body }) => {
		const c = find(params.id);
		const transitions = COMMITMENT_TRANSITIONS[params.operation];
		if (!transitions) throw fail.operation(params.operation);
		const target = transitions[c.etat];
		if (!target) throw fail.state(c.etat, params.operation);
		setState(c, target, body.commentaire ?? null);
		act(c, params.operation.toUpperCase());
		return ok({ idEngagementJuridique: c.idEngagementJuridique, etatCourantEngagementJuridique: c.etat });
	}, { schema: object({ commentaire: str }) });

	api.get('/engagement/{id}', ({ params }) => ok(view(find(params.id))));

	api.get('/engagement/{id}/statuts', ({ params }) => {
		const c = find(params.id);
		return ok({
			idEngagementJuridique: c.idEngagementJuridique,
			historiqueStatuts: c.historiqueStatuts.map((h) => ({ statut: h.statut, dateStatut: toMinute(h.date), commentaire: h.commentaire })),
		});
	});

	api.get('/engagement/{id}/actions', ({ params }) => {
		const c = find(params.id);
		return ok({
			idEngagementJuridique: c.idEngagementJuridique,
			historiqueActions: c.historiqueActions.map((h) => ({ action: h.action, dateAction: toMinute(h.date), utilisateur: h.utilisateur })),
		});
	});

	// ---- files -------------------------------------------------------------------------------------------

	api.get('/piece-jointe/', ({ query }) => {
		const raw = query.get('idEngagement');
		if (!raw) throw fail.missing('idEngagement');
		const c = find(raw);
		return ok({ fichier: commitmentPdf(c).toString('base64'), nomFichier: `${c.numeroEngagementJuridique}.pdf`, typeMime: 'application/pdf' });
	});

	api.get('/piece-jointe/{id}', ({ params }) => {
		for (const c of state().commitments.values()) {
			const f = c.piecesJointes.find((p) => String(p.idPieceJointe) === params.id);
			if (f) return ok({ fichier: f.bytes.toString('base64'), nomFichier: f.nomFichier, typeMime: f.typeMime, idEngagement: c.idEngagementJuridique });
		}
		throw fail.file(params.id);
	});

	api.post('/piece-jointe', ({ body }) => {
		for (const field of ['idEngagement', 'fichier', 'nomFichier', 'typeMime', 'extension']) if (!body[field]) throw fail.missing(field);
		const c = find(body.idEngagement);
		if (c.etat === 'ANNULE') throw fail.state(c.etat, 'ajouter pièce jointe');
		if (!EXTENSIONS_PJ.has(body.extension)) throw fail.extension(body.extension);
		const bytes = decodeBase64(body.fichier, 'fichier');
		if (bytes.length > FILE_MAX_BYTES) throw fail.fileTooLarge();
		const file = { idPieceJointe: state().nextFileId++, nomFichier: body.nomFichier, typeMime: body.typeMime, extension: body.extension, bytes };
		c.piecesJointes.push(file);
		act(c, 'AJOUT_PIECE_JOINTE');
		return ok({ idPieceJointe: file.idPieceJointe, idEngagement: c.idEngagementJuridique });
	}, {
		schema: object({ idEngagement: int64, fichier: str, nomFichier: { type: 'string', maxLength: 50 }, typeMime: { type: 'string', maxLength: 255 }, extension: str }),
	});
}

function search(store: SimulatorStore, body: Body) {
	const found = [...store.engagements.commitments.values()].filter((c) => matches(body, c));
	const page = readPage(body.parametresRecherche);
	const sorted = sortBy(found, page, { DateCreationEJ: (c) => c.dateCreation.getTime() }, (c) => c.idEngagementJuridique);
	const { items, counters } = paginate(sorted, page);
	return ok({ listeEngagementJuridique: items.map((c) => searchResult(store, c)), parametresRetour: counters });
}

/**
 * AIFE's consulterDetail example gives the issuer's SIRET and the receiver's postcode as JSON numbers
 * (11000201100044, 75000): digit strings are answered as numbers there.
 */
function numeric(value: string): string | number {
	return /^\d+$/.test(value) ? Number(value) : value;
}

/** The receiver's address as AIFE's consulterDetail example flattens it. */
function receiverAddress(address: Address | undefined) {
	const prefix = 'adresseStructureReceptrice';
	return {
		[`${prefix}Detail`]: address?.adresse ?? null,
		[`${prefix}Complement1`]: address?.complementAdresse1 ?? null,
		[`${prefix}Complement2`]: address?.complementAdresse2 ?? null,
		[`${prefix}CodePostal`]: address ? numeric(address.codePostal) : null,
		[`${prefix}Ville`]: address?.ville ?? null,
		[`${prefix}CodePays`]: address?.pays ?? null,
		[`${prefix}LibellePays`]: PAYS.find((p) => p.codePays === address?.pays)?.libellePays ?? null,
	};
}

/** The legacy services, in the shapes of AIFE's examples. */
function registerLegacy(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'engagementsJuridiques', prefix: '/cpro/engagementsJuridiques/v1' });
	api.post('/rechercher', ({ body }) => search(store, body), { schema: SEARCH_SCHEMA });

	api.post('/consulterDetail', ({ body }) => {
		if (!body.numeroEngagementJuridique) throw fail.missing('numeroEngagementJuridique');
		const c = commitmentByNumber(store, body.numeroEngagementJuridique);
		if (!c) throw fail.unknown(body.numeroEngagementJuridique);
		const issuer = store.structure(c.idStructureEmettrice);
		const service = issuer?.services.find((v) => v.idService === c.idServiceEmetteur);
		const supplier = [...store.structures.values()].find((s) => s.identifiant === c.structureReceptriceEngagementJuridique);
		const invoices = [...store.invoices.values()].filter((f) => f.numeroBonCommande === c.numeroEngagementJuridique);
		return ok({
			numeroEngagementJuridique: c.numeroEngagementJuridique,
			idEngagement: c.idEngagementJuridique,
			etatCourantEngagement: c.etat,
			demandePaiement: invoices.map((f) => ({
				idDemandePaiement: f.idFacture,
				numeroDemandePaiement: f.numeroFacture,
				typeDemandePaiement: 'FACTURE',
				sousType: f.typeFacture,
				etatCourantDemandePaiement: f.statut,
				montantTtcDemandePaiement: f.montantTTC,
				dateFournisseur: dayOf(f.dateFacture) ?? f.dateFacture,
			})),
			emetteur: {
				idStructureEmettrice: c.idStructureEmettrice,
				identifiantStructureEmettrice: issuer ? numeric(issuer.identifiant) : null,
				raisonSocialeStructureEmettrice: issuer?.raisonSociale ?? null,
				idServiceExecutant: c.idServiceEmetteur,
				codeServiceExecutant: service?.codeService ?? null,
				nomServiceExecutant: service?.libelleService ?? null,
			},
			recepteur: {
				idStructureReceptrice: supplier?.idStructureCPP ?? null,
				identifiantStructureReceptrice: c.structureReceptriceEngagementJuridique,
				designationStructureReceptrice: supplier?.raisonSociale ?? null,
				...receiverAddress(supplier?.adresse),
			},
			lignePoste: c.lignesPoste.map((l, i) => ({
				numeroDePoste: Number(l.numeroLigne ?? i + 1),
				montantTtcPoste: typeof l.montantHT === 'number' ? l.montantHT : null,
				statutPoste: c.etat,
			})),
		});
	}, { schema: object({ numeroEngagementJuridique: { type: 'string', maxLength: 50 } }, ['numeroEngagementJuridique']) });
}
