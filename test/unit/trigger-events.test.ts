/**
 * The trigger describes no endpoint of its own: each event pages through a search operation of the Factures node,
 * and download and flux report are the Factures operations. These tests tie them, so a change to a search is made
 * in one place (and the trigger's parameters follow the events' data).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { facturesOperations } from '../../nodes/ChorusProFactures/operations';
import { facturesOperation } from '../../nodes/ChorusProTrigger/described';
import { DOWNLOAD } from '../../nodes/ChorusProTrigger/download';
import { eventsReading, TRIGGER_EVENTS } from '../../nodes/ChorusProTrigger/events';
import { parametersOf, type EventParameter } from '../../nodes/ChorusProTrigger/events/eventParameters';
import { FLUX_EVENT, FLUX_REPORT } from '../../nodes/ChorusProTrigger/events/fluxEvent';
import { INVOICE_EVENTS, isInvoiceEvent, searchRequest, WINDOW_SORT } from '../../nodes/ChorusProTrigger/events/invoiceEvents';
import { triggerProperties } from '../../nodes/ChorusProTrigger/properties';
import { described } from '../../nodes/shared/lookup';
import { isRequest } from '../../nodes/shared/operation';

const TRIGGER_DIR = join(__dirname, '../../nodes/ChorusProTrigger');

/** Every string literal (quotes or backticks) of the trigger's sources, comments left out. */
function triggerStringLiterals(): string[] {
	const files = readdirSync(TRIGGER_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
	return files.flatMap((file) => {
		const code = readFileSync(join(TRIGGER_DIR, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
		return [...code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);
	});
}

describe('trigger events reference the Factures operations', () => {
	it('each invoice event pages through the Factures search itself (the same object, not a copy)', () => {
		const expected = {
			newReceivedInvoice: 'receivedInvoice',
			receivedInvoiceStatusChanged: 'receivedInvoice',
			emittedInvoiceStatusChanged: 'emittedInvoice',
			invoiceToValidateStatusChanged: 'paymentRequest',
		};
		for (const [name, resource] of Object.entries(expected)) {
			const event = INVOICE_EVENTS[name as keyof typeof INVOICE_EVENTS];
			const search = described(facturesOperations, resource, 'search');
			expect(event.search).toBe(search);
			// The request the trigger sends is the search's: its path, method and the Factures pagination.
			const built = searchRequest(event, { structureId: 11, serviceId: 22, statuses: [], onlyNotDownloaded: false }, '2025-03-17T09:00:00');
			expect([built.method, built.path]).toEqual([search.method, search.path]);
			expect(search.pagination).toBeDefined();
		}
	});

	it('download and flux report are the Factures operations', () => {
		expect(DOWNLOAD).toBe(described(facturesOperations, 'receivedInvoice', 'download'));
		expect(FLUX_REPORT).toBe(described(facturesOperations, 'emittedInvoice', 'getFluxReport'));
	});

	it('refuses an operation whose hooks need an action item (a poll has none)', () => {
		const hooked = facturesOperations.filter(isRequest).find((op) => op.hooks?.prepare || op.hooks?.run);
		if (!hooked) throw new Error('no Factures operation with a prepare or run hook left to try');
		expect(() => facturesOperation(hooked.resource, hooked.operation)).toThrow(/hooks that need an action's item/);
		expect(() => facturesOperation('receivedInvoice', 'nothing')).toThrow(/No operation receivedInvoice:nothing/);
	});

	it('every search field an event fills is a field of its search (the trigger declares none of its own)', () => {
		for (const event of Object.values(INVOICE_EVENTS)) {
			const offered = event.search.fields.map((f) => f.name);
			for (const field of [...Object.values(event.scope), ...Object.keys(event.fixed ?? {})]) {
				expect(offered).toContain(field);
			}
			// Filling every scope parameter builds a body with each of them (none dropped by the builder).
			const built = searchRequest(event, { structureId: 11, serviceId: 22, statuses: [], onlyNotDownloaded: false }, 'X');
			expect(JSON.stringify(built.body)).toContain('"X"');
			for (const parameter of Object.keys(event.scope)) {
				expect(JSON.stringify(built.body)).toContain(parameter === 'structureId' ? '11' : '22');
			}
		}
	});

	it('a search field that disappears fails loudly instead of widening the window', () => {
		const event = INVOICE_EVENTS.emittedInvoiceStatusChanged;
		const renamed = { ...event, scope: { structureId: 'idFournisseurRenamed' } };
		expect(() => searchRequest(renamed, { structureId: 1, statuses: [], onlyNotDownloaded: false })).toThrow(
			/emittedInvoice:search has no field "idFournisseurRenamed"/,
		);
	});

	it('the window sorts on a column the paged searches accept', () => {
		for (const event of Object.values(INVOICE_EVENTS)) {
			const pagination = event.search.pagination;
			if (pagination?.style !== 'body') continue;
			expect(pagination.sortColumns).toContain(WINDOW_SORT.column);
		}
	});

	it('writes no endpoint path and no list key of a Factures operation in its code', () => {
		const literals = triggerStringLiterals();
		expect(literals.length).toBeGreaterThan(50);
		const paths = facturesOperations.map((op) => (op.path ?? '').slice(1)).filter(Boolean);
		const lists = facturesOperations.flatMap((op) => (op.pagination ? [op.pagination.list] : []));
		const restated = literals.filter((literal) => paths.some((path) => literal.includes(path)) || lists.includes(literal));
		expect(restated).toEqual([]);
	});
});

describe("each event's parameters are data read by both the parameters and the poll", () => {
	const eventParameters = triggerProperties.filter((p) => p.name !== 'event' && p.name !== 'options');

	it('each parameter is shown exactly for the events that read it', () => {
		for (const property of eventParameters) {
			expect(property.displayOptions?.show?.event).toEqual(eventsReading(property.name as EventParameter));
		}
	});

	it('every parameter an event reads exists, and every event is in the Event list', () => {
		const names = eventParameters.map((p) => p.name);
		const eventOptions = (triggerProperties[0].options ?? []) as Array<{ value: string }>;
		expect(eventOptions.map((o) => o.value).sort()).toEqual(TRIGGER_EVENTS.map((e) => e.name).sort());
		for (const event of TRIGGER_EVENTS) {
			for (const parameter of parametersOf(event)) expect(names).toContain(parameter);
			// The flux event's discovery searches the emitted invoices; the others poll their own search.
			expect(isInvoiceEvent(event)).toBe(event !== FLUX_EVENT);
		}
	});
});
