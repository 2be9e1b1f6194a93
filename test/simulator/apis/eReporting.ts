/**
 * API e-reporting (annex §3.2.4: a public entity reads the status of its e-reporting transmissions and the PPF
 * lifecycles; table 4.1 gives no resource yet). Paths chosen, as in the node: POST /transmissions/recherche and
 * GET /transmissions/{idTransmission}; PPF-style search. Transmissions come from receivable FRR flux (plus one
 * seeded rejected transmission).
 */
import { arrayOf, object, oneOf, str } from '../modelKit';
import { noQuery, notFound, search, type SearchRules } from '../ppf';
import type { Router } from '../router';
import type { SimulatorStore } from '../store';
import type { Schema } from '../swagger';
import { PPF_PAGING } from './g2bFactures';

export const E_REPORTING_PREFIX = '/cpro/g2b/ereporting/v1';

const FIELDS = [
	'idTransmission', 'siren', 'nomFichier', 'dateDebutPeriode', 'dateFinPeriode', 'idFlux', 'dateDepot', 'statut',
	'motifs', 'cyclesDeVie',
];

const criterion = (op: 'strict' | 'contient', valeur: Schema): Schema => object({ op: oneOf([op]), valeur }, ['op', 'valeur']);

const SEARCH_BODY = object({
	filtres: object({
		idTransmission: criterion('contient', str),
		siren: criterion('strict', { type: 'string', pattern: '^\\d{9}$' }),
		statut: criterion('strict', oneOf(['300', '301'])),
		idFlux: criterion('strict', str),
	}),
	champs: arrayOf(oneOf(FIELDS)),
	...PPF_PAGING,
});

const RULES: SearchRules = {
	filters: { idTransmission: (t) => t.idTransmission, siren: (t) => t.siren, statut: (t) => t.statut, idFlux: (t) => t.idFlux },
	sortable: {},
	groups: {},
};

export function register(router: Router, store: SimulatorStore, prefix = E_REPORTING_PREFIX): void {
	const api = router.api({ name: 'eReporting', prefix, errorStyle: 'problem' });
	const transmissions = () => store.g2b.transmissions;

	api.post('/transmissions/recherche', ({ body }) => search(body, [...transmissions().values()], RULES), { schema: SEARCH_BODY });

	api.get('/transmissions/{idTransmission}', (ctx) => {
		noQuery(ctx);
		const transmission = transmissions().get(ctx.params.idTransmission);
		if (!transmission) throw notFound(ctx, `transmission ${ctx.params.idTransmission}`);
		return transmission;
	});
}
