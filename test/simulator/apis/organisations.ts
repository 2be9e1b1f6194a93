/**
 * API Référentiel des Organisations — `/cpro/organisations/v1` (docs/api-notes.md §9, DGFiP annex table 4.1: 19
 * operations). REST style, no codeRetour envelope: answers are the resources themselves. Errors as the sandbox
 * gives them: HTTP 400 with an array `[{error, message, detail?}]` for a malformed or unknown identifier, 403
 * when the account does not manage the structure. (The 401 `{ErrorCode, Description}` of a bad technical
 * account comes from the gateway check in server.ts, which has no body; tests inject that shape as a fault.)
 */
import { HttpError } from '../envelope';
import { bool, object, str } from '../modelKit';
import { noQuery, type Json } from '../ppf';
import { reply, type RouteContext, type Router } from '../router';
import { type OrgFile, type OrgStructure } from '../seed-g2b';
import type { SimulatorStore } from '../store';
import type { Schema } from '../swagger';

const UUID = /^[0-9a-f]{32}$/i;
const SIRET = /^\d{14}$/;
const SIREN = /^\d{9}$/;
const VAT = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

const badRequest = (error: string, message: string, detail?: string) =>
	new HttpError(400, [{ error, message, ...(detail ? { detail } : {}) }]);

const notFound = (type: string, ref: string) =>
	badRequest('NotFoundReference', `Aucun ${type} trouvé`, `Aucune donnée de type ${type} n'a pu être trouvée avec la référence ${ref}`);

/** Operators of the search bodies (docs/api-notes.md §9). */
const OPERATORS = ['=', '>', '<', '>=', '<=', 'IN', 'CONTAINS'];

function compare(actual: unknown, op: string, val: unknown): boolean {
	const a = actual === null || actual === undefined ? '' : String(actual);
	switch (op) {
		case '=':
			return a === String(val);
		case 'CONTAINS':
			return a.toLowerCase().includes(String(val).toLowerCase());
		case 'IN':
			return Array.isArray(val) && val.map(String).includes(a);
		case '>':
			return a > String(val);
		case '<':
			return a < String(val);
		case '>=':
			return a >= String(val);
		default:
			return a <= String(val);
	}
}

/** `{ field: {op, val}, _sort, _desc, _fields }` over `items`; an unknown field or operator is refused. */
function orgSearch(body: Json, items: Json[], fields: string[]): Json[] {
	const criteria: Array<[string, string, unknown]> = [];
	for (const [key, value] of Object.entries(body)) {
		if (key === '_sort' || key === '_desc' || key === '_fields') {
			if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !fields.includes(v))) {
				throw badRequest('ParamsInvalid', `Le paramètre ${key} doit être une liste de champs connus`);
			}
			continue;
		}
		if (!fields.includes(key)) throw badRequest('ParamsInvalid', `Le champ ${key} n'est pas un critère de recherche`);
		const c = value as Json | null;
		if (!c || typeof c !== 'object' || !OPERATORS.includes(String(c.op)) || !('val' in c)) {
			throw badRequest('ParamsInvalid', `Le critère ${key} doit être de la forme {"op", "val"} avec op parmi ${OPERATORS.join(' ')}`);
		}
		criteria.push([key, String(c.op), c.val]);
	}
	let found = items.filter((item) => criteria.every(([key, op, val]) => compare(item[key], op, val)));
	const sortKeys = [...((body._sort as string[]) ?? []), ...((body._desc as string[]) ?? [])];
	if (sortKeys.length) {
		const desc = new Set((body._desc as string[]) ?? []);
		found = [...found].sort((x, y) => {
			for (const key of sortKeys) {
				const c = String(x[key] ?? '').localeCompare(String(y[key] ?? ''), 'fr');
				if (c !== 0) return desc.has(key) ? -c : c;
			}
			return 0;
		});
	}
	const only = body._fields as string[] | undefined;
	return only?.length ? found.map((item) => Object.fromEntries(only.map((k) => [k, item[k]]))) : found;
}

const describe = (file: OrgFile) => ({ uuid: file.uuid, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.bytes.length });
const download = (file: OrgFile) => ({ ...describe(file), attachmentData: file.bytes.toString('base64') });

const SERVICE_BODY = object(
	{
		rattachementOrganisation: str,
		codeService: { type: 'string', minLength: 1, maxLength: 100 },
		libelle: { type: 'string', minLength: 1 },
		description: str,
		numeroEj: bool,
		adresse: str,
		complementAdresse1: str,
		complementAdresse2: str,
		codePostal: str,
		ville: str,
		pays: str,
		telephone: str,
		dateDebutActivation: { type: 'string', format: 'date' },
		dateFinActivation: { type: 'string', format: 'date' },
	},
	['rattachementOrganisation', 'codeService', 'libelle'],
);

/** Search bodies have one key per criterion: checked field by field in `orgSearch`. */
const SEARCH_BODY: Schema = { type: 'object', additionalProperties: true };

export function register(router: Router, store: SimulatorStore): void {
	// A wrong technical account gets this body from the sandbox (replay corpus: healthcheck-bad-technical-account).
	const api = router.api({
		name: 'organisations',
		prefix: '/cpro/organisations/v1',
		technicalAccountError: { ErrorCode: '401', Description: '[invalid field]' },
	});
	const org = () => store.g2b.org;

	function structureOf(ctx: RouteContext): OrgStructure {
		noQuery(ctx);
		const id = ctx.params.uuid_identifiant;
		if (!UUID.test(id) && !SIRET.test(id) && !VAT.test(id)) {
			throw badRequest('ParamsInvalidUuidStructures', "L'identifiant passé en paramètre n'est ni un UUID, ni un SIRET, ni un numéro de TVA Intracommunautaire.");
		}
		const found = org().structures.find((s) => s.uuid === id || s.identifiant === id || s.numeroTvaIntracommunautaire === id);
		if (!found) throw notFound('Structures', id);
		return found;
	}

	function sirenOf(ctx: RouteContext): Json & { uuid: string } {
		noQuery(ctx);
		const id = ctx.params.uuid_identifiant;
		if (!UUID.test(id) && !SIREN.test(id)) {
			throw badRequest('ParamsInvalidUuidSiren', "L'identifiant passé en paramètre n'est ni un UUID, ni un SIREN.");
		}
		const found = org().sirens.find((s) => s.uuid === id || s.siren === id);
		if (!found) throw notFound('Siren', id);
		return found as Json & { uuid: string };
	}

	function uuidParam(ctx: RouteContext, name: string): string {
		const value = ctx.params[name];
		if (!UUID.test(value)) throw badRequest('ParamsInvalidUuid', `L'identifiant ${value} n'est pas un UUID.`);
		return value;
	}

	function attachment(owner: string, ctx: RouteContext): Json {
		const uuid = uuidParam(ctx, 'uuid');
		const file = (org().attachments.get(owner) ?? []).find((f) => f.uuid === uuid);
		if (!file) throw notFound('PiecesJointes', uuid);
		return download(file);
	}

	function bankAttachment(owner: string, ctx: RouteContext): Json {
		const uuid = uuidParam(ctx, 'uuid_pj');
		const linked = (org().bankDetails.get(owner) ?? []).some((b) => b.pieceJointe === uuid);
		const file = org().bankFiles.get(uuid);
		if (!linked || !file) throw notFound('PiecesJointes', uuid);
		return download(file);
	}

	/**
	 * The sandbox answers an owner without attachments with HTTP 400 NotFoundReference, never `[]`
	 * (turbo124/piste-gouv-fr: src/Api/ChorusPro/ReferentielDesOrganisations.php, listerPiecesJointesStructure).
	 */
	function attachmentList(owner: string): Json[] {
		const files = org().attachments.get(owner) ?? [];
		if (!files.length) throw notFound('PiecesJointes', owner);
		return files.map(describe);
	}

	// Healthcheck: 200 with an empty body (docs/api-notes.md §9).
	api.get('/healthcheck', (ctx) => {
		noQuery(ctx);
		return reply(200);
	});

	// SIREN
	api.get('/siren/{uuid_identifiant}', (ctx) => sirenOf(ctx));
	api.get('/siren/{uuid_identifiant}/structures', (ctx) => {
		const siren = String(sirenOf(ctx).siren);
		return org().structures.filter((s) => s.identifiant.startsWith(siren));
	});
	api.get('/siren/{uuid_identifiant}/pieces_jointes', (ctx) => attachmentList(sirenOf(ctx).uuid));
	api.get('/siren/{uuid_identifiant}/pieces_jointes/{uuid}', (ctx) => attachment(sirenOf(ctx).uuid, ctx));
	api.get('/siren/{uuid_identifiant}/coordonnees_bancaires', (ctx) => org().bankDetails.get(sirenOf(ctx).uuid) ?? []);
	api.get('/siren/{uuid_identifiant}/coordonnees_bancaires/{uuid_pj}', (ctx) => bankAttachment(sirenOf(ctx).uuid, ctx));
	api.post('/siren/recherche', ({ body }) => orgSearch(body, org().sirens, ['uuid', 'siren', 'raisonSociale', 'typeOrganisation', 'status']), {
		schema: SEARCH_BODY,
	});

	// Structures
	api.get('/structures/{uuid_identifiant}', (ctx) => structureOf(ctx));
	api.get('/structures/{uuid_identifiant}/services', (ctx) => {
		const structure = structureOf(ctx);
		return org().services.filter((s) => s.rattachementOrganisation === structure.uuid);
	});
	api.get('/structures/{uuid_identifiant}/pieces_jointes', (ctx) => attachmentList(structureOf(ctx).uuid));
	api.get('/structures/{uuid_identifiant}/pieces_jointes/{uuid}', (ctx) => attachment(structureOf(ctx).uuid, ctx));
	api.get('/structures/{uuid_identifiant}/coordonnees_bancaires', (ctx) => org().bankDetails.get(structureOf(ctx).uuid) ?? []);
	api.get('/structures/{uuid_identifiant}/coordonnees_bancaires/{uuid_pj}', (ctx) => bankAttachment(structureOf(ctx).uuid, ctx));
	api.patch(
		'/structures/{uuid_identifiant}/parametres-edi',
		(ctx) => {
			const structure = structureOf(ctx);
			if (!org().managed.has(structure.uuid)) throw new HttpError(403);
			structure.parametresEdi = { reception_edi: ctx.body.reception_edi, connexion_edi: ctx.body.connexion_edi };
			return reply(204);
		},
		{ schema: object({ reception_edi: bool, connexion_edi: bool }, ['reception_edi', 'connexion_edi']) },
	);
	api.post('/structures/recherche', ({ body }) => orgSearch(body, org().structures, Object.keys(org().structures[0])), {
		schema: SEARCH_BODY,
	});

	// Services
	api.post(
		'/services',
		(ctx) => {
			noQuery(ctx);
			const body = ctx.body as Json;
			const owner = String(body.rattachementOrganisation);
			if (!UUID.test(owner)) throw badRequest('ParamsInvalidUuid', `L'identifiant ${owner} n'est pas un UUID.`);
			if (!org().structures.some((s) => s.uuid === owner)) throw notFound('Structures', owner);
			if (!org().managed.has(owner)) throw new HttpError(403);
			if (org().services.some((s) => s.rattachementOrganisation === owner && s.codeService === body.codeService)) {
				throw badRequest('AlreadyExists', `Un service de code ${String(body.codeService)} existe déjà dans cette structure`);
			}
			const n = org().services.length + 1;
			const service: Json = {
				uuid: `${'5e0e9b1c2d3f4a5b6c7d8e9f'}${String(n).padStart(8, '0')}`,
				description: '',
				adresse: '',
				complementAdresse1: '',
				complementAdresse2: '',
				codePostal: '',
				ville: '',
				pays: '',
				telephone: '',
				numeroEj: false,
				...body,
				dateCreation: ctx.now.toISOString(),
				dateModification: null,
				dateSuppression: null,
				etatService: 'ACTIF',
				derniereMaj: ctx.now.toISOString(),
			};
			org().services.push(service);
			return reply(201, service);
		},
		{ schema: SERVICE_BODY },
	);
	api.post('/services/recherche', ({ body }) => orgSearch(body, org().services, Object.keys(org().services[0])), {
		schema: SEARCH_BODY,
	});
	api.get('/services/{uuid}', (ctx) => {
		noQuery(ctx);
		const uuid = uuidParam(ctx, 'uuid');
		const service = org().services.find((s) => s.uuid === uuid);
		if (!service) throw notFound('Services', uuid);
		return service;
	});
}

