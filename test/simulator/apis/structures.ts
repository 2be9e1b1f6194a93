/**
 * API Structures — `/cpro/structures/v1` (reference §6, official Swagger `swagger/structures-v1.swagger.json`):
 * rechercher, consulter, rechercher/services, consulter/service — what the Factures flow needs to find a
 * recipient, its mandatory parameters and its services (AIFE's nominal sequence, §3.3).
 */
import { Errors } from '../codes';
import { toIsoParis, toMinute } from '../dates';
import { ok, paginate, readPage, sortBy } from '../envelope';
import type { Router } from '../router';
import type { SimulatorStore, Structure } from '../store';

const contains = (value: string | null | undefined, wanted: unknown) =>
	typeof wanted !== 'string' || wanted === '' || (value ?? '').toUpperCase().includes(wanted.toUpperCase());

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
