/**
 * The Chorus Pro Annuaire node through n8n-core's real ExecuteContext (test/harness) against the simulator:
 * every operation once (request received + items returned), PPF offset paging, checks before any HTTP call,
 * the error shapes of §9 (arrays, {ErrorCode, Description}) and §10 (RFC 7807), and the credential override
 * of the G2B base path.
 */
import type { IDataObject } from 'n8n-workflow';

import { annuaireOperations } from '../../nodes/ChorusProAnnuaire/operations';
import { ChorusProAnnuaire } from '../../nodes/ChorusProAnnuaire/ChorusProAnnuaire.node';
import { binaryBuffer, CredentialStore } from '../harness/run';
import { register as registerAnnuaire } from '../simulator/apis/g2bAnnuaire';
import { G2B_IDS } from '../simulator/seed-g2b';
import type { RecordedRequest } from '../simulator/server';
import { useSimulator } from './fixture';

const node = new ChorusProAnnuaire();
const G2B = '/cpro/g2b/annuaire/v1';
const ORG = '/cpro/organisations/v1';
const { sim, credentials, run, failing, cover, itRanEveryOperation } = useSimulator(node, { seed: 'empty' });

const query = (r: RecordedRequest) => Object.fromEntries(new URLSearchParams(r.query));
const json = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json);

describe('G2B directory (PPF annuaire shape)', () => {
	it('company: get by SIREN with fields, observation date and directory lines', async () => {
		cover('company', 'get');
		const { items, sent } = await run('company', 'get', {
			siren: G2B_IDS.buyer.siren,
			additionalFields: { dateObservation: '2026-01-15', champs: ['siren', 'raisonSociale', 'idInstance'] },
		});
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('GET');
		expect(sent[0].path).toBe(`${G2B}/siren/code-insee:${G2B_IDS.buyer.siren}`);
		expect(query(sent[0])).toEqual({ dateObservation: '2026-01-15', champs: 'siren,raisonSociale,idInstance' });
		expect(items).toHaveLength(1);
		const company = items[0].json;
		expect(company).toMatchObject({ siren: G2B_IDS.buyer.siren, raisonSociale: G2B_IDS.buyer.name, historisation: { idInstance: 101 } });
		expect(company.typeEntite).toBeUndefined();
		expect((company.lignesAnnuaire as IDataObject[]).map((l) => l.identifiantAdressage)).toContain(G2B_IDS.buyer.siren);
		expect(JSON.stringify(company)).not.toMatch(/plateforme/i);
	});

	it('company: search sends PPF filters with their operators and returns the results', async () => {
		cover('company', 'search');
		const { items, sent } = await run('company', 'search', {
			returnAll: true,
			additionalFields: { raisonSociale: 'exemple', typeEntite: 'Publique' },
			sort: { column: 'raisonSociale', direction: 'Ascendant' },
		});
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('POST');
		expect(sent[0].path).toBe(`${G2B}/siren/recherche`);
		expect(sent[0].body).toEqual({
			filtres: { raisonSociale: { op: 'contient', valeur: 'exemple' }, typeEntite: { op: 'strict', valeur: 'Publique' } },
			tris: [{ champ: 'raisonSociale', ordre: 'ascendant' }],
			limite: 100,
			ignorer: 0,
		});
		expect(json(items).map((c) => c.siren)).toEqual([G2B_IDS.buyer.siren]);
	});

	it('company: Return All pages with limite/ignorer through 206 answers; Limit stops early', async () => {
		const units = sim.store.g2b.directory.legalUnits;
		const added = Array.from({ length: 230 }, (_, i) => ({
			siren: String(100000000 + i),
			raisonSociale: `COLLECTIVITE PAGINEE ${String(i).padStart(3, '0')}`,
			typeEntite: 'Publique',
			etatAdministratif: 'A',
			diffusible: 'O',
		}));
		units.push(...added);
		try {
			const all = await run('company', 'search', { returnAll: true, additionalFields: { raisonSociale: 'PAGINEE' } });
			expect(all.items).toHaveLength(230);
			expect(all.sent.map((r) => [(r.body as IDataObject).limite, (r.body as IDataObject).ignorer])).toEqual([
				[100, 0],
				[100, 100],
				[100, 200],
			]);
			expect(new Set(json(all.items).map((c) => c.siren)).size).toBe(230);

			const some = await run('company', 'search', { returnAll: false, limit: 30, additionalFields: { raisonSociale: 'PAGINEE' } });
			expect(some.items).toHaveLength(30);
			expect(some.sent).toHaveLength(1);
			expect((some.sent[0].body as IDataObject).limite).toBe(30);

			const none = await run('company', 'search', { returnAll: true, additionalFields: { raisonSociale: 'INTROUVABLE' } });
			expect(none.items).toHaveLength(0); // HTTP 204
			expect(none.sent).toHaveLength(1);
		} finally {
			units.splice(units.length - added.length, added.length);
		}
	});

	it('establishment: get by SIRET with the legal unit included', async () => {
		cover('establishment', 'get');
		const { items, sent } = await run('establishment', 'get', {
			siret: G2B_IDS.buyer.siret,
			additionalFields: { inclure: ['siren'] },
		});
		expect(sent[0].path).toBe(`${G2B}/siret/code-insee:${G2B_IDS.buyer.siret}`);
		expect(query(sent[0])).toEqual({ inclure: 'siren' });
		expect(items[0].json).toMatchObject({
			siret: G2B_IDS.buyer.siret,
			donneesB2gComplementaires: { gestionCodeService: true },
			uniteLegale: { siren: G2B_IDS.buyer.siren },
		});
	});

	it('establishment: search by SIREN, sorted descending', async () => {
		cover('establishment', 'search');
		const { items, sent } = await run('establishment', 'search', {
			returnAll: true,
			additionalFields: { siren: G2B_IDS.buyer.siren, champs: ['siret', 'denomination'], inclure: ['siren'] },
			sort: { column: 'siret', direction: 'Descendant' },
		});
		expect(sent[0].body).toMatchObject({
			filtres: { siren: { op: 'strict', valeur: G2B_IDS.buyer.siren } },
			champs: ['siret', 'denomination'],
			// PPF annuaire OpenAPI, searchSiret.inclure.
			inclure: ['siren'],
			tris: [{ champ: 'siret', ordre: 'descendant' }],
		});
		expect(json(items)).toEqual([
			{ siret: G2B_IDS.buyer.siret2, denomination: 'SERVICES TECHNIQUES EXEMPLEVILLE' },
			{ siret: G2B_IDS.buyer.siret, denomination: 'MAIRIE DE EXEMPLEVILLE' },
		]);
	});

	it('routing code: get with its directory line', async () => {
		cover('routingCode', 'get');
		const { items, sent } = await run('routingCode', 'get', { siret: G2B_IDS.buyer.siret, identifiantRoutage: G2B_IDS.routingCode });
		expect(sent[0].method).toBe('GET');
		expect(sent[0].path).toBe(`${G2B}/code-routage/siret:${G2B_IDS.buyer.siret}/code:${G2B_IDS.routingCode}`);
		expect(items[0].json).toMatchObject({
			identifiantRoutage: G2B_IDS.routingCode,
			libelleCodeRoutage: 'Service des factures publiques',
			ligneAnnuaire: { identifiantRoutage: G2B_IDS.routingCode },
		});
	});

	it('routing code: search the codes of a SIRET', async () => {
		cover('routingCode', 'search');
		const { items, sent } = await run('routingCode', 'search', { returnAll: true, additionalFields: { siret: G2B_IDS.hospital.siret } });
		expect(sent[0].path).toBe(`${G2B}/code-routage/recherche`);
		expect((sent[0].body as IDataObject).filtres).toEqual({ siret: { op: 'strict', valeur: G2B_IDS.hospital.siret } });
		expect(json(items).map((r) => r.identifiantRoutage)).toEqual(['PHARMACIE']);
	});

	it('health: the directory healthcheck', async () => {
		cover('health', 'checkDirectory');
		const { items, sent } = await run('health', 'checkDirectory');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${G2B}/healthcheck`]);
		expect(items[0].json).toMatchObject({ available: true });
	});

	it('refuses a SIREN or SIRET failing Luhn, and a malformed routing code, before any HTTP call', async () => {
		const siren = await failing('company', 'get', { siren: '217500017' });
		expect(siren.sent).toBe(0);
		expect(siren.error.message).toMatch(/SIREN.*item 1.*check digit/i);
		const siret = await failing('establishment', 'search', { returnAll: true, additionalFields: { siret: '2175000160001' } });
		expect(siret.sent).toBe(0);
		expect(siret.error.message).toMatch(/SIRET.*14 digits/);
		const code = await failing('routingCode', 'get', { siret: G2B_IDS.buyer.siret, identifiantRoutage: 'bad code!' });
		expect(code.sent).toBe(0);
		expect(code.error.message).toMatch(/Routing Code/);
	});

	it('turns an RFC 7807 404 into an understandable NodeApiError', async () => {
		const { error, sent } = await failing('company', 'get', { siren: '732829320' });
		expect(sent).toBe(1);
		expect(error.httpCode).toBe('404');
		expect(error.description).toMatch(/does not exist/);
		expect(error.message).toMatch(/HTTP 404.*SIREN 732829320/);
	});

	it('a credential override of the G2B directory path changes the path the simulator receives', async () => {
		const custom = '/custom/annuaire/v2';
		registerAnnuaire(sim.router, sim.store, custom);
		const overridden = new CredentialStore({ ...credentials.data, g2bAnnuairePath: `${custom}/` });
		const { items, sent } = await run('company', 'get', { siren: G2B_IDS.supplier.siren }, { store: overridden });
		expect(sent.map((r) => r.path)).toEqual([`${custom}/siren/code-insee:${G2B_IDS.supplier.siren}`]);
		expect(items[0].json.raisonSociale).toBe(G2B_IDS.supplier.name);
	});
});

describe('Référentiel des Organisations', () => {
	const ids = G2B_IDS;

	it('SIREN: get, structures, attachments, bank details and their files', async () => {
		for (const op of ['get', 'getStructures', 'getAttachments', 'downloadAttachment', 'getBankDetails', 'downloadBankDetailsAttachment']) {
			cover('organisationSiren', op);
		}
		const get = await run('organisationSiren', 'get', { sirenId: ids.buyer.siren });
		expect(get.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${ORG}/siren/${ids.buyer.siren}`]);
		expect(get.items[0].json).toMatchObject({ uuid: ids.orgSirenUuid, raisonSociale: ids.buyer.name });

		const structures = await run('organisationSiren', 'getStructures', { sirenId: ids.orgSirenUuid });
		expect(structures.sent[0].path).toBe(`${ORG}/siren/${ids.orgSirenUuid}/structures`);
		expect(json(structures.items).map((s) => s.identifiant)).toEqual([ids.buyer.siret]);

		const attachments = await run('organisationSiren', 'getAttachments', { sirenId: ids.orgSirenUuid });
		expect(attachments.sent[0].path).toBe(`${ORG}/siren/${ids.orgSirenUuid}/pieces_jointes`);
		expect(json(attachments.items)).toEqual([expect.objectContaining({ uuid: ids.orgAttachmentUuid, fileName: 'deliberation-2024.pdf' })]);

		const file = await run('organisationSiren', 'downloadAttachment', { sirenId: ids.orgSirenUuid, attachmentId: ids.orgAttachmentUuid });
		expect(file.sent[0].path).toBe(`${ORG}/siren/${ids.orgSirenUuid}/pieces_jointes/${ids.orgAttachmentUuid}`);
		const stored = sim.store.g2b.org.attachments.get(ids.orgSirenUuid)![0].bytes;
		expect((await binaryBuffer(file.items[0])).equals(stored)).toBe(true);
		expect(file.items[0].json).toMatchObject({ fileName: 'deliberation-2024.pdf', mimeType: 'application/pdf' });
		expect(file.items[0].json.attachmentData).toBeUndefined();

		const bank = await run('organisationSiren', 'getBankDetails', { sirenId: ids.orgSirenUuid });
		expect(bank.sent[0].path).toBe(`${ORG}/siren/${ids.orgSirenUuid}/coordonnees_bancaires`);
		expect(json(bank.items)).toEqual([expect.objectContaining({ iban: 'FR7630001007941234567890185', pieceJointe: ids.orgBankAttachmentUuid })]);

		const rib = await run('organisationSiren', 'downloadBankDetailsAttachment', { sirenId: ids.orgSirenUuid, bankAttachmentId: ids.orgBankAttachmentUuid });
		expect(rib.sent[0].path).toBe(`${ORG}/siren/${ids.orgSirenUuid}/coordonnees_bancaires/${ids.orgBankAttachmentUuid}`);
		expect((await binaryBuffer(rib.items[0])).equals(sim.store.g2b.org.bankFiles.get(ids.orgBankAttachmentUuid)!.bytes)).toBe(true);
	});

	it('SIREN: search with the {op, val} criteria', async () => {
		cover('organisationSiren', 'search');
		const { items, sent } = await run('organisationSiren', 'search', { returnAll: true, additionalFields: { raisonSociale: 'exemple' } });
		expect(sent[0].method).toBe('POST');
		expect(sent[0].path).toBe(`${ORG}/siren/recherche`);
		// The three lists always go, empty when unused, as the sandbox-tested client sends them (replay corpus).
		expect(sent[0].body).toEqual({ raisonSociale: { val: 'exemple', op: 'CONTAINS' }, _sort: [], _desc: [], _fields: [] });
		expect(json(items).map((s) => s.siren)).toEqual([ids.buyer.siren]);
	});

	it('structure: get (by SIRET), services, attachments, bank details and their files', async () => {
		for (const op of ['get', 'getServices', 'getAttachments', 'downloadAttachment', 'getBankDetails', 'downloadBankDetailsAttachment']) {
			cover('organisationStructure', op);
		}
		const get = await run('organisationStructure', 'get', { structureId: ids.buyer.siret });
		expect(get.sent[0].path).toBe(`${ORG}/structures/${ids.buyer.siret}`);
		expect(get.items[0].json).toMatchObject({ uuid: ids.orgStructureUuid, typeOrganisation: 'public', status: 'active' });

		const services = await run('organisationStructure', 'getServices', { structureId: ids.orgStructureUuid });
		expect(services.sent[0].path).toBe(`${ORG}/structures/${ids.orgStructureUuid}/services`);
		expect(json(services.items).map((s) => s.codeService)).toContain('FACTURES_PUBLIQUES');

		const attachments = await run('organisationStructure', 'getAttachments', { structureId: ids.orgOtherStructureUuid });
		expect(json(attachments.items).map((a) => a.uuid)).toEqual([ids.orgAttachmentUuid]);

		// The sandbox structure has no attachment: the sandbox answers 400 [{"error":"NotFoundReference",…}] (replay
		// corpus: organisations/structure-attachments-none-not-found-reference); the node outputs nothing.
		const none = await run('organisationStructure', 'getAttachments', { structureId: ids.orgStructureUuid });
		expect(none.sent.map((r) => r.path)).toEqual([`${ORG}/structures/${ids.orgStructureUuid}/pieces_jointes`]);
		expect(none.items).toEqual([]);
		// An identifier that is neither a UUID nor a SIRET is still an error (ParamsInvalidUuidStructures).
		const wrong = await failing('organisationStructure', 'getAttachments', { structureId: 'FR-not-an-id' });
		expect(wrong.error.message).toMatch(/Structure/);

		const file = await run('organisationStructure', 'downloadAttachment', { structureId: ids.orgOtherStructureUuid, attachmentId: ids.orgAttachmentUuid });
		expect(file.sent[0].path).toBe(`${ORG}/structures/${ids.orgOtherStructureUuid}/pieces_jointes/${ids.orgAttachmentUuid}`);
		expect((await binaryBuffer(file.items[0])).subarray(0, 4).toString()).toBe('%PDF');

		const bank = await run('organisationStructure', 'getBankDetails', { structureId: ids.orgStructureUuid });
		expect(bank.sent[0].path).toBe(`${ORG}/structures/${ids.orgStructureUuid}/coordonnees_bancaires`);
		expect(bank.items).toHaveLength(1);

		const rib = await run('organisationStructure', 'downloadBankDetailsAttachment', { structureId: ids.orgStructureUuid, bankAttachmentId: ids.orgBankAttachmentUuid });
		expect(rib.sent[0].path).toBe(`${ORG}/structures/${ids.orgStructureUuid}/coordonnees_bancaires/${ids.orgBankAttachmentUuid}`);
		expect(rib.items[0].json.fileName).toBe('rib-tresor-public.pdf');
	});

	it('structure: update EDI settings (PATCH, 204) changes the structure', async () => {
		cover('organisationStructure', 'updateEdiSettings');
		const { items, sent } = await run('organisationStructure', 'updateEdiSettings', {
			structureId: ids.orgStructureUuid,
			reception_edi: true,
			connexion_edi: false,
		});
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${ORG}/structures/${ids.orgStructureUuid}/parametres-edi`]);
		expect(sent[0].body).toEqual({ reception_edi: true, connexion_edi: false });
		expect(items[0].json).toMatchObject({ updated: true, reception_edi: true });
		const structure = sim.store.g2b.org.structures.find((s) => s.uuid === ids.orgStructureUuid)!;
		expect(structure.parametresEdi).toEqual({ reception_edi: true, connexion_edi: false });
	});

	it('structure: search with criteria, other criteria (JSON) and sort', async () => {
		cover('organisationStructure', 'search');
		const { items, sent } = await run('organisationStructure', 'search', {
			returnAll: true,
			additionalFields: {
				typeOrganisation: 'public',
				criteria: '{"ville": {"op": "IN", "val": ["PARIS", "LYON"]}}',
				_desc: 'libelleOrganisation',
				_fields: 'uuid,libelleOrganisation',
			},
		});
		expect(sent[0].body).toEqual({
			typeOrganisation: { val: 'public', op: '=' },
			ville: { op: 'IN', val: ['PARIS', 'LYON'] },
			_sort: [],
			_desc: ['libelleOrganisation'],
			_fields: ['uuid', 'libelleOrganisation'],
		});
		expect(json(items)).toEqual([
			{ uuid: ids.orgStructureUuid, libelleOrganisation: ids.buyer.name },
			{ uuid: ids.orgOtherStructureUuid, libelleOrganisation: ids.hospital.name },
		]);
	});

	it('service: create, search and get', async () => {
		cover('organisationService', 'create');
		cover('organisationService', 'search');
		cover('organisationService', 'get');
		const created = await run('organisationService', 'create', {
			rattachementOrganisation: ids.orgStructureUuid,
			codeService: 'SERVICE_CULTUREL',
			libelle: 'Service culturel',
			additionalFields: { ville: 'PARIS', numeroEj: true },
		});
		expect(created.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${ORG}/services`]);
		expect(created.sent[0].body).toEqual({
			rattachementOrganisation: ids.orgStructureUuid,
			codeService: 'SERVICE_CULTUREL',
			libelle: 'Service culturel',
			ville: 'PARIS',
			numeroEj: true,
		});
		const uuid = String(created.items[0].json.uuid);
		expect(created.items[0].json).toMatchObject({ etatService: 'ACTIF', codeService: 'SERVICE_CULTUREL' });

		const found = await run('organisationService', 'search', { returnAll: true, additionalFields: { codeService: 'SERVICE_CULTUREL' } });
		expect(found.sent[0].body).toEqual({ codeService: { val: 'SERVICE_CULTUREL', op: '=' }, _sort: [], _desc: [], _fields: [] });
		expect(json(found.items).map((s) => s.uuid)).toEqual([uuid]);

		const got = await run('organisationService', 'get', { serviceId: uuid });
		expect(got.sent[0].path).toBe(`${ORG}/services/${uuid}`);
		expect(got.items[0].json.libelle).toBe('Service culturel');
	});

	it('health: the organisations healthcheck (200, empty body)', async () => {
		cover('health', 'checkOrganisations');
		const { items, sent } = await run('health', 'checkOrganisations');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${ORG}/healthcheck`]);
		expect(items[0].json).toMatchObject({ available: true });
	});

	it('checks identifiers before any HTTP call', async () => {
		const bad = await failing('organisationStructure', 'get', { structureId: '12345' });
		expect(bad.sent).toBe(0);
		expect(bad.error.message).toMatch(/"Structure" \(item 1\).*UUID.*SIRET/);
		const luhn = await failing('organisationSiren', 'get', { sirenId: '217500017' });
		expect(luhn.sent).toBe(0);
		const badCriteria = await failing('organisationService', 'search', { returnAll: true, additionalFields: { criteria: '{"x": 1}' } });
		expect(badCriteria.sent).toBe(0);
	});

	it('error shapes: 400 array, 403, and the 401 {ErrorCode, Description} body become understandable errors', async () => {
		const unknown = await failing('organisationService', 'get', { serviceId: 'ffffffffffffffffffffffffffffffff' });
		expect(unknown.sent).toBe(1);
		expect(unknown.error.httpCode).toBe('400');
		expect(unknown.error.message).toMatch(/HTTP 400.*Aucune donnée de type Services.*ffffffff/);

		const forbidden = await failing('organisationStructure', 'updateEdiSettings', {
			structureId: ids.orgOtherStructureUuid,
			reception_edi: true,
			connexion_edi: true,
		});
		expect(forbidden.error.httpCode).toBe('403');
		expect(forbidden.error.description).toMatch(/Référentiel des Organisations/);

		// n8n retries a 401 after minting a new token: a refused technical account answers 401 every time.
		sim.faults.add({ path: `${ORG}/healthcheck`, status: 401, times: 10, body: '{"ErrorCode":"401","Description":"[invalid field]"}' });
		const unauthorized = await failing('health', 'checkOrganisations');
		expect(unauthorized.error.message).toMatch(/HTTP 401.*\[invalid field\]/);
		expect(unauthorized.error.description).toMatch(/technical account/);
	});
});

itRanEveryOperation(annuaireOperations, 26);
