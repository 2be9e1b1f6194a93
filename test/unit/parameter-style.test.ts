import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ChorusProApi } from '../../credentials/ChorusProApi.credentials';
import { PACKAGE_NODES } from './packageNodes';

/**
 * The style rules n8n's linter checks on hand-written descriptions, checked here on the generated ones (the
 * linter cannot see them): help text on every parameter, "Whether…" booleans, labelled codes, dropdown methods
 * that exist, and the parameters a dropdown depends on declared so n8n reloads it.
 */
const NODES = PACKAGE_NODES;

/** Every parameter, with those inside collections, as "path" → property. */
function allParameters(properties: INodeProperties[], path = ''): Array<[string, INodeProperties]> {
	return properties.flatMap((property) => {
		const here = `${path}${property.name}`;
		const inner =
			property.type === 'collection' ? allParameters(property.options as INodeProperties[], `${here}.`) : [];
		return [[here, property] as [string, INodeProperties], ...inner];
	});
}

/** The help is a sentence, not just the API key: at least three words once the parentheses are dropped. */
function isPlainSentence(description: string | undefined): boolean {
	if (!description) return false;
	const words = description
		.replace(/\([^)]*\)/g, ' ')
		.split(/\s+/)
		.filter((word) => /[a-zA-Z]/.test(word));
	return words.length >= 3;
}

const UNDESCRIBED = new Set(['resource', 'operation']);

describe.each(NODES)('%s generated parameters follow the style rules', (_name, node) => {
	const parameters = allParameters(node.description.properties);

	it('every parameter has a plain sentence of help', () => {
		const missing = parameters
			.filter(([, p]) => !UNDESCRIBED.has(p.name) && p.type !== 'notice')
			.filter(([, p]) => !isPlainSentence(p.description))
			.map(([path, p]) => `${path}: ${JSON.stringify(p.description ?? null)}`);
		expect([...new Set(missing)]).toEqual([]);
	});

	it('every boolean says "Whether…"', () => {
		const wrong = parameters
			.filter(([, p]) => p.type === 'boolean' && !p.description?.startsWith('Whether'))
			.map(([path]) => path);
		expect([...new Set(wrong)]).toEqual([]);
	});

	it('every code in a dropdown has a human label', () => {
		const raw = parameters.flatMap(([path, p]) =>
			(p.type === 'options' || p.type === 'multiOptions') && Array.isArray(p.options)
				? (p.options as INodePropertyOptions[])
						.filter((o) => /^[A-Z0-9_]+$/.test(String(o.value)) && o.name === o.value)
						.map((o) => `${path}: ${String(o.value)}`)
				: [],
		);
		expect([...new Set(raw)]).toEqual([]);
	});

	it('every dropdown method exists', () => {
		const methods = node.methods?.loadOptions ?? {};
		for (const [path, p] of parameters) {
			const method = p.typeOptions?.loadOptionsMethod;
			if (!method) continue;
			expect({ path, exists: typeof methods[method] === 'function' }).toEqual({ path, exists: true });
			expect(p.type === 'options' || p.type === 'multiOptions').toBe(true);
			expect(p.description).toMatch(/\. Choose from the list/);
		}
	});

	it('every resource locator lists from a listSearch method of the node, and can be typed by ID', () => {
		const methods = node.methods?.listSearch ?? {};
		for (const [path, p] of parameters.filter(([, q]) => q.type === 'resourceLocator')) {
			const modes = p.modes ?? [];
			expect({ path, modes: modes.map((m) => m.name) }).toEqual({ path, modes: ['list', 'id'] });
			const method = modes[0].typeOptions?.searchListMethod;
			expect({ path, method, exists: typeof methods[String(method)] === 'function' }).toEqual({ path, method, exists: true });
			expect(p.default).toEqual({ mode: 'list', value: '' });
		}
	});

	it('every list of a structure\'s services or bank accounts has that structure beside it', () => {
		// The editor keys its list cache on every parameter of the node, so it reloads the services when that
		// structure changes; the structure is a top-level parameter of the same operation or a field of the same
		// Filters / Additional Fields.
		const structureOf: Record<string, string[]> = {
			searchStructureServices: ['idStructure', 'structureId'],
			searchSupplierServices: ['idFournisseur', 'idStructureFournisseur'],
			searchRecipientServices: ['idDestinataire', 'idStructureDestinataire'],
			searchProjectManagerServices: ['idStructureMoe'],
			searchProjectOwnerServices: ['idStructureMoa'],
			searchIssuerServices: ['idStructureEmettrice'],
			searchSupplierBankAccounts: ['idFournisseur', 'idStructureFournisseur'],
		};
		const top = node.description.properties;
		const shownWith = (p: INodeProperties, q: INodeProperties) =>
			Object.entries(p.displayOptions?.show ?? {}).every(([key, values]) =>
				(values ?? []).every((v) => (q.displayOptions?.show?.[key] ?? []).includes(v)),
			);
		const method = (p: INodeProperties) => String(p.modes?.[0]?.typeOptions?.searchListMethod);
		const pairs = top.flatMap((p) =>
			p.type === 'collection'
				? (p.options as INodeProperties[]).map((q) => ({ owner: p, field: q, siblings: p.options as INodeProperties[] }))
				: [{ owner: p, field: p, siblings: [] as INodeProperties[] }],
		);
		for (const { owner, field, siblings } of pairs.filter(({ field }) => structureOf[method(field)])) {
			const names = structureOf[method(field)];
			const structure =
				top.find((q) => names.includes(q.name) && shownWith(owner, q)) ?? siblings.find((q) => names.includes(q.name));
			const where = `${String(owner.displayOptions?.show?.operation)} ${field.name}`;
			expect({ where, structure: structure?.displayName }).toEqual({ where, structure: expect.stringMatching(/Structure ID$/) });
		}
	});

	it('the canvas subtitle is the action in words, not camelCase values', () => {
		const { subtitle } = node.description;
		const expression = /^=\{\{([\s\S]*)\}\}$/.exec(String(subtitle))?.[1];
		expect(expression).toBeDefined();
		const evaluate = new Function('$parameter', `return (${expression});`) as (p: Record<string, unknown>) => unknown;
		const isTrigger = node.description.group.includes('trigger');
		const choices = isTrigger
			? (node.description.properties.find((p) => p.name === 'event')?.options as INodePropertyOptions[]).map((o) => ({
					parameters: { event: o.value },
					expected: o.name,
				}))
			: node.description.properties
					.filter((p) => p.name === 'operation')
					.flatMap((p) =>
						(p.options as INodePropertyOptions[]).map((o) => ({
							parameters: { resource: p.displayOptions?.show?.resource?.[0], operation: o.value },
							expected: o.action,
						})),
					);
		expect(choices.length).toBeGreaterThan(0);
		for (const { parameters: values, expected } of choices) {
			const text = evaluate(values);
			expect(text).toBe(expected);
			expect(String(text)).not.toMatch(/[a-z][A-Z]/);
		}
	});
});

describe('editor details an accountant sees', () => {
	const factures = NODES.find(([name]) => name === 'ChorusProFactures')![1].description.properties;

	it('Currency is a dropdown loaded from the server, and Billing Framework too', () => {
		for (const operation of ['submit', 'submitPdf']) {
			const show = (p: INodeProperties) => p.displayOptions?.show?.operation?.includes(operation);
			const currency = factures.find((p) => p.name === 'deviseFacture' && show(p));
			expect(currency).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getCurrencies' } });
			const framework = factures.find((p) => p.name === 'codeCadreFacturation' && show(p));
			expect(framework).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getBillingFrameworks' } });
		}
	});

	it('the invoice status filter shows words, with the code in parentheses', () => {
		const statuses = factures.find((p) => p.name === 'additionalFields' && p.displayOptions?.show?.resource?.[0] === 'receivedInvoice');
		const filter = (statuses?.options as INodeProperties[]).find((p) => p.name === 'statutCourant');
		expect((filter?.options as INodePropertyOptions[]).find((o) => o.value === 'A_VALIDER_1')?.name).toBe(
			'To Validate (First Validator) (A_VALIDER_1)',
		);
	});

	it("the credential's G2B notice shows its sentence (n8n displays a notice's displayName, not its default)", () => {
		const notice = new ChorusProApi().properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/paths are not public yet/);
		expect(notice?.default).toBe('');
	});

	it('every credential field has a plain sentence of help', () => {
		const missing = new ChorusProApi().properties
			.filter((p) => p.type !== 'notice' && p.type !== 'hidden' && !isPlainSentence(p.description))
			.map((p) => p.name);
		expect(missing).toEqual([]);
	});
});

describe('what users pick is a resource locator (from a list / by ID)', () => {
	const node = (name: string) => NODES.find(([n]) => n === name)![1];
	/**
	 * Every locator of a node, as "resource:operation parameter" → its list method: the top-level ones, or with
	 * `inCollections` those inside its Filters / Additional Fields.
	 */
	const locators = (name: string, inCollections = false) =>
		Object.fromEntries(
			node(name)
				.description.properties.flatMap((owner) =>
					inCollections
						? owner.name === 'additionalFields'
							? (owner.options as INodeProperties[]).map((p) => ({ owner, p }))
							: []
						: [{ owner, p: owner }],
				)
				.filter(({ p }) => p.type === 'resourceLocator')
				.map(({ owner, p }) => [
					`${String(owner.displayOptions?.show?.resource)}:${String(owner.displayOptions?.show?.operation)} ${p.name}`,
					p.modes?.[0].typeOptions?.searchListMethod,
				]),
		);

	it('Factures: the recipient, your supplier structure and the invoice of each role', () => {
		expect(locators('ChorusProFactures')).toMatchObject({
			'emittedInvoice:submit codeDestinataire': 'searchRecipients',
			'emittedInvoice:submitPdf codeDestinataire': 'searchRecipients',
			'emittedInvoice:checkBeforeSubmit codeDestinataire': 'searchRecipients',
			'emittedInvoice:submit idFournisseur': 'searchMyStructures',
			'emittedInvoice:get identifiantFactureCPP': 'searchInvoices',
			'emittedInvoice:getHistory idFacture': 'searchInvoices',
			'receivedInvoice:get identifiantFactureCPP': 'searchInvoices',
			'receivedInvoice:setStatus idFacture': 'searchInvoices',
			'invoiceToValidate:process idFacture': 'searchInvoices',
		});
		const submit = node('ChorusProFactures').description.properties.find(
			(p) => p.name === 'codeDestinataire' && p.displayOptions?.show?.operation?.includes('submit'),
		);
		expect(submit?.modes?.[1]).toMatchObject({ displayName: 'By SIRET', validation: [{ type: 'regex', properties: { regex: '\\s*[0-9]{14}\\s*' } }] });
	});

	it('Transverse: your structure and a service of the chosen structure', () => {
		expect(locators('ChorusProTransverse')).toMatchObject({
			'structure:getService idService': 'searchStructureServices',
			'referential:getValidBankAccounts idStructure': 'searchMyStructures',
			'attachment:searchStructure idStructureCPP': 'searchMyStructures',
		});
	});

	it('Engagements: the commitment, and your structure when creating one', () => {
		expect(locators('ChorusProEngagements')).toMatchObject({
			'commitment:get id': 'searchCommitments',
			'commitment:changeStatus id': 'searchCommitments',
			'commitmentAttachment:downloadCommitment idEngagement': 'searchCommitments',
			'commitment:create idStructureEmettrice': 'searchMyStructures',
		});
	});

	it('inside Filters and Additional Fields too (n8n shows them there, as in its Jira node): structures and services', () => {
		expect(locators('ChorusProFactures', true)).toEqual({
			'emittedInvoice:submit idServiceFournisseur': 'searchSupplierServices',
			'emittedInvoice:submitPdf idServiceFournisseur': 'searchSupplierServices',
			'emittedInvoice:checkBeforeSubmit idServiceFournisseur': 'searchSupplierServices',
			'emittedInvoice:submit codeCoordonneesBancairesFournisseur': 'searchSupplierBankAccounts',
			'emittedInvoice:submitPdf codeCoordonneesBancairesFournisseur': 'searchSupplierBankAccounts',
			'emittedInvoice:checkBeforeSubmit codeCoordonneesBancairesFournisseur': 'searchSupplierBankAccounts',
			'emittedInvoice:search idFournisseur': 'searchMyStructures',
			'emittedInvoice:search idServiceFournisseur': 'searchSupplierServices',
			'emittedInvoice:search idStructureValideur': 'searchStructures',
			'receivedInvoice:search idDestinataire': 'searchMyStructures',
			'receivedInvoice:search idServiceExecutant': 'searchRecipientServices',
			'receivedInvoice:search idStructureValideur': 'searchStructures',
			'invoiceToValidate:search idFournisseur': 'searchStructures',
			'invoiceToValidate:search idDestinataire': 'searchStructures',
			'invoiceToValidate:search idServiceExecutant': 'searchRecipientServices',
			'invoiceToValidate:search idStructureValideur': 'searchMyStructures',
			'invoiceToValidate:search idStructureMoe': 'searchStructures',
			'invoiceToValidate:search idStructureMoa': 'searchStructures',
			'paymentRequest:search idStructureFournisseur': 'searchStructures',
			'paymentRequest:search idStructureDestinataire': 'searchStructures',
			'paymentRequest:search idStructureValideur': 'searchStructures',
			'paymentRequest:search idServiceFournisseur': 'searchSupplierServices',
			'paymentRequest:search idServiceDestinataire': 'searchRecipientServices',
			'paymentRequest:search idStructureMoe': 'searchStructures',
			'paymentRequest:search idServiceMoe': 'searchProjectManagerServices',
			'paymentRequest:search idStructureMoa': 'searchStructures',
			'paymentRequest:search idServiceMoa': 'searchProjectOwnerServices',
		});
		expect(locators('ChorusProTravaux', true)).toEqual({
			'worksInvoice:search idStructureFournisseur': 'searchStructures',
			'worksInvoice:search idStructureMoe': 'searchStructures',
			'worksInvoice:search idServiceMoe': 'searchProjectManagerServices',
			'worksInvoice:search idStructureMoa': 'searchStructures',
			'worksInvoice:search idServiceMoa': 'searchProjectOwnerServices',
			'worksInvoice:search idDestinataire': 'searchStructures',
			'worksInvoice:search idStructureValideur': 'searchStructures',
			'worksInvoice:search idCoordonneeBancaire': 'searchSupplierBankAccounts',
			'worksInvoice:submit idStructureMoe': 'searchStructures',
			'worksInvoice:submit idServiceMoe': 'searchProjectManagerServices',
			'worksInvoice:submit idStructureMoa': 'searchStructures',
			'worksInvoice:submit idServiceMoa': 'searchProjectOwnerServices',
			'worksInvoice:submit idStructureValideur': 'searchStructures',
			'worksInvoiceInError:completeMoe idServiceMoe': 'searchProjectManagerServices',
		});
		expect(locators('ChorusProTravaux')).toMatchObject({
			'worksInvoiceInError:completeMoe idStructureMoe': 'searchStructures',
			'worksInvoiceInError:correctValidator idStructureValideur': 'searchStructures',
		});
		expect(locators('ChorusProEngagements', true)).toEqual({
			'commitment:create idServiceEmetteur': 'searchIssuerServices',
			'commitment:update idStructureEmettrice': 'searchMyStructures',
			'commitment:update idServiceEmetteur': 'searchIssuerServices',
		});
	});
});

describe('node panel', () => {
	// The nodes the package registers, loaded from their sources (dist/nodes/X/Y.node.js → nodes/X/Y.node).
	const registered = (require('../../package.json') as { n8n: { nodes: string[] } }).n8n.nodes.map((path) => {
		const source = path.replace(/^dist\//, '../../').replace(/\.js$/, '');
		const module = require(source) as Record<string, new () => INodeType>;
		return new (Object.values(module)[0])().description;
	});

	it('lists every visible trigger with the action node n8n pairs it with (type name minus "Trigger")', () => {
		// n8n's node panel (editor-ui useActionsGeneration) merges trigger `xTrigger` into action node `x`.
		const triggers = registered.filter((d) => d.group.includes('trigger') && !d.hidden);
		expect(triggers.map((d) => d.name)).toEqual(['chorusProFacturesTrigger']);
		for (const trigger of triggers) {
			const app = registered.find((d) => d.name === trigger.name.replace('Trigger', ''));
			expect(app?.displayName).toBe('Chorus Pro Factures');
			expect(trigger.displayName).toBe('Chorus Pro Trigger');
		}
	});

	it('keeps the first trigger type, hidden, with the same parameters, so saved workflows still run', () => {
		const legacy = registered.find((d) => d.name === 'chorusProTrigger');
		const current = registered.find((d) => d.name === 'chorusProFacturesTrigger');
		expect(legacy?.hidden).toBe(true);
		expect(legacy?.properties).toEqual(current?.properties);
	});
});
