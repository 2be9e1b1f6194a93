/**
 * Operations on one existing invoice: consulter (3 roles), traiter/recue, traiter/factureAValider,
 * telecharger/groupe, consulter/historique (docs/api-notes.md §3.10–§3.21, §14.2).
 */
import { Errors } from '../codes';
import { toDay, toMinute } from '../dates';
import { HttpError, ok, paginate, readPage, sortBy, suffixed, type PageFieldNames } from '../envelope';
import type { Invoice, SimulatorStore, User } from '../store';
import { anyInvoice, isRecipientOf, recipientInvoice, validatorInvoice } from './access';
import { invoicePdf, invoicePivotXml, invoiceSize, zip } from './documents';
import { MOTIF_REQUIRED, RECIPIENT_TARGETS } from './lifecycle';
import { invoiceDetail, type SubLists } from './views';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

export const DOWNLOAD_MAX_BYTES = 120 * 1024 * 1024;

const fields = (page: string, size: string, dir: string, col: string): PageFieldNames => ({
	page,
	size,
	sortDirection: dir,
	sortColumn: col,
});

const TVA_FIELDS = fields(
	'pageResultatDemandeeListeRecapitulatifTVA',
	'nbResultatsParPageListeListeRecapitulatifTVA',
	'triSensListeRecapitulatifTVA',
	'triColonneListeRecapitulatifTVA',
);
const PJ_FIELDS = fields(
	'pageResultatDemandeeListePieceJointe',
	'nbResultatsParPageListePieceJointe',
	'triSensListePiecesJointes',
	'triColonneListePiecesJointes',
);
const LINE_FIELDS = fields(
	'pageResultatDemandeeLignesPoste',
	'nbResultatsParPageLignesPoste',
	'triSensListeLignesPoste',
	'triColonneListeLignesPoste',
);

/** The paginated sub-lists of the detail object; `keys` = request keys of this role's variant. */
function subLists(store: SimulatorStore, invoice: Invoice, body: Body, keys: [string, string, string]): SubLists {
	const [tvaKey, pjKey, lineKey] = keys;
	const tvaPage = readPage(body[tvaKey], TVA_FIELDS);
	const tva = paginate(
		sortBy(invoice.lignesTva.map((l, i) => ({ ...l, i })), tvaPage, {
			LigneTvaMontantTvaParTaux: (l) => l.montant,
			LigneTvaTauxRefCode: (l) => l.taux,
			LigneTvaMontantBaseHtParTaux: (l) => l.base,
			LigneTvaTauxManuel: (l) => l.tauxManuel,
		}, (l) => l.i),
		tvaPage,
	);
	const pjPage = readPage(body[pjKey], PJ_FIELDS);
	const pj = paginate(
		sortBy(invoice.piecesJointes, pjPage, {
			PieceJointeTypeCode: (p) => p.typeCode,
			PieceJointeDesignation: (p) => p.designation,
			PieceJointeNumeroLigneFacture: (p) => p.numeroLigne,
			PieceJointeExtension: (p) => store.files.get(p.pieceJointeId)?.extension,
		}, (p) => p.idLiaison),
		pjPage,
	);
	const linePage = readPage(body[lineKey], LINE_FIELDS);
	const lines = paginate(
		sortBy(invoice.lignesPoste, linePage, {
			LignePosteNumero: (l) => l.numero,
			LignePosteReference: (l) => l.reference,
			LignePosteDenomination: (l) => l.denomination,
			LignePosteQuantite: (l) => l.quantite,
			LignePosteMontantUnitaireHT: (l) => l.montantUnitaireHT,
			LignePosteTauxTva: (l) => l.tauxTva,
		}, (l) => l.numero),
		linePage,
	);
	return {
		recapitulatifDeTva: {
			ligneTva: tva.items.map((l) => ({
				ligneTvaTauxRefId: null,
				ligneTvaTauxRefCode: l.taux,
				ligneTvaTauxRefLibelle: l.taux,
				ligneTvaTauxRefValeur: null,
				ligneTvaTauxManuel: l.tauxManuel,
				ligneTvaMontantBaseHtParTaux: l.base,
				ligneTvaMontantTvaParTaux: l.montant,
			})),
			...suffixed(tva.counters, 'LignesRecapitulativesTVA'),
		},
		listeDesPiecesJointes: {
			pieceJointe: pj.items.map((p) => ({
				pieceJointeTypeCode: p.typeCode,
				pieceJointeTypeLibelle: p.typeCode,
				pieceJointeDesignation: p.designation,
				pieceJointeNumeroLigneFacture: p.numeroLigne,
				pieceJointeIdLiaison: p.idLiaison,
				pieceJointeId: p.pieceJointeId,
				pieceJointeExtension: store.files.get(p.pieceJointeId)?.extension ?? null,
			})),
			...suffixed(pj.counters, 'ListePiecesJointe'),
		},
		lignesPoste: {
			lignePoste: lines.items.map((l) => {
				const ht = Math.round((l.quantite * l.montantUnitaireHT - l.montantRemiseHT) * 100) / 100;
				return {
					lignePosteNumero: l.numero,
					lignePosteReference: l.reference,
					lignePosteDenomination: l.denomination,
					lignePosteQuantite: l.quantite,
					lignePosteUniteCode: null,
					lignePosteUniteLibelle: l.unite,
					lignePosteMontantUnitaireHT: l.montantUnitaireHT,
					lignePosteMontantRemiseHT: l.montantRemiseHT,
					lignePosteTauxTva: l.tauxTva,
					lignePosteTauxTvaManuel: l.tauxTvaManuel,
					lignePosteMontantHtApresRemise: ht,
					lignePosteMontantTva: null,
					lignePosteMontantTtcApresRemise: null,
				};
			}),
			...suffixed(lines.counters, 'LignesPoste'),
		},
	};
}

export function consulter(
	store: SimulatorStore,
	body: Body,
	role: 'fournisseur' | 'recipiendaire' | 'valideur',
	find: (store: SimulatorStore, id: unknown) => Invoice,
): Record<string, unknown> {
	const invoice = find(store, body.identifiantFactureCPP);
	const keys: Record<typeof role, [string, string, string]> = {
		fournisseur: ['getpLigneRecapTva', 'getpListePiecesJointes', 'getpLignesPoste'],
		recipiendaire: ['rechercheligneTvaRecap', 'recherchePj', 'rechercheLignePoste'],
		valideur: ['rechercheLigneTvaRecap', 'recherchePj', 'rechercheLignePoste'],
	};
	const variant = role === 'recipiendaire' ? 'recipient' : 'issued';
	return ok({ facture: invoiceDetail(store, invoice, variant, subLists(store, invoice, body, keys[role])) });
}

/** `POST /traiter/recue` (§3.15). */
export function traiterRecue(store: SimulatorStore, body: Body): Record<string, unknown> {
	if (typeof body.idFacture !== 'number') throw Errors.missingField(20001, 'idFacture');
	if (!body.nouveauStatut) throw Errors.missingField(20001, 'nouveauStatut');
	const invoice = recipientInvoice(store, body.idFacture);
	const target: string = body.nouveauStatut;
	const allowed = store.transitions[invoice.statut] ?? [];
	if (!RECIPIENT_TARGETS.includes(target) || !allowed.includes(target)) throw Errors.invalidTransition();
	const motif = typeof body.motif === 'string' ? body.motif.trim() : '';
	if (MOTIF_REQUIRED.includes(target) && !motif) throw Errors.motifRequired(target);
	if (body.numeroDPMandat) invoice.numeroDpMandat = body.numeroDPMandat;
	store.setStatus(invoice.idFacture, target, { motif: motif || null, user: store.account.user });
	return ok({
		idFacture: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		dateTraitement: toDay(store.now()),
		nouveauStatut: target,
	});
}

const VALIDATOR_ACTIONS = ['VALIDATION', 'REFUS', 'REJET', 'SUSPENSION', 'MISE_EN_PAIEMENT', 'MISE_EN_RECYCLAGE'];

/** `POST /traiter/factureAValider` (§3.21): VALIDATION or REFUS of an invoice waiting for this validator. */
export function traiterFactureAValider(store: SimulatorStore, body: Body): Record<string, unknown> {
	if (typeof body.idFacture !== 'number') throw Errors.missingField(20001, 'idFacture');
	if (!body.action) throw Errors.missingField(20001, 'action');
	if (!VALIDATOR_ACTIONS.includes(body.action)) {
		throw Errors.invalidField(20001, 'action', `valeur inconnue ${JSON.stringify(body.action)}`);
	}
	const invoice = validatorInvoice(store, body.idFacture);
	const level = invoice.statut === 'A_VALIDER_1' ? 1 : invoice.statut === 'A_VALIDER_2' ? 2 : 0;
	if (!level || !['VALIDATION', 'REFUS'].includes(body.action)) throw Errors.actionImpossible(20002, invoice.statut);
	const user = store.account.user;
	let statutFacture: string;
	if (body.action === 'REFUS') {
		if (!body.motifRefus) throw Errors.missingField(20003, 'motifRefus');
		const comment = [body.motifRefus, body.complementInfo].filter(Boolean).join(' - ');
		statutFacture = `REFUSEE_${level}`;
		store.setStatus(invoice.idFacture, statutFacture, { motif: comment, user });
	} else {
		statutFacture = `VALIDEE_${level}`;
		store.setStatus(invoice.idFacture, statutFacture, { motif: body.complementInfo ?? null, user });
		if (level === 1) invoice.dateValidation1 = store.now();
		else invoice.dateValidation2 = store.now();
		if (level === 1 && invoice.idValideur2 !== null) store.setStatus(invoice.idFacture, 'A_VALIDER_2');
		else store.deposit(invoice, null);
	}
	return ok({
		idFacture: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		dateTraitement: toDay(store.now()),
		statutFacture,
	});
}

/** `POST /telecharger/groupe` (§3.16): PDF / PIVOT, ZIP for several invoices, 413 over 120 Mo. */
export function telechargerGroupe(store: SimulatorStore, body: Body): Record<string, unknown> {
	const format = body.format;
	if (!format) throw Errors.missingField(20001, 'format');
	if (format !== 'PDF' && format !== 'PIVOT') {
		throw Errors.invalidField(20001, 'format', `valeurs acceptées PDF, PIVOT (reçu ${JSON.stringify(format)})`);
	}
	const list: Body[] = Array.isArray(body.listeFacture) ? body.listeFacture : [];
	if (list.length === 0) throw Errors.missingField(20001, 'listeFacture');
	const invoices = list.map((f) => anyInvoice(store, f?.idFacture));
	const withAttachments = body.avecPiecesJointesComplementaires === 'true';
	const attachmentBytes = (i: Invoice) =>
		withAttachments ? i.piecesJointes.reduce((n, pj) => n + (store.files.get(pj.pieceJointeId)?.bytes.length ?? 0), 0) : 0;
	const declared = invoices.reduce((n, i) => n + invoiceSize(store, i) + attachmentBytes(i), 0);
	if (declared > DOWNLOAD_MAX_BYTES) throw new HttpError(413);
	const render = (i: Invoice) => (format === 'PDF' ? invoicePdf(store, i) : invoicePivotXml(store, i));
	const extension = format === 'PDF' ? 'pdf' : 'xml';
	let file: Buffer;
	const single = invoices.length === 1 && (!withAttachments || invoices[0].piecesJointes.length === 0);
	if (single) {
		file = render(invoices[0]);
	} else {
		const entries = invoices.flatMap((i) => [
			{ name: `${i.numeroFacture.replace(/[\\/:*?"<>|]/g, '_')}_${i.idFacture}.${extension}`, data: render(i) },
			...(withAttachments
				? i.piecesJointes.flatMap((pj) => {
						const f = store.files.get(pj.pieceJointeId);
						return f ? [{ name: `${i.idFacture}/${f.nom}`, data: f.bytes }] : [];
					})
				: []),
		]);
		file = zip(entries);
	}
	for (const invoice of invoices) {
		if (isRecipientOf(store, invoice)) {
			invoice.factureTelechargeeParDestinataire = true;
			store.addAction(invoice.idFacture, 'TELECHARGEMENT_FACTURE');
		}
	}
	return ok({ fichierResultat: file.toString('base64') });
}

function userFields(prefix: string, user: User | null): Record<string, unknown> {
	return {
		[`${prefix}UtilisateurPrenom`]: user?.prenom ?? null,
		[`${prefix}UtilisateurNom`]: user?.nom ?? null,
		[`${prefix}UtilisateurEmail`]: user?.email ?? null,
		[`${prefix}UtilisateurTelephone`]: user?.telephone ?? null,
	};
}

/** History blocks are newest first unless the request asks otherwise (2016 AIFE fixture, §3.17). */
function historyPage<T>(
	items: readonly T[],
	request: Body,
	names: PageFieldNames,
	columns: Record<string, (item: T) => unknown>,
	id: (item: T) => number,
) {
	const page = readPage(request, names);
	if (!request?.[names.sortDirection]) page.sortDirection = 'Descendant';
	return paginate(sortBy(items, page, columns, id), page);
}

/** `POST /consulter/historique` (§3.17). */
export function consulterHistorique(store: SimulatorStore, body: Body): Record<string, unknown> {
	const invoice = anyInvoice(store, body.idFacture);
	const statuts = historyPage(
		invoice.historique,
		body.paramRechercheHistoStatuts,
		fields('pageResultatDemandeeListeHistoStatut', 'nbResultatsParPageListeHistoStatut', 'triSensListeHistoStatut', 'triColonneListeHistoStatut'),
		{
			HistoStatutCode: (h) => h.code,
			HistoStatutDatePassage: (h) => h.at.getTime(),
			HistoStatutCommentaire: (h) => h.commentaire,
			HistoStatutUtilisateurNom: (h) => h.user?.nom,
			HistoStatutUtilisateurPrenom: (h) => h.user?.prenom,
			HistoStatutUtilisateurEmail: (h) => h.user?.email,
		},
		(h) => h.id,
	);
	const evenements = historyPage(
		invoice.evenements,
		body.paramRechercheHistoEvenementsComplementaires,
		fields('pageResultatDemandeeListeHistoEvenement', 'nbResultatsParPageListeHistoEvenement', 'triSensListeHistoEvenement', 'triColonneListeHistoEvenement'),
		{ EvenementLibelle: (e) => e.libelle, EvenementQui: (e) => e.qui, EvenementDateHeure: (e) => e.at.getTime() },
		(e) => e.id,
	);
	const actions = historyPage(
		invoice.actions,
		body.paramRechercheHistoActionsUtilisateurs,
		fields('pageResultatDemandeeListeHistoAction', 'nbResultatsParPageListeHistoAction', 'triSensListeHistoAction', 'triColonneListeHistoAction'),
		{
			HistoActionDateHeure: (a) => a.at.getTime(),
			HistoActionCode: (a) => a.code,
			HistoAction: (a) => a.code,
			HistoActionUtilisateurNom: (a) => a.user?.nom,
		},
		(a) => a.id,
	);
	const last = invoice.actions[invoice.actions.length - 1];
	return ok({
		idFacture: invoice.idFacture,
		numeroFacture: invoice.numeroFacture,
		modeDepot: invoice.modeDepot,
		statutCourantCode: invoice.statut,
		historiquesDesStatuts: {
			histoStatut: statuts.items.map((h) => ({
				histoStatutId: h.id,
				histoStatutCode: h.code,
				histoStatutDatePassage: toMinute(h.at),
				histoStatutCommentaire: h.commentaire ?? '',
				...userFields('histoStatut', h.user),
			})),
			...suffixed(statuts.counters, 'HistoStatut'),
		},
		historiquesDesEvenementsComplementaires: {
			evenement: evenements.items.map((e) => ({
				evenementId: e.id,
				evenementLibelle: e.libelle,
				evenementQui: e.qui,
				evenementDateHeure: toMinute(e.at),
			})),
			...suffixed(evenements.counters, 'Evenement'),
		},
		historiquesDesActionsUtilisateurs: {
			histoAction: actions.items.map((a) => ({
				histoActionId: a.id,
				histoActionCode: a.code,
				histoActionDateHeure: toMinute(a.at),
				...userFields('histoAction', a.user),
			})),
			...suffixed(actions.counters, 'HistoAction'),
		},
		derniereAction: last ? { derniereActionId: last.id, derniereActionCode: last.code } : null,
	});
}

