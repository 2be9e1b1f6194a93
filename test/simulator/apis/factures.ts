/**
 * API Factures — `/cpro/factures/v1`, the 22 operations of the official Swagger (docs/api-notes.md §3). Request bodies
 * are checked against `swagger/factures-v1.swagger.json`. Domain logic lives in `../factures/`.
 */
import { Errors } from '../codes';
import { toDay } from '../dates';
import { ok, paginate, readPage, sortBy, type PageRequest } from '../envelope';
import { Criteria, invoiceColumns, invoiceDay, sameStructure } from '../factures/search';
import { isRecipientOf, isSupplierOf, isValidatorOf, recipientInvoice, supplierInvoice, validatorInvoice } from '../factures/access';
import { depositFlux, settleDueFlux } from '../factures/flux';
import { SUPPLIER_ACTIONABLE, VALIDATOR_VISIBLE } from '../factures/lifecycle';
import { consulter, consulterHistorique, telechargerGroupe, traiterFactureAValider, traiterRecue } from '../factures/processing';
import { completer, corrigerValideur, decodeBase64, deposerPdf, recycler, soumettre, traiterRejet } from '../factures/submission';
import { paymentRequestRow, recipientRow, supplierRow, supplierToDoRow, validatorRow } from '../factures/views';
import type { Router } from '../router';
import type { Invoice, SimulatorStore } from '../store';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

export function register(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'factures', prefix: '/cpro/factures/v1', swagger: 'factures' });
	const columns = invoiceColumns(store);
	const sorted = (list: Invoice[], page: PageRequest) => sortBy(list, page, columns, (i) => i.idFacture);

	/** Filters shared by the searches (names differ slightly per operation: `montantApayer` vs `montantAPayer`). */
	const common = (body: Body, c: Criteria) =>
		c
			.equals(body.numeroFacture, (i) => i.numeroFacture)
			.period(body.periodeDateDepotDu, body.periodeDateDepotAu, (i) => i.dateDepot.getTime())
			.period(body.periodeDateFactureDu, body.periodeDateFactureAu, invoiceDay)
			.equals(body.cadreFacturation, (i) => i.cadreFacturation)
			.oneOf(body.statutCourant, (i) => i.statut)
			.range(body.montantHTMin, body.montantHTMax, (i) => i.montantHT)
			.range(body.montantTTCMin, body.montantTTCMax, (i) => i.montantTTC)
			.range(body.montantApayerMin ?? body.montantAPayerMin, body.montantApayerMax ?? body.montantAPayerMax, (i) => i.montantAPayer)
			.equals(body.numeroMarche, (i) => i.numeroMarche)
			.period(body.periodeDateHeureEtatCourantDu, body.periodeDateHeureEtatCourantAu, (i) => i.dateHeureEtatCourant.getTime());

	// ---- supplier ----------------------------------------------------------------------------------------

	api.post('/deposer/flux', ({ body }) => {
		if (!body.fichierFlux) throw Errors.missingField(20002, 'fichierFlux');
		if (!body.nomFichier) throw Errors.missingField(20002, 'nomFichier');
		if (!body.syntaxeFlux) throw Errors.missingField(20002, 'syntaxeFlux');
		if (body.fichierFlux.length > Math.ceil((30 * 1024 * 1024) / 3) * 4 + 4) throw Errors.fluxTooLarge();
		const flux = depositFlux(store, body, decodeBase64(body.fichierFlux, 'fichierFlux'));
		return ok({
			numeroFluxDepot: flux.numeroFluxDepot,
			dateDepot: toDay(flux.dateDepot),
			syntaxeFlux: flux.syntaxeFlux,
		});
	});
	api.post('/deposer/pdf', ({ body }) => deposerPdf(store, body));
	api.post('/soumettre', ({ body }) => soumettre(store, body));
	api.post('/completer', ({ body }) => completer(store, body));
	api.post('/recycler', ({ body }) => recycler(store, body));
	api.post('/corriger/valideur/facture', ({ body }) => corrigerValideur(store, body));
	api.post('/traiterRejet', ({ body }) => traiterRejet(store, body));

	api.post('/rechercher/fournisseur', ({ body }) => {
		settleDueFlux(store);
		const page = readPage(body.rechercheFactureParFournisseur);
		const destinataires: Body[] = Array.isArray(body.listeDestinataire) ? body.listeDestinataire : [];
		const criteria = common(body, new Criteria())
			.add((i) => isSupplierOf(store, i) && i.statut !== 'BROUILLON')
			.equals(body.idFournisseur, (i) => i.idFournisseur)
			.equals(body.typeFacture, (i) => i.typeFacture)
			.equals(body.idServiceFournisseur, (i) => i.idServiceFournisseur)
			.equals(body.idStructureValideur, (i) => i.idValideur1)
			.equals(body.coordonneeBancaire, (i) => i.idCoordonneeBancaire)
			.equals(body.numeroBonCommande, (i) => i.numeroBonCommande)
			.equals(body.numeroFactureOrigine, (i) => i.numeroFactureOrigine)
			.equals(body.modeDepot, (i) => i.modeDepot)
			.equals(body.numeroFluxDepot, (i) => i.numeroFluxDepot)
			.equals(body.rejetTraite, (i) => i.rejetTraite);
		if (destinataires.length > 0) {
			criteria.add((i) =>
				destinataires.some(
					(d) =>
						(typeof d.idDestinataire !== 'number' ||
							sameStructure(store, d.idDestinataire, i.idDestinataire, body.rechercheSirenDestinataire === true)) &&
						(!Array.isArray(d.listeIdServiceExecutant) ||
							d.listeIdServiceExecutant.length === 0 ||
							d.listeIdServiceExecutant.includes(i.idServiceExecutant)),
				),
			);
		}
		const { items, counters } = paginate(sorted(criteria.apply(store.invoices.values()), page), page);
		return ok({
			parametresRetour: counters,
			listeFactures: items.map((i) => supplierRow(store, i, body.recupererTaille === true)),
		});
	});

	api.post('/rechercher/atraiter/fournisseur', ({ body }) => {
		const page = readPage(body.rechercheFactureATraiterParFournisseur);
		const criteria = new Criteria()
			.add((i) => isSupplierOf(store, i) && SUPPLIER_ACTIONABLE.has(i.statut) && !(i.statut === 'REJETEE' && i.rejetTraite))
			.add((i) => !(body.masquerRejetee === true && i.statut === 'REJETEE'))
			.equals(body.idStructure, (i) => i.idFournisseur);
		const { items, counters } = paginate(sorted(criteria.apply(store.invoices.values()), page), page);
		return ok({
			parametresRetour: counters,
			listeFactures: items.map((i) => supplierToDoRow(store, i, body.recupererTaille === true)),
		});
	});

	api.post('/consulter/fournisseur', ({ body }) => consulter(store, body, 'fournisseur', supplierInvoice));

	// ---- recipient ---------------------------------------------------------------------------------------

	api.post('/rechercher/recipiendaire', ({ body }) => {
		const page = readPage(body.paramRecherche);
		const fournisseurs: Body[] = Array.isArray(body.listeFournisseurs) ? body.listeFournisseurs : [];
		const criteria = common(body, new Criteria())
			.add((i) => isRecipientOf(store, i))
			.equals(body.typeDemandePaiement, (i) => i.typeDemandePaiement)
			.equals(body.idDestinataire, (i) => i.idDestinataire)
			.equals(body.idServiceExecutant, (i) => i.idServiceExecutant)
			.oneOf(body.listeTypeFacture, (i) => i.typeFacture)
			.oneOf(body.listeTypeFactureTravaux, (i) => i.typeFactureTravaux)
			.equals(body.idStructureValideur, (i) => i.idValideur1)
			.equals(body.numeroBonCommande, (i) => i.numeroBonCommande)
			.equals(body.factureTelechargeeParDestinataire, (i) => i.factureTelechargeeParDestinataire);
		if (fournisseurs.length > 0) {
			criteria.add((i) =>
				fournisseurs.some(
					(f) =>
						(typeof f.idFournisseur !== 'number' ||
							sameStructure(store, f.idFournisseur, i.idFournisseur, body.rechercheSirenFournisseur === true)) &&
						(!Array.isArray(f.listeIdService) || f.listeIdService.length === 0 || f.listeIdService.includes(i.idServiceFournisseur)),
				),
			);
		}
		const found = criteria.apply(store.invoices.values());
		if (found.length === 0) throw Errors.noResult().with({ listeFactures: [] });
		const { items, counters } = paginate(sorted(found, page), page);
		return ok({ ...counters, listeFactures: items.map((i) => recipientRow(store, i, body.recupererTaille === true)) });
	});

	api.post('/rechercher/atraiter/recipiendaire', ({ body }) => {
		const request = body.parametreRechercheFactureATraiterParRecipiendaire;
		const page = readPage(request, {
			page: 'pageResultatDemandee',
			size: 'nbResultatsParPage',
			sortColumn: 'triColonne',
			sortDirection: 'triSens',
			max: ['nbResultatsMaximum', 'getnbResultatsMaximum'],
		});
		const criteria = new Criteria()
			.add((i) => isRecipientOf(store, i) && (store.transitions[i.statut] ?? []).length > 0)
			.equals(body.idStructure, (i) => i.idDestinataire);
		const { items, counters } = paginate(sorted(criteria.apply(store.invoices.values()), page), page);
		return ok({
			parametresRetour: counters,
			listeFactures: items.map((i) => recipientRow(store, i, body.recupererTaille === true)),
		});
	});

	api.post('/consulter/recipiendaire', ({ body }) => consulter(store, body, 'recipiendaire', recipientInvoice));
	api.post('/traiter/recue', ({ body }) => traiterRecue(store, body));
	api.post('/telecharger/groupe', ({ body }) => telechargerGroupe(store, body));
	api.post('/consulter/historique', ({ body }) => consulterHistorique(store, body));

	// ---- validator ---------------------------------------------------------------------------------------

	api.post('/rechercher/valideur', ({ body }) => {
		const page = readPage(body.pagination);
		const criteria = common(body, new Criteria())
			.add((i) => isValidatorOf(store, i))
			.equals(body.typeDemandePaiement, (i) => i.typeDemandePaiement)
			.equals(body.idServiceExecutant, (i) => i.idServiceExecutant)
			.oneOf(body.listeTypeFacture, (i) => i.typeFacture)
			.oneOf(body.listeTypeFactureTravaux, (i) => i.typeFactureTravaux)
			.equals(body.idServiceFournisseur, (i) => i.idServiceFournisseur)
			.equals(body.idStructureValideur, (i) => i.idValideur1)
			.equals(body.numeroEngagement, (i) => i.numeroBonCommande);
		if (typeof body.idDestinataire === 'number') {
			criteria.add((i) => sameStructure(store, body.idDestinataire, i.idDestinataire, body.rechercheSirenDestinataire === true));
		}
		if (typeof body.idFournisseur === 'number') {
			criteria.add((i) => sameStructure(store, body.idFournisseur, i.idFournisseur, body.rechercheSirenFournisseur === true));
		}
		const { items, counters } = paginate(sorted(criteria.apply(store.invoices.values()), page), page);
		return ok({ parametresRetour: counters, listeFactures: items.map((i) => validatorRow(store, i)) });
	});

	api.post('/rechercher/aTraiter/valideur', ({ body }) => {
		const page = readPage(body.pagination);
		const structure =
			typeof body.idStructure === 'number'
				? store.structure(body.idStructure)
				: body.identifiantStructure
					? store.structureByIdentifiant(body.identifiantStructure, body.typeIdentifiantStructure ?? undefined)
					: undefined;
		const wanted = structure?.idStructureCPP;
		const asked = typeof body.idStructure === 'number' || Boolean(body.identifiantStructure);
		const criteria = new Criteria().add(
			(i) =>
				isValidatorOf(store, i) &&
				((i.statut === 'A_VALIDER_1' && (!asked || i.idValideur1 === wanted)) ||
					(i.statut === 'A_VALIDER_2' && (!asked || i.idValideur2 === wanted))),
		);
		const { items, counters } = paginate(sorted(criteria.apply(store.invoices.values()), page), page);
		return ok({ parametresRetour: counters, listeFactures: items.map((i) => validatorRow(store, i)) });
	});

	api.post('/consulter/valideur', ({ body }) => consulter(store, body, 'valideur', validatorInvoice));
	api.post('/traiter/factureAValider', ({ body }) => traiterFactureAValider(store, body));
	api.post('/recuperer/statutsFactureVisibles/valideur', () =>
		ok({ listeStatutFacture: VALIDATOR_VISIBLE.map((codeStatutFacture) => ({ codeStatutFacture })) }),
	);

	// ---- any role ----------------------------------------------------------------------------------------

	api.post('/rechercher/demandePaiement', ({ body }) => {
		const role: string | undefined = body.roleUtilisateur;
		const visible = (i: Invoice) =>
			role === 'FOURNISSEUR'
				? isSupplierOf(store, i)
				: role === 'DESTINATAIRE'
					? isRecipientOf(store, i)
					: role === 'VALIDEUR'
						? isValidatorOf(store, i)
						: role === undefined || role === null
							? isSupplierOf(store, i) || isRecipientOf(store, i) || isValidatorOf(store, i)
							: false;
		const criteria = common(body, new Criteria())
			.add(visible)
			.add((i) => i.statut !== 'BROUILLON')
			.equals(body.typeDemandePaiement, (i) => i.typeDemandePaiement)
			.equals(body.typeFacture, (i) => i.typeFacture)
			.equals(body.typeFactureTravaux, (i) => i.typeFactureTravaux)
			.period(body.periodeDateFournisseurDu, body.periodeDateFournisseurAu, invoiceDay)
			.equals(body.numeroBonCommande, (i) => i.numeroBonCommande)
			.equals(body.numeroFactureOrigine, (i) => i.numeroFactureOrigine)
			.equals(body.idServiceFournisseur, (i) => i.idServiceFournisseur)
			.equals(body.idServiceDestinataire, (i) => i.idServiceExecutant)
			.equals(body.numeroDpMandat, (i) => i.numeroDpMandat)
			.add((i) => body.dpOuDpArchive !== 'DP_ARCHIVE' || i.statut === 'MISE_EN_PAIEMENT');
		const fournisseur = body.structureFournisseur?.idStructureFournisseur;
		if (typeof fournisseur === 'number') {
			criteria.add((i) => sameStructure(store, fournisseur, i.idFournisseur, body.rechercheSirenFournisseur === true));
		}
		const destinataire = body.structureDestinataire?.idStructureDestinataire;
		if (typeof destinataire === 'number') {
			criteria.add((i) => sameStructure(store, destinataire, i.idDestinataire, body.rechercheSirenDestinataire === true));
		}
		const valideur = body.structureValideur?.idStructureValideur;
		if (typeof valideur === 'number') criteria.add((i) => i.idValideur1 === valideur || i.idValideur2 === valideur);
		// The simulator's payment requests are invoices, not works invoices or justice statements: none has a project
		// manager, an owner, a billing file or a statement number (their rows say null), so such a filter matches none.
		criteria
			.equals(body.structureMoe?.idStructureMoe, () => null)
			.equals(body.idServiceMoe, () => null)
			.equals(body.structureMoa?.idStructureMoa, () => null)
			.equals(body.idServiceMoa, () => null)
			.equals(body.numeroDossierFacturation, () => null)
			.equals(body.numeroFactureMemoire, () => null);
		const found = criteria.apply(store.invoices.values());
		return ok({
			total: found.length,
			listeDemandePaiement: found.map((i) => paymentRequestRow(store, i, found.length)),
		});
	});
}
