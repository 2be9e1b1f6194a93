/**
 * API Annuaire G2B (DGFiP annex table 4.1: ANN API 10–60 + healthcheck). Its Swagger is not public; the G2B
 * directory "relies on the APIs of the e-invoicing directory", so requests are validated against the PPF
 * annuaire OpenAPI 1.11.0 (bodies by the router, path and query parameters by `guardParameters`) and answers
 * have its shapes. Consultations add the active directory lines, without the platform data G2B must remove.
 */
import { guardParameters, nested, notFound, project, search, type Json, type SearchRules } from '../ppf';
import { reply, type Router } from '../router';
import type { SimulatorStore } from '../store';

/** Default prefix of nodes/shared/apis.ts (the credential can override it; tests register other prefixes). */
export const G2B_ANNUAIRE_PREFIX = '/cpro/g2b/annuaire/v1';

const HISTORY = ['dateDefinition', 'dateDebutEffet', 'masque', 'idInstance', 'creePar'];
const B2G = ['moa', 'moaUniquement', 'gestionStatutMiseEnPaiement', 'gestionEngagementJuridique', 'gestionEngagementJuridiqueOuService', 'gestionCodeService'];

const groupsOf = (extra: Record<string, string> = {}) => ({
	...Object.fromEntries(HISTORY.map((f) => [f, 'historisation'])),
	...extra,
});

const SIREN_RULES: SearchRules = {
	filters: { siren: (u) => u.siren, raisonSociale: (u) => u.raisonSociale, typeEntite: (u) => u.typeEntite, etatAdministratif: (u) => u.etatAdministratif },
	sortable: Object.fromEntries(HISTORY.map((f) => [f, nested('historisation', f)])),
	groups: groupsOf(),
	ignored: ['historisation'],
};

const addressText = (item: Json) => {
	const a = (item.adresse as Json | undefined) ?? {};
	return [a.ligneAdresse1, a.ligneAdresse2, a.ligneAdresse3].filter(Boolean).join(' ');
};

const SIRET_RULES: SearchRules = {
	filters: {
		siret: (e) => e.siret,
		siren: (e) => e.siren,
		typeEtablissement: (e) => e.typeEtablissement,
		denomination: (e) => e.denomination,
		lignesAdresse: addressText,
		codePostal: nested('adresse', 'codePostal'),
		subDivisionPays: nested('adresse', 'subDivisionPays'),
		localite: nested('adresse', 'localite'),
		etatAdministratif: (e) => e.etatAdministratif,
	},
	sortable: {
		...Object.fromEntries(HISTORY.map((f) => [f, nested('historisation', f)])),
		...Object.fromEntries(B2G.map((f) => [f, nested('donneesB2gComplementaires', f)])),
	},
	groups: groupsOf(Object.fromEntries(B2G.map((f) => [f, 'donneesB2gComplementaires']))),
	ignored: ['historisation'],
};

const ROUTING_RULES: SearchRules = {
	filters: {
		identifiantRoutage: (r) => r.identifiantRoutage,
		siret: (r) => r.siret,
		libelleCodeRoutage: (r) => r.libelleCodeRoutage,
		etatAdministratif: (r) => r.etatAdministratif,
		lignesAdresse: addressText,
		codePostal: nested('adresse', 'codePostal'),
		localite: nested('adresse', 'localite'),
	},
	sortable: Object.fromEntries(HISTORY.map((f) => [f, nested('historisation', f)])),
	groups: groupsOf(),
	ignored: ['historisation'],
};

const champsOf = (query: URLSearchParams) => query.get('champs')?.split(',');

export function register(router: Router, store: SimulatorStore, prefix = G2B_ANNUAIRE_PREFIX): void {
	const api = router.api({ name: 'g2bAnnuaire', prefix, swagger: 'ppf-annuaire', errorStyle: 'problem' });
	const data = () => store.g2b.directory;
	const linesOf = (match: (line: Json) => boolean) => data().lines.filter(match);

	api.get('/siren/code-insee:{siren}', (ctx) => {
		guardParameters(ctx, '/siren/code-insee:{siren}');
		const unit = data().legalUnits.find((u) => u.siren === ctx.params.siren);
		if (!unit) throw notFound(ctx, `SIREN ${ctx.params.siren}`);
		return { ...project(unit, champsOf(ctx.query), SIREN_RULES.groups), lignesAnnuaire: linesOf((l) => l.siren === unit.siren) };
	});

	api.post('/siren/recherche', ({ body }) => search(body, data().legalUnits, SIREN_RULES));

	api.get('/siret/code-insee:{siret}', (ctx) => {
		guardParameters(ctx, '/siret/code-insee:{siret}');
		const establishment = data().establishments.find((e) => e.siret === ctx.params.siret);
		if (!establishment) throw notFound(ctx, `SIRET ${ctx.params.siret}`);
		const answer: Json = {
			...project(establishment, champsOf(ctx.query), SIRET_RULES.groups),
			lignesAnnuaire: linesOf((l) => l.siret === establishment.siret || (l.siren === establishment.siren && !l.siret)),
		};
		if (ctx.query.get('inclure')?.split(',').includes('siren')) {
			const { historisation: _h, ...unit } = data().legalUnits.find((u) => u.siren === establishment.siren) ?? {};
			answer.uniteLegale = unit;
		}
		return answer;
	});

	api.post('/siret/recherche', ({ body }) => search(body, data().establishments, SIRET_RULES));

	api.get('/code-routage/siret:{siret}/code:{identifiant-routage}', (ctx) => {
		guardParameters(ctx, '/code-routage/siret:{siret}/code:{identifiant-routage}');
		const code = data().routingCodes.find(
			(r) => r.siret === ctx.params.siret && r.identifiantRoutage === ctx.params['identifiant-routage'],
		);
		if (!code) throw notFound(ctx, `code routage ${ctx.params['identifiant-routage']} du SIRET ${ctx.params.siret}`);
		const answer: Json = {
			...project(code, champsOf(ctx.query), ROUTING_RULES.groups),
			ligneAnnuaire: linesOf((l) => l.siret === code.siret && l.identifiantRoutage === code.identifiantRoutage)[0] ?? null,
		};
		const inclure = ctx.query.get('inclure')?.split(',') ?? [];
		const establishment = data().establishments.find((e) => e.siret === code.siret);
		if (inclure.includes('siret') && establishment) {
			const { historisation: _h, ...rest } = establishment;
			answer.etablissement = rest;
		}
		if (inclure.includes('siren') && establishment) {
			const { historisation: _h, ...unit } = data().legalUnits.find((u) => u.siren === establishment.siren) ?? {};
			answer.uniteLegale = unit;
		}
		return answer;
	});

	api.post('/code-routage/recherche', ({ body }) => search(body, data().routingCodes, ROUTING_RULES));

	// The OpenAPI's healthcheck answers 200 with no documented body.
	api.get('/healthcheck', () => reply(200));
}
