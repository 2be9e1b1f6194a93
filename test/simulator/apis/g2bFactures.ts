/**
 * API Recherche Factures G2B (DGFiP annex table 4.1: POST /factures/recherche, GET /factures/{uidFacture}).
 * Read only. No public Swagger: the search body follows the PPF conventions (annex §3.2.2 — filters, fields to
 * return, sort), modelled here and validated as a closed model. Invoices come from receivable G2B flux.
 */
import { arrayOf, object, oneOf, str } from '../modelKit';
import { noQuery, notFound, search, type Json, type SearchRules } from '../ppf';
import type { Router } from '../router';
import { type G2bInvoice } from '../seed-g2b';
import type { SimulatorStore } from '../store';
import type { Schema } from '../swagger';

export const G2B_FACTURES_PREFIX = '/cpro/g2b/factures/v1';

export const INVOICE_FIELDS = [
	'uidFacture', 'numeroFacture', 'idFlux', 'nomFichier', 'sirenFournisseur', 'sirenAcheteur', 'dateDepot',
	'statut', 'motif', 'dateStatut',
];

const criterion = (op: 'strict' | 'contient', valeur: Schema): Schema => object({ op: oneOf([op]), valeur }, ['op', 'valeur']);
const day: Schema = { type: 'string', format: 'date' };

export const PPF_PAGING = {
	tris: arrayOf(object({ champ: str, ordre: oneOf(['ascendant', 'descendant']) }, ['champ'])),
	limite: { type: 'integer', format: 'int32', minimum: 1 } as Schema,
	ignorer: { type: 'integer', format: 'int32', minimum: 0 } as Schema,
};

const SEARCH_BODY = object({
	filtres: object({
		numeroFacture: criterion('contient', { type: 'string', maxLength: 35 }),
		idFlux: criterion('strict', str),
		statut: criterion('strict', oneOf(['200', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214'])),
		sirenAcheteur: criterion('strict', { type: 'string', pattern: '^\\d{9}$' }),
		dateDepot: object({ debut: day, fin: day }),
	}),
	champs: arrayOf(oneOf(INVOICE_FIELDS)),
	...PPF_PAGING,
});

const RULES: SearchRules = {
	filters: {
		numeroFacture: (i) => i.numeroFacture,
		idFlux: (i) => i.idFlux,
		statut: (i) => i.statut,
		sirenAcheteur: (i) => i.sirenAcheteur,
	},
	sortable: {},
	groups: {},
	ignored: ['dateDepot'],
};

const summary = ({ historiqueStatuts: _h, libelleStatut: _l, ...rest }: G2bInvoice): Json => rest;

export function register(router: Router, store: SimulatorStore, prefix = G2B_FACTURES_PREFIX): void {
	const api = router.api({ name: 'g2bFactures', prefix, errorStyle: 'problem' });
	const invoices = () => [...store.g2b.invoices.values()];

	api.post(
		'/factures/recherche',
		({ body }) => {
			const range = (body.filtres?.dateDepot ?? {}) as { debut?: string; fin?: string };
			const inRange = invoices().filter(
				(i) => (!range.debut || i.dateDepot.slice(0, 10) >= range.debut) && (!range.fin || i.dateDepot.slice(0, 10) <= range.fin),
			);
			return search(body, inRange.map(summary), RULES);
		},
		{ schema: SEARCH_BODY },
	);

	api.get('/factures/{uidFacture}', (ctx) => {
		noQuery(ctx);
		const invoice = store.g2b.invoices.get(ctx.params.uidFacture);
		if (!invoice) throw notFound(ctx, `facture ${ctx.params.uidFacture}`);
		return invoice;
	});
}
