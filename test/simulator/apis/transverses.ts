/**
 * API Transverses — `/cpro/transverses/v1` (docs/api-notes.md §5): health check, ajouter/fichier, the flux reports
 * (consulterCR, consulterCRDetaille), the referentials (`recuperer/*`), rechercher/destinataire, attachment
 * searches and download, attachment and structure types, support-request categories, INSEE data of a SIRET and
 * the recipient directory file (§5.2–5.4).
 *
 * No public Swagger exists for this API (§16.3), so each body model below is written from docs/api-notes.md's
 * tables; bodies are checked against them like the Swagger-backed APIs (unknown field or wrong type → 400).
 */
import { Errors } from '../codes';
import { toIsoParis } from '../dates';
import { BusinessError, ok, paginate, readPage, sortBy, type PageRequest } from '../envelope';
import { anyInvoice } from '../factures/access';
import { fluxReportPdf, invoicePdf, invoicePivotXml, zip } from '../factures/documents';
import { interfaceCode, observeFlux } from '../factures/flux';
import { INVOICE_STATUSES, RECIPIENT_TARGETS } from '../factures/lifecycle';
import { decodeBase64 } from '../factures/submission';
import { arrayOf, bool, codeLangue, int64, object, oneOf, PAGINATION, str } from '../modelKit';
import * as R from '../referentials';
import type { Handler, Router } from '../router';
import { commitmentByNumber, commitmentPdf } from '../seed-engagements';
import { ACCOUNT_FILE_TYPE, ATTACHMENT_TYPES, CATEGORIES, SUBCATEGORIES } from '../seed-transverse';
import type { SimulatorStore } from '../store';
import type { Schema } from '../swagger';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const EMPTY = object({ idUtilisateurCourant: int64 });
const LANGUAGE_ONLY = object({ idUtilisateurCourant: int64, codeLangue });

const OBJECTS = [
	'DEMANDE_PAIEMENT', 'ENGAGEMENT_JURIDIQUE', 'SOLLICITATION', 'STRUCTURE_PIECEJOINTE', 'STRUCTURE_MANDAT',
	'STRUCTURE_COORDONNEE_BANCAIRE', 'UTILISATEUR',
];
const TYPE_OBJETS = [
	'STRUCTURE', 'UTILISATEUR', 'CB', 'MANDAT', 'FICHE_RACCORDEMENT', 'EJ', 'MEMOIRE', 'DMD_RBST', 'TRANSVERSE',
	'FACTURE_TRAVAUX', 'FACTURE', 'DMDE_CPTE_DEV_SI_EXT', 'SOLLICITATION', 'CERTIFICAT', 'PJ_REJET_EDI',
];

/** [sim] codes of this module's functional errors (the platform's texts are not public, §12.1). */
const fail = {
	missing: (field: string) => new BusinessError(20001, `TRA_MSG_00.002 - Le champ ${field} est obligatoire.`),
	unknown: (what: string, id: unknown) => new BusinessError(20002, `TRA_MSG_00.021 - ${what} ${String(id)} est inconnu(e).`),
	noFile: (what: string) => new BusinessError(20003, `TRA_MSG_00.022 - Aucune pièce jointe pour ${what}.`),
	badSiret: (siret: unknown) => new BusinessError(20001, `TRA_MSG_00.030 - Le SIRET ${String(siret)} est invalide.`),
	unknownSiret: (siret: unknown) => new BusinessError(20002, `TRA_MSG_00.031 - Le SIRET ${String(siret)} est inconnu de l'INSEE.`),
};

/** INSEE's Luhn check of a SIRET (La Poste's 356000000 establishments use a digit sum instead). */
function validSiret(siret: string): boolean {
	if (!/^\d{14}$/.test(siret)) return false;
	const digits = [...siret].map(Number);
	if (siret.startsWith('356000000')) return digits.reduce((a, b) => a + b, 0) % 5 === 0;
	const sum = digits.reverse().reduce((total, d, i) => total + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
	return sum % 10 === 0;
}

const contains = (value: string, wanted: unknown) =>
	typeof wanted !== 'string' || !wanted || value.toUpperCase().includes(wanted.toUpperCase());

function pageOf<T>(items: T[], request: PageRequest) {
	const { items: slice, counters } = paginate(items, request);
	return { slice, parametresRetour: counters };
}

function attachmentOwner(store: SimulatorStore, id: unknown): number {
	const attached = [...store.account.fournisseur, ...store.account.destinataire, ...store.account.valideur];
	if (typeof id !== 'number' || !attached.includes(id)) throw fail.unknown('La structure', id);
	return id;
}

export function register(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'transverses', prefix: '/cpro/transverses/v1' });

	api.get('/health-check', () => ({
		statusCodeValue: 200,
		statusCode: 'OK',
		body: "L'API CPRO est actuellement disponible et fonctionnel.",
	}));

	// ---- files -------------------------------------------------------------------------------------------

	api.post(
		'/ajouter/fichier',
		({ body }) => {
			for (const field of ['pieceJointeFichier', 'pieceJointeNom', 'pieceJointeTypeMime', 'pieceJointeExtension']) {
				if (!body[field]) throw Errors.missingField(20001, field);
			}
			if (body.pieceJointeNom.length > 50) throw Errors.invalidField(20002, 'pieceJointeNom', '50 caractères au plus');
			if (body.pieceJointeTypeMime.length > 255) throw Errors.invalidField(20002, 'pieceJointeTypeMime', '255 caractères au plus');
			if (!R.EXTENSIONS_PJ.has(body.pieceJointeExtension)) {
				throw Errors.invalidField(20004, 'pieceJointeExtension', `extension non autorisée ${JSON.stringify(body.pieceJointeExtension)}`);
			}
			if (body.pieceJointeFichier.length > Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4) throw Errors.attachmentTooLarge();
			const bytes = decodeBase64(body.pieceJointeFichier, 'pieceJointeFichier');
			if (bytes.length > ATTACHMENT_MAX_BYTES) throw Errors.attachmentTooLarge();
			const file = store.addFile({
				nom: body.pieceJointeNom,
				typeMime: body.pieceJointeTypeMime,
				extension: body.pieceJointeExtension,
				bytes,
			});
			return ok({ pieceJointeId: file.pieceJointeId });
		},
		{
			schema: object({
				idUtilisateurCourant: int64,
				pieceJointeFichier: str,
				pieceJointeNom: str,
				pieceJointeTypeMime: str,
				pieceJointeExtension: str,
			}),
		},
	);

	// ---- flux reports ------------------------------------------------------------------------------------

	const findFlux = (numero: unknown) => {
		const flux = typeof numero === 'string' ? store.flux.get(numero) : undefined;
		if (!flux) throw Errors.unknownFlux();
		return observeFlux(store, flux);
	};
	const fileName = (code: string, numero: string) => `${code}_CPP001_${numero}`;

	api.post(
		'/consulterCR',
		({ body }) => {
			const flux = findFlux(body.numeroFluxDepot);
			const code = interfaceCode(flux.syntaxeFlux);
			return ok({
				numeroFluxDepot: flux.numeroFluxDepot,
				codeAppliPartenaire: 'CPP001',
				codeInterfaceFlux: code,
				designationPartenaire: 'Chorus Pro',
				dateDepotFlux: toIsoParis(flux.dateDepot),
				dateHeureEtatCourantFlux: toIsoParis(flux.dateHeureEtat),
				etatCourantFlux: flux.etat,
				nomFichierFlux: flux.nomFichier,
				fichierCR: fluxReportPdf(flux.numeroFluxDepot, flux.etat, flux.nomFichier, flux.dateHeureEtat).toString('base64'),
			});
		},
		{ schema: object({ numeroFluxDepot: str, syntaxeFlux: str, dateDepot: { type: 'string', format: 'date-time' } }) },
	);

	api.post(
		'/consulterCRDetaille',
		({ body }) => {
			const flux = findFlux(body.numeroFluxDepot);
			const code = interfaceCode(flux.syntaxeFlux);
			return ok({
				codeInterfaceDepotFlux: code,
				dateDepotFlux: toIsoParis(flux.dateDepot),
				dateHeureEtatCourantFlux: toIsoParis(flux.dateHeureEtat),
				etatCourantDepotFlux: flux.etat,
				nomFichier: fileName(code, flux.numeroFluxDepot),
				listeErreurDP: flux.listeErreurDP,
				listeErreurTechnique: flux.listeErreurTechnique,
			});
		},
		{ schema: object({ numeroFluxDepot: str, syntaxeFlux: str }) },
	);

	// ---- referentials ------------------------------------------------------------------------------------

	const list = (path: string, schema: Schema, answer: (body: Record<string, unknown>) => Record<string, unknown>) =>
		api.post(path, ({ body }) => ok(answer(body)), { schema });

	list('/recuperer/devises', LANGUAGE_ONLY, () => ({ listeDevises: R.DEVISES }));
	list('/recuperer/pays', LANGUAGE_ONLY, () => ({ listePays: R.PAYS }));
	list('/recuperer/tauxtva', LANGUAGE_ONLY, () => ({ listeTauxTva: R.TAUX_TVA }));
	list('/recuperer/motifs/exonerationtva', LANGUAGE_ONLY, () => ({ listeMotifsExonerationTva: R.MOTIFS_EXONERATION }));
	list('/recuperer/modedepot', EMPTY, () => ({ listeModeDepot: R.MODES_DEPOT.map((modeDepot) => ({ modeDepot })) }));
	list('/recuperer/modereglements', EMPTY, () => ({
		listeModePaiement: R.MODES_PAIEMENT.map((modePaiement) => ({ modePaiement })),
	}));
	list('/recuperer/typedp', EMPTY, () => ({
		listeTypeDemandePaiement: R.TYPES_DEMANDE_PAIEMENT.map((typeDemandePaiement) => ({ typeDemandePaiement })),
	}));
	list('/recuperer/typefacturetravaux', EMPTY, () => ({
		listeTypeFactureTravaux: R.TYPES_FACTURE_TRAVAUX.map((typeFactureTravaux) => ({ typeFactureTravaux })),
	}));
	list('/recuperer/typeidentifiant/structure', EMPTY, () => ({
		listeTypeIdentifiant: R.TYPES_IDENTIFIANT.map((typeIdentifiantStructure) => ({ typeIdentifiantStructure })),
	}));
	const typeDp: Schema = { type: 'string', enum: R.TYPES_DEMANDE_PAIEMENT };
	list('/recuperer/cadrefacturation', object({ idUtilisateurCourant: int64, typeDemandePaiement: typeDp }), (body) => ({
		listeCadreFacturation: R.cadresFor(body.typeDemandePaiement as string | undefined).map((codeCadreFacturation) => ({
			codeCadreFacturation,
		})),
	}));
	list('/recuperer/etat/typedp', object({ idUtilisateurCourant: int64, typeDemandePaiement: typeDp }), () => ({
		listeEtatDemandePaiement: INVOICE_STATUSES.map((etatDemandePaiement) => ({ etatDemandePaiement })),
	}));
	list(
		'/recuperer/etats/traitement',
		object({ idUtilisateurCourant: int64, statutCourant: { type: 'string', enum: [...INVOICE_STATUSES] } }),
		(body) => ({
			listeStatutsPossiblesPourTraitement: (store.transitions[body.statutCourant as string] ?? [])
				.filter((s) => RECIPIENT_TARGETS.includes(s))
				.map((statutPossiblePourTraitement) => ({ statutPossiblePourTraitement })),
		}),
	);
	list(
		'/recuperer/motifs/refus/Facture/AValider',
		object({ idUtilisateurCourant: int64, codeCadreFacturationAValider: { type: 'string', enum: R.CADRES_FACTURATION } }),
		() => ({ listeMotifRefusFactureAValider: R.MOTIFS_REFUS_A_VALIDER }),
	);
	list('/recuperer/formatflux', EMPTY, () => ({ listeFormatFlux: R.FORMATS_FLUX.map((formatFlux) => ({ formatFlux })) }));
	// The list key of this answer is not known (§5.3 [?]); `listeSyntaxeFlux` is the simulator's guess.
	list(
		'/recuperer/syntaxeflux',
		object({ idUtilisateurCourant: int64, formatFlux: { type: 'string', enum: R.FORMATS_FLUX } }),
		(body) => ({
			listeSyntaxeFlux: (body.formatFlux ? R.SYNTAXES_FLUX[body.formatFlux as string] : Object.values(R.SYNTAXES_FLUX).flat()).map(
				(syntaxeFlux) => ({ syntaxeFlux }),
			),
		}),
	);
	list('/recuperer/coordbanc/valides', object({ idUtilisateurCourant: int64, idStructure: int64, parametresRecherche: PAGINATION }), (body) => {
		const s = store.structure(body.idStructure as number);
		if (!s || !store.account.fournisseur.has(s.idStructureCPP)) throw Errors.unknownStructure(body.idStructure);
		const page = readPage(body.parametresRecherche);
		const { items, counters } = paginate(s.coordonneesBancaires, page);
		return {
			listeCoordonneeBancaire: items.map((c) => ({
				idCoordonneeBancaire: c.idCoordonneeBancaire,
				nomCoordonneeBancaire: c.nomCoordonneeBancaire,
			})),
			parametresRetour: counters,
		};
	});

	const structures = (ids: Set<number>) => ({
		listeStructures: [...ids].flatMap((id) => {
			const s = store.structure(id);
			return s && s.statut === 'ACTIVE'
				? [{ idStructureCPP: s.idStructureCPP, identifiant: s.identifiant, designationStructure: s.raisonSociale }]
				: [];
		}),
	});
	list('/recuperer/structures/actives/fournisseur', EMPTY, () => structures(store.account.fournisseur));
	list('/recuperer/structures/actives/destinataire', EMPTY, () => structures(store.account.destinataire));
	list('/recuperer/structures/actives/facturetravaux', EMPTY, () => structures(store.account.fournisseur));

	// ---- search ------------------------------------------------------------------------------------------

	list(
		'/rechercher/destinataire',
		object({
			idUtilisateurCourant: int64,
			identifiant: str,
			nomVilleCodePostal: str,
			typeStructure: { type: 'string', enum: ['PUBLIQUE', 'PRIVEE'] },
			parametresRecherche: PAGINATION,
		}),
		(body) => {
			const page = readPage(body.parametresRecherche);
			const place = typeof body.nomVilleCodePostal === 'string' ? body.nomVilleCodePostal.toUpperCase() : '';
			const found = [...store.structures.values()].filter(
				(s) =>
					s.typeStructure === 'PUBLIQUE' &&
					s.statut === 'ACTIVE' &&
					(!body.typeStructure || body.typeStructure === 'PUBLIQUE') &&
					(!body.identifiant || s.identifiant.startsWith(String(body.identifiant))) &&
					(!place || s.adresse.ville.toUpperCase().includes(place) || s.adresse.codePostal.startsWith(place)),
			);
			const { items, counters } = paginate(
				sortBy(found, page, { Siret: (s) => s.identifiant, NomDestinataire: (s) => s.raisonSociale }, (s) => s.idStructureCPP),
				page,
			);
			return {
				listeDestinataires: items.map((s) => ({
					idStructureCPP: s.idStructureCPP,
					siret: s.identifiant,
					nomDestinataire: s.raisonSociale,
					adresseCodePostal: s.adresse.codePostal,
					adresseVille: s.adresse.ville,
				})),
				parametresRetour: counters,
			};
		},
	);

	const post = (path: string, handler: Handler, schema: Parameters<typeof object>[0], required: string[] = []) =>
		api.post(path, handler, { schema: object({ idUtilisateurCourant: int64, ...schema }, required) });

	// ---- attachments -------------------------------------------------------------------------------------

	const searchCriteria = { codeLangue, pieceJointeDesignation: str, pieceJointeTypeId: int64, parametresRecherche: PAGINATION };

	post('/rechercher/pj/moncompte', ({ body }) => {
		const files = [...store.files.values()].filter(
			(f) =>
				contains(f.nom, body.pieceJointeDesignation) &&
				(body.pieceJointeTypeId === undefined || body.pieceJointeTypeId === ACCOUNT_FILE_TYPE.idTypePieceJointe),
		);
		const { slice, parametresRetour } = pageOf(files, readPage(body.parametresRecherche));
		return ok({
			listePiecesJointes: slice.map((f) => ({
				pieceJointeDesignation: f.nom,
				pieceJointeExtension: f.extension,
				pieceJointeId: f.pieceJointeId,
				pieceJointeObjetId: null,
				pieceJointeTypeCode: ACCOUNT_FILE_TYPE.codeTypePieceJointe,
				pieceJointeTypeLibelle: ACCOUNT_FILE_TYPE.libelleTypePieceJointe,
				pieceJointeUtilisateurId: store.account.user.idUtilisateur,
			})),
			parametresRetour,
		});
	}, searchCriteria);

	post('/rechercher/pj/structure', ({ body }) => {
		if (body.idStructureCPP === undefined) throw fail.missing('idStructureCPP');
		const idStructure = attachmentOwner(store, body.idStructureCPP);
		const structure = store.structure(idStructure)!;
		const type = (code: string) => ATTACHMENT_TYPES.find((t) => t.codeTypePieceJointe === code)!;
		const files = store.transverse.structureFiles.filter(
			(f) =>
				f.idStructure === idStructure &&
				contains(f.designation, body.pieceJointeDesignation) &&
				(body.pieceJointeTypeId === undefined || type(f.typeCode).idTypePieceJointe === body.pieceJointeTypeId),
		);
		const { slice, parametresRetour } = pageOf(files, readPage(body.parametresRecherche));
		return ok({
			listePiecesJointes: slice.map((f) => ({
				pieceJointeDesignation: f.designation,
				pieceJointeExtension: f.extension,
				pieceJointeId: f.pieceJointeId,
				pieceJointeObjetId: idStructure,
				pieceJointeStructureCode: structure.identifiant,
				pieceJointeStructureId: idStructure,
				pieceJointeStructureRaisonSociale: structure.raisonSociale,
				pieceJointeTypeCode: f.typeCode,
				pieceJointeTypeLibelle: type(f.typeCode).libelleTypePieceJointe,
				pieceJointeUtilisateurId: store.account.user.idUtilisateur,
			})),
			parametresRetour,
		});
	}, { ...searchCriteria, idStructureCPP: int64 });

	post('/telecharger/pieceJointe', ({ body }) => {
		if (!body.objetPieceJointe) throw fail.missing('objetPieceJointe');
		return ok({ pieceJointe: downloadFile(store, body).toString('base64') });
	}, {
		objetPieceJointe: oneOf(OBJECTS),
		demandePaiement: object({
			avecPiecesJointesComplementaires: str,
			format: oneOf(['PDF', 'PIVOT']),
			listeFacture: arrayOf(object({ idFacture: int64 })),
		}),
		engagementJuridique: object({ numeroEngagementJuridique: { type: 'string', maxLength: 50 } }),
		sollicitation: object({ idSollicitation: int64, pieceJointeSollicitation: str }),
		structure: object({ idStructure: int64, identifiantStructure: str, typeIdentifiantStructure: str }),
	});

	// ---- referentials not served by transverses.ts -------------------------------------------------------

	post('/recuperer/typespj', ({ body }) => ok({
		listeTypePieceJointe: ATTACHMENT_TYPES.filter((t) => !body.typeObjet || t.typeObjet === body.typeObjet),
	}), { codeLangue, typeObjet: oneOf(TYPE_OBJETS) });

	// The path is in table 4.1 but nothing else is known (§5.3 [?]): the list key and item key are the simulator's.
	post('/recuperer/typestructure', () => ok({
		listeTypeStructure: ['PUBLIQUE', 'PRIVEE'].map((typeStructure) => ({ typeStructure })),
	}), {});

	post('/rechercher/categorieSollicitation', ({ body }) => {
		const found = CATEGORIES.filter(
			(c) =>
				contains(c.codeCategorie, body.codeCategorie) &&
				contains(c.libelleCategorie, body.libelleCategorie) &&
				(body.estActif === undefined || c.estActif === body.estActif),
		);
		const { slice, parametresRetour } = pageOf(found, readPage(body.pagination));
		return ok({
			listeCategories: slice.map(({ codeCategorie, libelleCategorie, idTechniqueCategorie }) => ({
				codeCategorie,
				libelleCategorie,
				idTechniqueCategorie,
			})),
			parametresRetour,
		});
	}, { codeCategorie: str, libelleCategorie: str, estActif: bool, pagination: PAGINATION });

	post('/rechercher/sousCategorieSollicitation', ({ body }) => {
		if (body.idTechniqueCategorie !== undefined && !CATEGORIES.some((c) => c.idTechniqueCategorie === body.idTechniqueCategorie)) {
			throw fail.unknown('La catégorie', body.idTechniqueCategorie);
		}
		const matching = SUBCATEGORIES.filter(
			(s) =>
				(body.idTechniqueCategorie === undefined || s.idTechniqueCategorie === body.idTechniqueCategorie) &&
				contains(s.code, body.code) &&
				contains(s.libelle, body.libelle) &&
				(body.estActif === undefined || s.estActif === body.estActif),
		);
		// One entry per category, holding its matching subcategories (shape of the Go client, §5.4).
		const groups = CATEGORIES.filter((c) => matching.some((s) => s.idTechniqueCategorie === c.idTechniqueCategorie)).map((c) => ({
			categorie: [{ codeCategorie: c.codeCategorie, libelleCategorie: c.libelleCategorie, idTechniqueCategorie: c.idTechniqueCategorie }],
			ssCategorie: matching.filter((s) => s.idTechniqueCategorie === c.idTechniqueCategorie),
		}));
		const { slice, parametresRetour } = pageOf(groups, readPage(body.pagination));
		return ok({ listeSousCategories: slice, parametresRetour });
	}, { code: str, estActif: bool, idTechniqueCategorie: int64, libelle: str, pagination: PAGINATION });

	// ---- directory -----------------------------------------------------------------------------------------

	post('/consulter/information/siret', ({ body }) => {
		if (!body.siretStructure) throw fail.missing('siretStructure');
		if (!validSiret(String(body.siretStructure))) throw fail.badSiret(body.siretStructure);
		const s = store.structureByIdentifiant(String(body.siretStructure), 'SIRET');
		if (!s) throw fail.unknownSiret(body.siretStructure);
		return ok({
			siret: s.identifiant,
			siren: s.identifiant.slice(0, 9),
			raisonSociale: s.raisonSociale,
			adresse: `${s.adresse.adresse} ${s.adresse.codePostal} ${s.adresse.ville}`,
			categorieEntreprise: s.typeStructure === 'PUBLIQUE' ? null : 'PME',
			categorieJuridique: s.typeStructure === 'PUBLIQUE' ? '7210' : '5710',
			civilite: null,
			dateCreationEntreprise: '2001-03-01',
			dateCreationEtablissement: '2001-03-01',
			dateReactivationEtablissement: null,
			estActif: s.statut === 'ACTIVE',
			localisationSiege: true,
			nonDiffusibleInsee: s.parametres.nonDiffusibleInsee,
			numeroInterneClassement: s.identifiant.slice(9),
			siege: true,
			siretPredecesseurSuccesseur: null,
		});
	}, { siretStructure: str });

	post('/telecharger/annuaire/destinataire', () => {
		const rows = [...store.structures.values()]
			.filter((s) => s.typeStructure === 'PUBLIQUE' && s.statut === 'ACTIVE')
			.flatMap((s) => {
				const services = s.services.filter((v) => v.estActif);
				const base = [s.identifiant, s.raisonSociale, s.adresse.codePostal, s.adresse.ville];
				const flags = [s.parametres.codeServiceDoitEtreRenseigne, s.parametres.numeroEJDoitEtreRenseigne].map(String);
				return services.length
					? services.map((v) => [...base, v.codeService, v.libelleService, ...flags])
					: [[...base, '', '', ...flags]];
			});
		const header = 'SIRET;RAISON_SOCIALE;CODE_POSTAL;VILLE;CODE_SERVICE;NOM_SERVICE;SERVICE_OBLIGATOIRE;ENGAGEMENT_OBLIGATOIRE';
		const csv = [header, ...rows.map((r) => r.map((c) => c.replace(/;/g, ',')).join(';'))].join('\r\n');
		return ok({ fichierResultat: zip([{ name: 'annuaire_destinataires.csv', data: Buffer.from(csv, 'utf8') }]).toString('base64') });
	}, {});
}

type DownloadBody = {
	objetPieceJointe: string;
	demandePaiement?: { format?: string; listeFacture?: Array<{ idFacture?: number }> };
	engagementJuridique?: { numeroEngagementJuridique?: string };
	sollicitation?: { idSollicitation?: number; pieceJointeSollicitation?: string };
	structure?: { idStructure?: number; identifiantStructure?: string };
};

/** telecharger/pieceJointe: the sub-object matching `objetPieceJointe` is mandatory (§5.2). */
function downloadFile(store: SimulatorStore, body: DownloadBody): Buffer {
	switch (body.objetPieceJointe) {
		case 'DEMANDE_PAIEMENT': {
			const ids = (body.demandePaiement?.listeFacture ?? []).map((f) => f.idFacture);
			if (!ids.length) throw fail.missing('demandePaiement.listeFacture');
			const pivot = body.demandePaiement?.format === 'PIVOT';
			const files = ids.map((id) => {
				const invoice = anyInvoice(store, id);
				return { name: `facture_${invoice.idFacture}.${pivot ? 'xml' : 'pdf'}`, data: pivot ? invoicePivotXml(store, invoice) : invoicePdf(store, invoice) };
			});
			return files.length === 1 ? files[0].data : zip(files);
		}
		case 'ENGAGEMENT_JURIDIQUE': {
			const numero = body.engagementJuridique?.numeroEngagementJuridique;
			if (!numero) throw fail.missing('engagementJuridique.numeroEngagementJuridique');
			const commitment = commitmentByNumber(store, numero);
			if (!commitment) throw fail.unknown("L'engagement juridique", numero);
			return commitmentPdf(commitment);
		}
		case 'SOLLICITATION': {
			const id = body.sollicitation?.idSollicitation;
			if (id === undefined) throw fail.missing('sollicitation.idSollicitation');
			const sollicitation = store.transverse.sollicitations.get(id);
			if (!sollicitation) throw fail.unknown('La sollicitation', id);
			const wanted = body.sollicitation?.pieceJointeSollicitation;
			const pieces = [...sollicitation.pieces.entries()].filter(([name]) => !wanted || name === wanted);
			if (!pieces.length) throw fail.noFile(`la sollicitation ${id}`);
			return pieces.length === 1 ? pieces[0][1] : zip(pieces.map(([name, data]) => ({ name, data })));
		}
		case 'UTILISATEUR':
			// docs/api-notes.md §5.2 gives no sub-object for user files: nothing identifies which file is wanted.
			throw fail.missing('utilisateur');
		default: {
			const id = body.structure?.idStructure;
			if (id === undefined) throw fail.missing('structure.idStructure');
			attachmentOwner(store, id);
			const files = store.transverse.structureFiles.filter((f) => f.idStructure === id && f.objet === body.objetPieceJointe);
			if (!files.length) throw fail.noFile(`la structure ${id}`);
			return files[files.length - 1].bytes;
		}
	}
}
