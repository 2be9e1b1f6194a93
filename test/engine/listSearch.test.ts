/**
 * Resource locators through n8n-core's real LoadOptionsContext and ExecuteContext against the simulator: each list
 * ("From List") runs its described search (results, the search box's text in the search's filter, pages through
 * the token), and a node saved with a plain value before its field became a locator sends the same request as
 * with the locator's value (no node version step).
 */
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { ChorusProEngagements } from '../../nodes/ChorusProEngagements/ChorusProEngagements.node';
import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import { ChorusProFacturesTrigger } from '../../nodes/ChorusProFacturesTrigger/ChorusProFacturesTrigger.node';
import { ChorusProTravaux } from '../../nodes/ChorusProTravaux/ChorusProTravaux.node';
import { LIST_PAGE_SIZE } from '../../nodes/shared/listSearch';
import { listSearch, runNode } from '../harness/run';
import { DEMO_IDS } from '../simulator/seed';
import { addWorksInvoice, WORKS_IDS } from '../simulator/seed-travaux';
import { useSimulator } from './fixture';

const factures = new ChorusProFactures();
const transverse = new ChorusProTransverse();
const engagements = new ChorusProEngagements();
const travaux = new ChorusProTravaux();
const trigger = new ChorusProFacturesTrigger();
// The suite's simulator and credential; the lists of every node are read through them.
const { sim, credentials } = useSimulator(factures);

/** The body of the last request to a path ending with `suffix`. */
function lastBody(suffix: string): Record<string, unknown> {
	const found = sim.requests.filter((r) => r.path.endsWith(suffix));
	expect(found.length).toBeGreaterThan(0);
	return found[found.length - 1].body as Record<string, unknown>;
}

/**
 * A list one page and `rest` longer: the first page and its token, then the rest from page 2 of the same search
 * (`paging`: the search's paging object in the body). Returns both pages' choices, each value once.
 */
async function twoPages(node: INodeType, method: string, options: { filter: string; parameters?: INodeParameters }, suffix: string, paging: string, rest: number) {
	const page1 = await listSearch(node, method, { credentials, ...options });
	expect(lastBody(suffix)).toMatchObject({ [paging]: { pageResultatDemandee: 1, nbResultatsParPage: LIST_PAGE_SIZE } });
	expect(page1.results).toHaveLength(LIST_PAGE_SIZE);
	expect(page1.paginationToken).toBe('1');
	const page2 = await listSearch(node, method, { credentials, ...options, paginationToken: '1' });
	expect(lastBody(suffix)).toMatchObject({ [paging]: { pageResultatDemandee: 2 } });
	expect(page2.results).toHaveLength(rest);
	expect(page2.paginationToken).toBeUndefined();
	const all = [...page1.results, ...page2.results];
	expect(new Set(all.map((r) => r.value)).size).toBe(all.length);
	return all;
}

/**
 * A list of what a structure has (its services, its bank accounts): refused without the structure, with a message
 * naming `label`; then the list with `structure` picked (a locator whose value is `value`).
 */
async function listOfStructure(node: INodeType, method: string, parameters: INodeParameters, structure: string, label: string, value: number) {
	await expect(listSearch(node, method, { credentials, parameters })).rejects.toThrow(`Set "${label}" first`);
	return await listSearch(node, method, { credentials, parameters: { ...parameters, [structure]: { __rl: true, mode: 'list', value } } });
}

describe('lists of the resource locators', () => {
	it("searchMyStructures: the account's structures, once each, filtered by name", async () => {
		const all = await listSearch(factures, 'searchMyStructures', { credentials });
		expect(sim.counts('/monCompte/recuperer/rattachements')).toBeGreaterThan(0);
		expect(all.results).toContainEqual({ name: `${DEMO_IDS.supplier.name} (${DEMO_IDS.supplier.siret})`, value: DEMO_IDS.supplier.idStructureCPP });
		const values = all.results.map((r) => r.value);
		expect(new Set(values).size).toBe(values.length);

		const filtered = await listSearch(factures, 'searchMyStructures', { credentials, filter: 'atelier' });
		expect(filtered.results.map((r) => r.value)).toEqual([DEMO_IDS.supplier.idStructureCPP]);
	});

	it('searchStructureServices: the services of the chosen structure, paged by the token', async () => {
		const parameters = (idStructure: unknown): INodeParameters => ({
			resource: 'structure',
			operation: 'getService',
			idStructure: idStructure as number,
		});
		const first = await listSearch(transverse, 'searchStructureServices', {
			credentials,
			parameters: parameters(DEMO_IDS.buyerWithService.idStructureCPP),
		});
		expect(lastBody('/rechercher/services')).toMatchObject({ idStructure: DEMO_IDS.buyerWithService.idStructureCPP });
		expect(first.results).toContainEqual({ name: 'DST-INFO — Direction informatique', value: 1_048_577 });
		expect(first.results).toContainEqual({ name: 'ANCIEN-SVC — Service fermé (inactive)', value: 1_048_578 });
		expect(first.paginationToken).toBeUndefined();

		// A structure with more services than a page: the token asks the next page of the same search.
		const big = sim.store.structure(DEMO_IDS.buyerWithEngagement.idStructureCPP)!;
		const template = sim.store.structure(DEMO_IDS.buyerWithService.idStructureCPP)!.services[0];
		const before = big.services.length;
		for (let i = 0; i < LIST_PAGE_SIZE + 5; i++) {
			big.services.push({ ...template, idService: 7_000_000 + i, codeService: `SVC-${i}`, libelleService: `Service ${i}` });
		}
		const total = before + LIST_PAGE_SIZE + 5;
		const page1 = await listSearch(transverse, 'searchStructureServices', { credentials, parameters: parameters(big.idStructureCPP) });
		expect(page1.results).toHaveLength(LIST_PAGE_SIZE);
		expect(page1.paginationToken).toBe('1');
		const page2 = await listSearch(transverse, 'searchStructureServices', {
			credentials,
			parameters: parameters(big.idStructureCPP),
			paginationToken: String(page1.paginationToken),
		});
		expect(lastBody('/rechercher/services')).toMatchObject({
			parametresRechercherServicesStructure: { pageResultatDemandee: 2, nbResultatsParPage: LIST_PAGE_SIZE },
		});
		expect(page2.results).toHaveLength(total - LIST_PAGE_SIZE);
		expect(page2.paginationToken).toBeUndefined();
		expect(new Set([...page1.results, ...page2.results].map((r) => r.value)).size).toBe(total);

		// The search has no filter: the typed text keeps the services whose name contains it, over every page.
		const filtered = await listSearch(transverse, 'searchStructureServices', {
			credentials,
			parameters: parameters(big.idStructureCPP),
			filter: 'svc-5',
		});
		expect(filtered.results.map((r) => r.name).sort()).toEqual(
			['SVC-5', ...Array.from({ length: 5 }, (_, i) => `SVC-5${i}`)].map((code) => `${code} — Service ${code.slice(4)}`).sort(),
		);
		expect(filtered.paginationToken).toBeUndefined();
	});

	it('searchStructureServices: asks for the structure first, the structure may be a locator too', async () => {
		await expect(
			listSearch(transverse, 'searchStructureServices', { credentials, parameters: { resource: 'structure', operation: 'getService' } }),
		).rejects.toThrow('Set "Structure ID" first');
		await expect(
			listSearch(transverse, 'searchStructureServices', {
				credentials,
				parameters: { resource: 'structure', operation: 'getService', idStructure: 'abc' },
			}),
		).rejects.toThrow('Invalid value for "Structure ID" of the search: expected a whole number, got "abc"');
		const asLocator = await listSearch(transverse, 'searchStructureServices', {
			credentials,
			parameters: {
				resource: 'structure',
				operation: 'getService',
				idStructure: { __rl: true, mode: 'id', value: String(DEMO_IDS.buyerWithService.idStructureCPP) },
			},
		});
		expect(asLocator.results.map((r) => r.value)).toContain(1_048_577);
	});

	it("the trigger's lists: the account's structures, then the services of its Structure ID (structureId)", async () => {
		const structures = await listSearch(trigger, 'searchMyStructures', { credentials });
		expect(structures.results.map((r) => r.value)).toContain(DEMO_IDS.supplier.idStructureCPP);
		const event = { event: 'newReceivedInvoice' };
		await expect(listSearch(trigger, 'searchStructureServices', { credentials, parameters: event })).rejects.toThrow(
			'Set "Structure ID" first',
		);
		const services = await listSearch(trigger, 'searchStructureServices', {
			credentials,
			parameters: { ...event, structureId: { __rl: true, mode: 'list', value: DEMO_IDS.buyerWithService.idStructureCPP } },
		});
		expect(lastBody('/rechercher/services')).toMatchObject({ idStructure: DEMO_IDS.buyerWithService.idStructureCPP });
		expect(services.results).toContainEqual({ name: 'DST-INFO — Direction informatique', value: 1_048_577 });
	});

	it('searchRecipients: a name, city or postcode goes to nomVilleCodePostal, a SIRET to identifiant; paged', async () => {
		const buyer = await listSearch(factures, 'searchRecipients', { credentials, filter: DEMO_IDS.buyerWithService.siret });
		expect(lastBody('/rechercher/destinataire')).toMatchObject({ identifiant: DEMO_IDS.buyerWithService.siret });
		expect(lastBody('/rechercher/destinataire')).not.toHaveProperty('nomVilleCodePostal');
		expect(buyer.results).toEqual([
			{ name: expect.stringContaining(`${DEMO_IDS.buyerWithService.name} (${DEMO_IDS.buyerWithService.siret})`), value: DEMO_IDS.buyerWithService.siret },
		]);

		// More recipients in one town than a page.
		const template = sim.store.structure(DEMO_IDS.buyerWithService.idStructureCPP)!;
		for (let i = 0; i < LIST_PAGE_SIZE + 3; i++) {
			sim.store.addStructure({
				...template,
				idStructureCPP: 29_000_000 + i,
				identifiant: `2999999990${String(i).padStart(4, '0')}`,
				raisonSociale: `MAIRIE ${i}`,
				adresse: { ...template.adresse, ville: 'PAGINEVILLE', codePostal: '99999' },
				services: [],
			});
		}
		const found = await twoPages(factures, 'searchRecipients', { filter: 'pagineville' }, '/rechercher/destinataire', 'parametresRecherche', 3);
		expect(lastBody('/rechercher/destinataire')).toMatchObject({ nomVilleCodePostal: 'pagineville' });
		expect(found.slice(LIST_PAGE_SIZE).every((r) => /^2999999990\d{4}$/.test(String(r.value)))).toBe(true);
	});

	it("searchInvoices: the search of the node's resource, by invoice number", async () => {
		const emitted = await listSearch(factures, 'searchInvoices', { credentials, parameters: { resource: 'emittedInvoice', operation: 'get' } });
		expect(sim.counts('/factures/v1/rechercher/fournisseur')).toBeGreaterThan(0);
		expect(emitted.results.length).toBeGreaterThan(0);
		const [one] = emitted.results;
		expect(typeof one.value).toBe('number');
		const number = one.name.split(' — ')[0];

		const byNumber = await listSearch(factures, 'searchInvoices', {
			credentials,
			parameters: { resource: 'emittedInvoice', operation: 'get' },
			filter: number,
		});
		expect(lastBody('/rechercher/fournisseur')).toMatchObject({ numeroFacture: number });
		expect(byNumber.results.map((r) => r.value)).toContain(one.value);

		const before = sim.counts('/factures/v1/rechercher/recipiendaire');
		const received = await listSearch(factures, 'searchInvoices', { credentials, parameters: { resource: 'receivedInvoice', operation: 'get' } });
		expect(sim.counts('/factures/v1/rechercher/recipiendaire')).toBe(before + 1);
		expect(received.results.length).toBeGreaterThan(0);
	});

	it('searchStructures: any public or private structure; a SIRET or SIREN is the identifier, other text the name; paged', async () => {
		const all = await listSearch(transverse, 'searchStructures', { credentials, parameters: { resource: 'structure', operation: 'get' } });
		expect(lastBody('/structures/v1/rechercher')).not.toHaveProperty('structure');
		// A public structure and a private one the account is not attached to: the whole directory.
		expect(all.results).toContainEqual({
			name: `${DEMO_IDS.buyerWithService.name} (${DEMO_IDS.buyerWithService.siret})`,
			value: DEMO_IDS.buyerWithService.idStructureCPP,
		});
		expect(all.results).toContainEqual({ name: `${DEMO_IDS.partner.name} (${DEMO_IDS.partner.siret})`, value: DEMO_IDS.partner.idStructureCPP });

		const bySiret = await listSearch(transverse, 'searchStructures', { credentials, filter: ` ${DEMO_IDS.partner.siret} ` });
		expect(lastBody('/structures/v1/rechercher')).toMatchObject({ structure: { identifiantStructure: DEMO_IDS.partner.siret } });
		expect(lastBody('/structures/v1/rechercher').structure).not.toHaveProperty('raisonSocialeStructure');
		expect(bySiret.results).toEqual([{ name: `${DEMO_IDS.partner.name} (${DEMO_IDS.partner.siret})`, value: DEMO_IDS.partner.idStructureCPP }]);

		await listSearch(transverse, 'searchStructures', { credentials, filter: DEMO_IDS.partner.siret.slice(0, 9) });
		expect(lastBody('/structures/v1/rechercher')).toMatchObject({ structure: { identifiantStructure: DEMO_IDS.partner.siret.slice(0, 9) } });

		// More structures of one name than a page: the name filter, then the next page through the token.
		const template = sim.store.structure(DEMO_IDS.partner.idStructureCPP)!;
		for (let i = 0; i < LIST_PAGE_SIZE + 2; i++) {
			sim.store.addStructure({ ...template, idStructureCPP: 31_000_000 + i, identifiant: `3111111110${String(i).padStart(4, '0')}`, raisonSociale: `BTP PAGINE ${i}`, services: [] });
		}
		const found = await twoPages(transverse, 'searchStructures', { filter: 'btp pagine' }, '/structures/v1/rechercher', 'parametres', 2);
		expect(lastBody('/structures/v1/rechercher')).toEqual(expect.objectContaining({ structure: { raisonSocialeStructure: 'btp pagine' } }));
		expect(found.every((r) => typeof r.value === 'number' && r.value >= 31_000_000)).toBe(true);
	});

	it('services of the supplier or recipient structure: from the top-level field, else from the Filters; asks for it first', async () => {
		const buyer = DEMO_IDS.buyerWithService.idStructureCPP;
		const dsi = { name: 'DST-INFO — Direction informatique', value: 1_048_577 };
		const submit = { resource: 'emittedInvoice', operation: 'submit', additionalFields: {} };
		const ofSubmit = await listOfStructure(factures, 'searchSupplierServices', submit, 'idFournisseur', 'Supplier Structure ID', buyer);
		expect(lastBody('/rechercher/services')).toMatchObject({ idStructure: buyer });
		expect(ofSubmit.results).toContainEqual(dsi);

		const search = { resource: 'emittedInvoice', operation: 'search' };
		const ofSearch = await listSearch(factures, 'searchSupplierServices', {
			credentials,
			parameters: { ...search, additionalFields: { idFournisseur: { __rl: true, mode: 'id', value: String(buyer) } } },
		});
		expect(ofSearch.results).toContainEqual(dsi);

		const received = { resource: 'receivedInvoice', operation: 'search' };
		await expect(
			listSearch(factures, 'searchRecipientServices', { credentials, parameters: { ...received, additionalFields: {} } }),
		).rejects.toThrow('Set "Recipient Structure ID" first');
		const ofRecipient = await listSearch(factures, 'searchRecipientServices', {
			credentials,
			parameters: { ...received, additionalFields: { idDestinataire: buyer } },
		});
		expect(lastBody('/rechercher/services')).toMatchObject({ idStructure: buyer });
		expect(ofRecipient.results).toContainEqual(dsi);
		// The payment-request search spells the recipient structure idStructureDestinataire.
		const ofPaymentRequest = await listSearch(factures, 'searchRecipientServices', {
			credentials,
			parameters: { resource: 'paymentRequest', operation: 'search', additionalFields: { idStructureDestinataire: { __rl: true, mode: 'list', value: buyer } } },
		});
		expect(ofPaymentRequest.results).toContainEqual(dsi);

		// Factures Travaux: the project manager's services, of the top-level structure of Complete Project Manager
		// and of the search's Filters; the project owner's likewise.
		const completeMoe = { resource: 'worksInvoiceInError', operation: 'completeMoe' };
		await expect(listSearch(travaux, 'searchProjectManagerServices', { credentials, parameters: completeMoe })).rejects.toThrow(
			'Set "Project Manager Structure ID" first',
		);
		const ofMoe = await listSearch(travaux, 'searchProjectManagerServices', { credentials, parameters: { ...completeMoe, idStructureMoe: buyer } });
		expect(ofMoe.results).toContainEqual(dsi);
		const worksSearch = { resource: 'worksInvoice', operation: 'search', additionalFields: { idStructureMoa: { __rl: true, mode: 'list', value: buyer } } };
		const ofMoa = await listSearch(travaux, 'searchProjectOwnerServices', { credentials, parameters: worksSearch });
		expect(lastBody('/rechercher/services')).toMatchObject({ idStructure: buyer });
		expect(ofMoa.results).toContainEqual(dsi);

		// Engagements: the services of the structure that issues the commitment.
		const create = { resource: 'commitment', operation: 'create' };
		const ofIssuer = await listOfStructure(engagements, 'searchIssuerServices', create, 'idStructureEmettrice', 'Issuing Structure ID', buyer);
		expect(ofIssuer.results).toContainEqual(dsi);
	});

	it("searchSupplierBankAccounts: the supplier structure's valid bank accounts, filtered by name; asks for the structure first", async () => {
		const supplier = DEMO_IDS.supplier.idStructureCPP;
		const submit = { resource: 'emittedInvoice', operation: 'submit' };
		const accounts = await listOfStructure(factures, 'searchSupplierBankAccounts', submit, 'idFournisseur', 'Supplier Structure ID', supplier);
		expect(lastBody('/recuperer/coordbanc/valides')).toMatchObject({ idStructure: supplier });
		expect(accounts.results).toEqual([{ name: 'Compte principal (45678)', value: 45_678 }]);
		expect(accounts.paginationToken).toBeUndefined();
		const none = await listSearch(factures, 'searchSupplierBankAccounts', { credentials, filter: 'livret', parameters: { ...submit, idFournisseur: supplier } });
		expect(none.results).toEqual([]);
		// Factures Travaux: the works-invoice search spells the supplier structure idStructureFournisseur.
		const works = await listSearch(travaux, 'searchSupplierBankAccounts', {
			credentials,
			filter: 'principal',
			parameters: { resource: 'worksInvoice', operation: 'search', additionalFields: { idStructureFournisseur: supplier } },
		});
		expect(works.results.map((r) => r.value)).toEqual([45_678]);
	});

	it('searchStructures in the Factures node: the structures its search filters pick from', async () => {
		const found = await listSearch(factures, 'searchStructures', { credentials, filter: DEMO_IDS.partner.siret });
		expect(found.results).toEqual([{ name: `${DEMO_IDS.partner.name} (${DEMO_IDS.partner.siret})`, value: DEMO_IDS.partner.idStructureCPP }]);
	});

	it("searchWorksInvoices: the supplier's works invoices by number, paged by the token", async () => {
		const parameters = { resource: 'worksInvoice', operation: 'get' };
		const all = await listSearch(travaux, 'searchWorksInvoices', { credentials, parameters });
		expect(lastBody('/facturesTravaux/v1/rechercher')).toMatchObject({ roleUtilisateur: 'FOURNISSEUR' });
		expect(all.results).toContainEqual({
			name: `DM-2025-001 — ${DEMO_IDS.supplier.name} — MISE_A_DISPOSITION_MOE`,
			value: WORKS_IDS.availableToMoe,
		});
		expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining(Object.values(WORKS_IDS).filter((id) => id !== WORKS_IDS.billingFile)));

		const byNumber = await listSearch(travaux, 'searchWorksInvoices', { credentials, parameters, filter: 'DM-2025-003' });
		expect(lastBody('/facturesTravaux/v1/rechercher')).toMatchObject({ roleUtilisateur: 'FOURNISSEUR', numeroFactureTravaux: 'DM-2025-003' });
		expect(byNumber.results).toEqual([{ name: `DM-2025-003 — ${DEMO_IDS.supplier.name} — EN_ATTENTE_RECYCLAGE_FOURNISSEUR`, value: WORKS_IDS.waitingRecycling }]);

		// The pieces in error are the supplier's too.
		await listSearch(travaux, 'searchWorksInvoices', { credentials, parameters: { resource: 'worksInvoiceInError', operation: 'complete' } });
		expect(lastBody('/facturesTravaux/v1/rechercher')).toMatchObject({ roleUtilisateur: 'FOURNISSEUR' });

		// More pieces of one contract than a page.
		const works = sim.store.works;
		for (let i = 0; i < LIST_PAGE_SIZE + 4; i++) addWorksInvoice(sim.store, works, { statut: 'DEPOSEE', idFactureTravaux: 6_200_000_000 + i, numeroFactureTravaux: 'PAGE-TEST' });
		const found = await twoPages(travaux, 'searchWorksInvoices', { parameters, filter: 'PAGE-TEST' }, '/facturesTravaux/v1/rechercher', 'rechercheFactureTravaux', 4);
		expect(lastBody('/facturesTravaux/v1/rechercher')).toMatchObject({ roleUtilisateur: 'FOURNISSEUR', numeroFactureTravaux: 'PAGE-TEST' });
		expect(found.every((r) => r.name.startsWith('PAGE-TEST — '))).toBe(true);
		for (let i = 0; i < LIST_PAGE_SIZE + 4; i++) works.invoices.delete(6_200_000_000 + i);
	});

	it('searchWorksInvoices: the works invoices to process, as project manager then as project owner', async () => {
		const parameters = { resource: 'worksInvoiceToProcess', operation: 'takeIntoAccount' };
		const roles = (from: number) => sim.requests.slice(from).filter((r) => r.path.endsWith('/facturesTravaux/v1/rechercher')).map((r) => (r.body as { roleUtilisateur: string }).roleUtilisateur);

		// The account manages no project (MOE) yet: the list goes on to the pieces it owns (MOA).
		let before = sim.requests.length;
		const owned = await listSearch(travaux, 'searchWorksInvoices', { credentials, parameters });
		expect(roles(before)).toEqual(['MOE', 'MOA']);
		expect(owned.results.map((r) => r.value)).toContain(WORKS_IDS.availableToMoa);
		expect(owned.paginationToken).toBeUndefined();

		// One piece it manages: that run first, then the token asks for the owner's run.
		const managed = addWorksInvoice(sim.store, sim.store.works, {
			statut: 'MISE_A_DISPOSITION_MOE',
			idFactureTravaux: 6_300_000_001,
			idStructureMoe: DEMO_IDS.buyerWithService.idStructureCPP,
			idStructureMoa: DEMO_IDS.partner.idStructureCPP,
		});
		before = sim.requests.length;
		const first = await listSearch(travaux, 'searchWorksInvoices', { credentials, parameters });
		expect(roles(before)).toEqual(['MOE']);
		expect(first.results.map((r) => r.value)).toEqual([managed.idFactureTravaux]);
		expect(first.paginationToken).toBe('1.0');
		before = sim.requests.length;
		const next = await listSearch(travaux, 'searchWorksInvoices', { credentials, parameters, paginationToken: '1.0' });
		expect(roles(before)).toEqual(['MOA']);
		expect(next.results.map((r) => r.value)).toEqual(owned.results.map((r) => r.value));
		expect(next.paginationToken).toBeUndefined();
		sim.store.works.invoices.delete(managed.idFactureTravaux);
	});

	it('searchCommitments: commitments by number', async () => {
		const all = await listSearch(engagements, 'searchCommitments', { credentials, parameters: { resource: 'commitment', operation: 'get' } });
		expect(all.results.length).toBeGreaterThan(0);
		const [number] = DEMO_IDS.engagements;
		const found = await listSearch(engagements, 'searchCommitments', {
			credentials,
			parameters: { resource: 'commitment', operation: 'get' },
			filter: number,
		});
		expect(lastBody('/engagement/recherche')).toMatchObject({ numeroEngagementJuridique: number });
		expect(found.results).toHaveLength(1);
		expect(found.results[0].name).toContain(number);
	});
});

describe('a workflow saved with a plain value before the field became a locator', () => {
	/** The body sent by one run of `node` with these parameters. */
	async function bodySent(node: INodeType, parameters: INodeParameters, suffix: string, typeVersion?: number) {
		const before = sim.requests.length;
		await runNode(node, { parameters, credentials, typeVersion });
		const sent = sim.requests.slice(before).filter((r) => r.path.endsWith(suffix));
		expect(sent).toHaveLength(1);
		return { path: sent[0].path, query: sent[0].query, body: sent[0].body };
	}

	/** The same request from the old plain value, the list's value and a typed ID (and an expression). */
	async function sameRequest(node: INodeType, base: INodeParameters, name: string, value: number, suffix: string, oldVersion?: number) {
		// The field is a locator wherever the operation shows it.
		const shows = (values: unknown[] | undefined, value: unknown) => values?.includes(value) === true;
		const shown = node.description.properties.filter(
			(p) => p.name === name && shows(p.displayOptions?.show?.resource, base.resource) && shows(p.displayOptions?.show?.operation, base.operation),
		);
		expect(shown.length).toBeGreaterThan(0);
		expect(shown.map((p) => p.type)).toEqual(shown.map(() => 'resourceLocator'));
		const plain = await bodySent(node, { ...base, [name]: value }, suffix, oldVersion);
		const fromList = await bodySent(node, { ...base, [name]: { __rl: true, mode: 'list', value, cachedResultName: 'x' } }, suffix);
		const byId = await bodySent(node, { ...base, [name]: { __rl: true, mode: 'id', value: ` ${value} ` } }, suffix);
		const expression = await bodySent(node, { ...base, [name]: `={{ ${value} }}` }, suffix, oldVersion);
		expect(fromList).toEqual(plain);
		expect(byId).toEqual(plain);
		expect(expression).toEqual(plain);
		return plain;
	}

	it('Factures v1 and v1.1: Invoice ID as a number sends the same request as the locator', async () => {
		const { results } = await listSearch(factures, 'searchInvoices', { credentials, parameters: { resource: 'receivedInvoice', operation: 'get' } });
		const id = Number(results[0].value);
		const base = { resource: 'receivedInvoice', operation: 'get' };
		const sent = await sameRequest(factures, base, 'identifiantFactureCPP', id, '/consulter/recipiendaire', 1);
		expect(sent.body).toMatchObject({ identifiantFactureCPP: id });
	});

	it('Transverse: the Service ID a dropdown stored sends the same request as the locator', async () => {
		const base = { resource: 'structure', operation: 'getService', idStructure: DEMO_IDS.buyerWithService.idStructureCPP };
		const sent = await sameRequest(transverse, base, 'idService', 1_048_577, '/consulter/service');
		expect(sent.body).toMatchObject({ idStructure: DEMO_IDS.buyerWithService.idStructureCPP, idService: 1_048_577 });
	});

	it('Transverse: the Structure ID of Structure → Get, plain or locator', async () => {
		const base = { resource: 'structure', operation: 'get' };
		const sent = await sameRequest(transverse, base, 'idStructureCPP', DEMO_IDS.partner.idStructureCPP, '/structures/v1/consulter');
		expect(sent.body).toMatchObject({ idStructureCPP: DEMO_IDS.partner.idStructureCPP });
	});

	it('Factures Travaux: the Works Invoice ID of Get and of an action, plain or locator', async () => {
		const get = await sameRequest(travaux, { resource: 'worksInvoice', operation: 'get' }, 'idFactureTravaux', WORKS_IDS.toComplete, '/facturesTravaux/v1/consulter');
		expect(get.body).toMatchObject({ idFactureTravaux: WORKS_IDS.toComplete });
		// A status change: each run moves the piece, so only the request is compared (the later ones are refused).
		const base = { resource: 'worksInvoiceToProcess', operation: 'requestRecycling' };
		const bodies = [];
		for (const value of [WORKS_IDS.availableToMoe, { __rl: true, mode: 'list', value: WORKS_IDS.availableToMoe }, { __rl: true, mode: 'id', value: String(WORKS_IDS.availableToMoe) }]) {
			const before = sim.requests.length;
			await runNode(travaux, { parameters: { ...base, idFactureTravaux: value }, credentials, continueOnFail: true });
			bodies.push(sim.requests.slice(before).filter((r) => r.path.endsWith('/demander/recyclage')).map((r) => r.body));
		}
		expect(bodies).toEqual(Array.from({ length: 3 }, () => [expect.objectContaining({ idFactureTravaux: WORKS_IDS.availableToMoe })]));
	});

	it('Engagements: Commitment ID in the path, plain or locator', async () => {
		const { results } = await listSearch(engagements, 'searchCommitments', { credentials, parameters: { resource: 'commitment', operation: 'get' } });
		const id = Number(results[0].value);
		const sent = await sameRequest(engagements, { resource: 'commitment', operation: 'get' }, 'id', id, `/engagement/${id}`);
		expect(sent.path).toMatch(new RegExp(`/engagement/${id}$`));
	});

	it('Factures: a filter picked from a list, typed by ID or saved as a number sends the same search', async () => {
		const buyer = DEMO_IDS.buyerWithService.idStructureCPP;
		const base = { resource: 'receivedInvoice', operation: 'search', returnAll: false, limit: 5 };
		const filters = (structure: unknown, service: unknown): INodeParameters =>
			({ ...base, additionalFields: { idDestinataire: structure, idServiceExecutant: service } }) as INodeParameters;
		const plain = await bodySent(factures, filters(buyer, 1_048_577), '/rechercher/recipiendaire');
		const fromList = await bodySent(
			factures,
			filters({ __rl: true, mode: 'list', value: buyer, cachedResultName: 'x' }, { __rl: true, mode: 'list', value: 1_048_577 }),
			'/rechercher/recipiendaire',
		);
		const byId = await bodySent(factures, filters({ __rl: true, mode: 'id', value: ` ${buyer} ` }, { __rl: true, mode: 'id', value: '1048577' }), '/rechercher/recipiendaire');
		expect(plain.body).toMatchObject({ idDestinataire: buyer, idServiceExecutant: 1_048_577 });
		expect(fromList).toEqual(plain);
		expect(byId).toEqual(plain);
		// A picker added to the Filters and left empty filters nothing.
		const empty = await bodySent(factures, filters({ __rl: true, mode: 'list', value: '' }, { __rl: true, mode: 'id', value: '' }), '/rechercher/recipiendaire');
		expect(empty.body).not.toHaveProperty('idDestinataire');
		expect(empty.body).not.toHaveProperty('idServiceExecutant');
	});

	it('a typed ID that is not a number is refused before any request, naming the field', async () => {
		const before = sim.requests.length;
		await expect(
			runNode(factures, {
				parameters: { resource: 'receivedInvoice', operation: 'get', identifiantFactureCPP: { __rl: true, mode: 'id', value: 'abc' } },
				credentials,
			}),
		).rejects.toThrow('Invalid value for "Invoice ID" (item 1): expected a whole number, got "abc"');
		expect(sim.requests.slice(before).filter((r) => !r.path.includes('/oauth/'))).toEqual([]);
	});
});
