/**
 * API Transverses — `/cpro/transverses/v1` (reference §5): health check, ajouter/fichier, the flux reports
 * (consulterCR, consulterCRDetaille), the referentials (`recuperer/*`) and rechercher/destinataire.
 *
 * No public Swagger exists for this API (§16.3), so each body model below is written from the reference's
 * tables; bodies are checked against them like the Swagger-backed APIs (unknown field or wrong type → 400).
 */
import { Errors } from '../codes';
import { toIsoParis } from '../dates';
import { ok, paginate, readPage, sortBy } from '../envelope';
import { fluxReportPdf } from '../factures/documents';
import { interfaceCode, observeFlux } from '../factures/flux';
import { INVOICE_STATUSES, RECIPIENT_TARGETS } from '../factures/lifecycle';
import { decodeBase64 } from '../factures/submission';
import * as R from '../referentials';
import type { Router } from '../router';
import type { SimulatorStore } from '../store';
import type { Schema } from '../swagger';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

const str: Schema = { type: 'string' };
const int64: Schema = { type: 'integer', format: 'int64' };
const codeLangue: Schema = { type: 'string', enum: ['FR', 'EN', 'fr', 'en'] };
const object = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties });
const PAGINATION = object({
	pageResultatDemandee: int64,
	nbResultatsParPage: int64,
	triSens: { type: 'string', enum: ['Ascendant', 'Descendant'] },
	triColonne: str,
});
const EMPTY = object({ idUtilisateurCourant: int64 });
const LANGUAGE_ONLY = object({ idUtilisateurCourant: int64, codeLangue });

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
}
