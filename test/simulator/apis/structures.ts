/**
 * API Structures — `/cpro/structures/v1` (docs/api-notes.md §6, official Swagger `swagger/structures-v1.swagger.json`):
 * rechercher, consulter, rechercher/services, consulter/service — what the Factures flow needs to find a
 * recipient, its mandatory parameters and its services (AIFE's nominal sequence, §3.3) — and
 * lister/rattachementsutilisateur (§6.5; the body is checked against `ListerRattachementsStructureUtilisateurParam`).
 */
import { Errors } from '../codes';
import { toIsoParis, toMinute } from '../dates';
import { BusinessError, ok, paginate, readPage, sortBy } from '../envelope';
import type { Router } from '../router';
import type { SimulatorStore, Structure } from '../store';

const contains = (value: string | null | undefined, wanted: unknown) =>
	typeof wanted !== 'string' || wanted === '' || (value ?? '').toUpperCase().includes(wanted.toUpperCase());

/** [sim] codes: the platform's texts for this operation are not public. */
const fail = {
	noStructure: () => new BusinessError(20001, 'GCU_MSG_05.003 - La structure doit être renseignée (idStructure ou identifiantStructure).'),
	unknownStructure: (id: unknown) => new BusinessError(20001, `GCU_MSG_05.001 - La structure ${String(id)} est inconnue.`),
	unknownUser: () => new BusinessError(20002, "GCU_MSG_05.004 - L'utilisateur est inconnu."),
};

export function register(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'structures', prefix: '/cpro/structures/v1', swagger: 'structures' });

	api.post('/rechercher', ({ body }) => {
		const page = readPage(body.parametres);
		const c = body.structure ?? {};
		const attached = (s: Structure) =>
			store.account.fournisseur.has(s.idStructureCPP) ||
			store.account.destinataire.has(s.idStructureCPP) ||
			store.account.valideur.has(s.idStructureCPP);
		const found = [...store.structures.values()].filter(
			(s) =>
				(!c.identifiantStructure || s.identifiant === c.identifiantStructure) &&
				(!c.typeIdentifiantStructure || s.typeIdentifiant === c.typeIdentifiantStructure) &&
				(!c.typeStructure || s.typeStructure === c.typeStructure) &&
				(!c.statutStructure || (c.statutStructure === 'ACTIF') === (s.statut === 'ACTIVE')) &&
				contains(s.raisonSociale, c.raisonSocialeStructure) &&
				contains(s.raisonSociale, c.libelleStructure) &&
				contains(s.raisonSociale, c.nomStructure) &&
				(!c.adresseCodePostal || s.adresse.codePostal === c.adresseCodePostal) &&
				contains(s.adresse.ville, c.adresseVille) &&
				(!c.adresseCodePays || s.adresse.pays === c.adresseCodePays) &&
				(c.estMOA !== true || s.parametres.aMoa) &&
				(c.estMOAUniquement !== true || s.parametres.estMoaUniquement) &&
				(body.restreindreStructuresPrivees !== true || s.typeStructure === 'PUBLIQUE' || attached(s)),
		);
		const sorted = sortBy(
			found,
			page,
			{
				IdentifiantStructure: (s) => s.identifiant,
				DesignationStructure: (s) => s.raisonSociale,
				TypeIdentifiantStructure: (s) => s.typeIdentifiant,
				Statut: (s) => s.statut,
			},
			(s) => s.idStructureCPP,
		);
		const { items, counters } = paginate(sorted, page);
		return ok({
			listeStructures: items.map((s) => ({
				idStructureCPP: s.idStructureCPP,
				identifiantStructure: s.identifiant,
				designationStructure: s.raisonSociale,
				statut: s.statut,
				typeIdentifiantStructure: s.typeIdentifiant,
			})),
			parametresRetour: counters,
		});
	});

	api.post('/consulter', ({ body }) => {
		const s = store.structure(body.idStructureCPP);
		if (!s) throw Errors.unknownStructure(body.idStructureCPP);
		const p = s.parametres;
		const own = store.account.fournisseur.has(s.idStructureCPP) || store.account.destinataire.has(s.idStructureCPP);
		const expiry = new Date(store.now().getTime() + 90 * 86_400_000);
		return ok({
			informationGenerales: {
				dateExpirationMotPasseCompteTech: own ? toIsoParis(expiry) : null,
				emailStructure: s.email,
				estValideurDeleguee: p.estValideurDelegue,
				idStructureCPP: s.idStructureCPP,
				idStructureOrigine: null,
				identifiantStructure: s.identifiant,
				libelleStructure: s.raisonSociale,
				listeStructureDupliquees: [],
				nomStructure: null,
				numeroRcsStructure: s.numeroRcs,
				numeroTVA: s.numeroTVA,
				prenomStructure: null,
				raisonSocialeStructure: s.raisonSociale,
				structurePriveePublique: s.typeStructure,
				typeIdentifiantStructure: s.typeIdentifiant,
			},
			parametres: {
				codeServiceDoitEtreRenseigne: p.codeServiceDoitEtreRenseigne,
				connexionEDI: p.connexionEDI,
				estMoaUniquement: p.estMoaUniquement,
				estValideurDelegue: p.estValideurDelegue,
				gestionNumeroEJOuCodeService: p.gestionNumeroEJOuCodeService,
				getaMoa: p.aMoa,
				nonDiffusibleInsee: p.nonDiffusibleInsee,
				numeroEJDoitEtreRenseigne: p.numeroEJDoitEtreRenseigne,
				recevoirDonneesViaEDI: p.recevoirDonneesViaEDI,
				statutMiseEnPaiementNestPasRemonte: p.statutMiseEnPaiementNestPasRemonte,
			},
			adressePostaleDuSiege: postalAddress(s),
		});
	});

	api.post('/rechercher/services', ({ body }) => {
		const s = store.structure(body.idStructure);
		if (!s) throw Errors.unknownStructure(body.idStructure);
		const page = readPage(body.parametresRechercherServicesStructure);
		const sorted = sortBy(
			s.services,
			page,
			{
				CodeService: (v) => v.codeService,
				LibelleService: (v) => v.libelleService,
				DateDbtService: (v) => v.dateDebut.getTime(),
				DateFinService: (v) => v.dateFin?.getTime(),
				EstActif: (v) => v.estActif,
			},
			(v) => v.idService,
		);
		const { items, counters } = paginate(sorted, page);
		return ok({
			listeServices: items.map((v) => ({
				idService: v.idService,
				codeService: v.codeService,
				libelleService: v.libelleService,
				estActif: v.estActif,
				statutService: v.estActif ? 'ACTIF' : 'INACTIF',
				dateDbtService: toMinute(v.dateDebut),
				dateFinService: v.dateFin ? toMinute(v.dateFin) : null,
			})),
			parametresRetour: counters,
		});
	});

	api.post('/consulter/service', ({ body }) => {
		const s = store.structure(body.idStructure);
		if (!s) throw Errors.unknownStructure(body.idStructure);
		const v = s.services.find((x) => x.idService === body.idService);
		if (!v) throw Errors.unknownServiceOfStructure(body.idService);
		return ok({
			informationsGenerales: {
				codeService: v.codeService,
				nomService: v.libelleService,
				descriptionService: v.description ?? v.libelleService,
			},
			adressePostale: postalAddress(s),
			parametres: {
				dateCreation: toIsoParis(v.dateDebut),
				dateDebutValidite: toIsoParis(v.dateDebut),
				dateFinValidite: v.dateFin ? toIsoParis(v.dateFin) : null,
				dateModification: toIsoParis(v.dateDebut),
				miseEnPaiement: v.miseEnPaiement,
				numeroEngagement: v.engagementObligatoire,
			},
			// Counters without a request pagination object (§2.2): one service, one page.
			pageCourante: 1,
			pages: 1,
			nbResultatsParPage: 1,
			total: 1,
		});
	});

	// Reference §6.5: the only user is the technical account's; its links to a structure are the structure's
	// active services when the account is attached to it (VALIDEE), none otherwise.
	api.post('/lister/rattachementsutilisateur', ({ body }) => {
		if (body.idStructure === undefined && !body.identifiantStructure) throw fail.noStructure();
		const s =
			body.idStructure !== undefined
				? store.structure(body.idStructure)
				: store.structureByIdentifiant(body.identifiantStructure, body.typeIdentifiantStructure);
		if (!s) throw fail.unknownStructure(body.idStructure ?? body.identifiantStructure);
		const user = store.account.user;
		if (
			(body.idUtilisateur !== undefined && body.idUtilisateur !== user.idUtilisateur) ||
			(body.adresseEmailConnexionUtilisateur !== undefined && body.adresseEmailConnexionUtilisateur !== user.email)
		) {
			throw fail.unknownUser();
		}
		const attached = ['fournisseur', 'destinataire', 'valideur'].some((role) =>
			store.account[role as 'fournisseur'].has(s.idStructureCPP),
		);
		const services = attached ? s.services.filter((v) => v.estActif) : [];
		const page = readPage(body.parametresListerRattachementsStructureUtilisateur);
		const sorted = sortBy(
			services,
			page,
			{ CodeService: (v) => v.codeService, NomService: (v) => v.libelleService, StatutRattachement: () => 'VALIDEE' },
			(v) => v.idService,
		);
		const { items, counters } = paginate(sorted, page);
		return ok({
			designationStructure: s.raisonSociale,
			idStructure: s.idStructureCPP,
			identifiantStructure: s.identifiant,
			premierService: items.length > 0 && items[0].idService === services[0]?.idService,
			listeServices: items.map((v) => ({
				codeService: v.codeService,
				commentaire: null,
				dateDebut: toIsoParis(v.dateDebut),
				dateFin: v.dateFin ? toIsoParis(v.dateFin) : null,
				idRattachement: v.idService * 10 + 1,
				idService: v.idService,
				nomService: v.libelleService,
				statutRattachement: 'VALIDEE',
			})),
			parametresRetour: counters,
		});
	});
}

function postalAddress(s: Structure) {
	return {
		adresse: s.adresse.adresse,
		codePostal: s.adresse.codePostal,
		complementAdresse1: s.adresse.complementAdresse1 ?? null,
		complementAdresse2: null,
		fax: null,
		indicatifFax: null,
		indicatifTelephone: null,
		pays: s.adresse.pays,
		telephone: null,
		ville: s.adresse.ville,
	};
}
