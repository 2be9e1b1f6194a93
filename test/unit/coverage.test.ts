import { annuaireOperations } from '../../nodes/ChorusProAnnuaire/operations';
import { eReportingOperations } from '../../nodes/ChorusProEReporting/operations';
import { eSignatureOperations } from '../../nodes/ChorusProESignature/operations';
import { engagementsOperations } from '../../nodes/ChorusProEngagements/operations';
import { facturesOperations } from '../../nodes/ChorusProFactures/operations';
import { transverseOperations } from '../../nodes/ChorusProTransverse/operations';
import { travauxOperations } from '../../nodes/ChorusProTravaux/operations';
import type { ApiGroup } from '../../nodes/shared/apis';
import { isRequest, type Operation, type RequestOperation } from '../../nodes/shared/operation';

/**
 * Table 4.1 of the AIFE annex ("Synthèse des API", seed 002) lists every endpoint; the rows marked "dépréciée"
 * are left out. This test fails when a listed endpoint has no operation a user can pick in n8n. Paths are
 * relative to the API group's prefix; `{…}` placeholders match any parameter name. Where two rows share a path
 * (Engagements: create and modify, download and add), the row names its method.
 */
const TABLE_4_1: Record<ApiGroup, string[]> = {
	factures: [
		'/deposer/flux', '/soumettre', '/completer', '/consulter/fournisseur', '/corriger/valideur/facture',
		'/rechercher/fournisseur', '/traiterRejet', '/consulter/recipiendaire', '/rechercher/recipiendaire',
		'/traiter/recue', '/consulter/valideur', '/rechercher/valideur', '/recuperer/statutsFactureVisibles/valideur',
		'/traiter/factureAValider', '/rechercher/demandePaiement', '/consulter/historique',
		// Not in the table but in the Swagger and needed to download invoices (issue 2).
		'/telecharger/groupe',
	],
	facturesTravaux: [
		'/consulter/dossierfacturation', '/consulter', '/rechercher', '/soumettre', '/demander/recyclage',
		'/prendreencompte', '/refuser', '/suspendre/demander/completer/factureTravaux', '/recuperer/motifsrefus',
		'/completer', '/completermoe', '/completerservicemoe', '/corriger/valideur', '/recycler',
	],
	transverses: [
		'/ajouter/fichier', '/rechercher/pj/moncompte', '/rechercher/pj/structure', '/telecharger/pieceJointe',
		'/rechercher/destinataire', '/recuperer/structures/actives/destinataire',
		'/recuperer/structures/actives/facturetravaux', '/recuperer/structures/actives/fournisseur',
		'/recuperer/cadrefacturation', '/recuperer/devises', '/recuperer/syntaxeflux', '/recuperer/modedepot',
		'/recuperer/modereglements', '/recuperer/motifs/exonerationtva', '/recuperer/pays', '/recuperer/formatflux',
		'/recuperer/tauxtva', '/recuperer/typedp', '/recuperer/typefacturetravaux', '/recuperer/typeidentifiant/structure',
		'/recuperer/typespj', '/recuperer/typestructure', '/recuperer/coordbanc/valides',
		'/rechercher/categorieSollicitation', '/rechercher/sousCategorieSollicitation',
		'/recuperer/motifs/refus/Facture/AValider', '/recuperer/etat/typedp', '/recuperer/etats/traitement',
		'/consulter/information/siret', '/telecharger/annuaire/destinataire', '/consulterCRDetaille', '/consulterCR',
		'/health-check',
	],
	structures: ['/consulter', '/rechercher/services', '/rechercher', '/consulter/service', '/lister/rattachementsutilisateur'],
	utilisateurs: ['/monCompte/recuperer/rattachements'],
	// The legacy commitment services (rechercher, consulterDetail) are not in table 4.1; the node offers them besides.
	engagementsJuridiques: [],
	engagements: [
		'GET /piece-jointe', 'POST /piece-jointe', '/piece-jointe/{}', '/engagement/referentiel/{}/existence',
		'/engagement/recherche', 'POST /engagement', 'PUT /engagement', '/engagement/{}/statuts/{}', '/engagement/{}', '/engagement/{}/statuts', '/engagement/{}/actions',
		'/engagement/healthcheck',
	],
	organisations: [
		'/siren/{}', '/siren/{}/structures', '/siren/{}/pieces_jointes', '/siren/{}/coordonnees_bancaires/{}',
		'/siren/recherche', '/siren/{}/pieces_jointes/{}', '/siren/{}/coordonnees_bancaires',
		'/structures/{}/coordonnees_bancaires', '/structures/{}/services', '/structures/{}',
		'/structures/{}/parametres-edi', '/structures/{}/pieces_jointes/{}', '/structures/{}/pieces_jointes',
		'/structures/{}/coordonnees_bancaires/{}', '/structures/recherche', '/healthcheck', '/services',
		'/services/recherche', '/services/{}',
	],
	g2bAnnuaire: [
		'/siren/code-insee:{}', '/siren/recherche', '/siret/code-insee:{}', '/siret/recherche',
		'/code-routage/siret:{}/code:{}', '/code-routage/recherche', '/healthcheck',
	],
	g2bFlux: ['/flux', '/flux/{}'],
	g2bFactures: ['/factures/recherche', '/factures/{}'],
	// Table 4.1 announces the e-reporting API without paths ("A venir"); the transmission status is its one use case.
	eReporting: ['/transmissions/{}'],
	// The last group of the table: verification, certificate, seal and signature resources (12/12/2024).
	eSignature: [
		'/policy', '/reports', '/certificate/verify', '/seal/signDocument', '/signature/dataToSign', '/signature/signDocument',
	],
};

const ALL_OPERATIONS: Operation[] = [
	...facturesOperations,
	...travauxOperations,
	...transverseOperations,
	...engagementsOperations,
	...annuaireOperations,
	...eReportingOperations,
	...eSignatureOperations,
];

const normalise = (row: string) => row.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';

/** The requests an operation sends as described: its own, or those of its steps; a local computation sends none. */
function requestsOf(op: Operation): RequestOperation[] {
	if (op.kind === 'steps') return op.steps.map((step) => step.operation);
	return isRequest(op) ? [op] : [];
}

/** Every (API, path) and (API, method path) an operation reaches, including the steps of composite operations. */
function reached(): Set<string> {
	return new Set(
		ALL_OPERATIONS.flatMap(requestsOf).flatMap((op) => [`${op.api} ${normalise(op.path)}`, `${op.api} ${op.method} ${normalise(op.path)}`]),
	);
}

describe('table 4.1 coverage', () => {
	const covered = reached();
	const rows = Object.entries(TABLE_4_1).flatMap(([api, paths]) => paths.map((path) => `${api} ${normalise(path)}`));

	it('lists the 118 non-deprecated endpoints of the table (plus telecharger/groupe)', () => {
		expect(new Set(rows).size).toBe(rows.length);
		expect(rows.length).toBeGreaterThanOrEqual(118);
	});

	it.each(rows)('%s is an operation', (row) => {
		expect(covered.has(row)).toBe(true);
	});

	it('e-reporting transmission status is an operation', () => {
		expect(eReportingOperations.some((op) => op.api === 'eReporting')).toBe(true);
	});

	it('every E-signature operation says where its shape comes from (the annex row and the DSS model)', () => {
		expect(eSignatureOperations).toHaveLength(6);
		for (const op of eSignatureOperations) {
			expect(op.evidence).toEqual(expect.objectContaining({ level: 'unpublished', source: expect.stringMatching(/table 4\.1.*esig\/dss/) }));
		}
	});

	it('no two operations of a node share a resource/operation pair', () => {
		for (const list of [facturesOperations, travauxOperations, transverseOperations, engagementsOperations, annuaireOperations, eReportingOperations, eSignatureOperations]) {
			const keys = list.map((op) => `${op.resource}:${op.operation}`);
			expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
		}
	});
});
