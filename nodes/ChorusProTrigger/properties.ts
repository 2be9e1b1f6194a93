import type { INodeProperties } from 'n8n-workflow';

import { codeLabel } from '../shared/codeLabels';
import type { Field } from '../shared/operation';
import { fieldProperty } from '../shared/properties';
import { INVOICE_STATUSES } from '../shared/enums';
import { LIMITS } from '../shared/limits';
import { endpoint } from './described';
import { DOWNLOAD } from './download';
import type { EventParameter } from './events/eventParameters';
import { eventsReading, TRIGGER_EVENTS } from './events';

/** The trigger's parameters: the event, its filters, and the polling options. */

export const DEFAULT_OVERLAP_MINUTES = 10;
export const DEFAULT_TIMEOUT_SECONDS = 120;

const STATUS_OPTIONS = INVOICE_STATUSES.map((s) => ({ name: codeLabel(s), value: s })).sort((a, b) =>
	a.name.localeCompare(b.name),
);

/**
 * Which structure and service the poll is limited to, picked from the account's structures and that structure's
 * services (resource locators, as in the action nodes) or typed as ids; empty (or 0, as saved before they became
 * pickers) = every structure / service.
 */
export const SCOPE_FIELDS: Record<'structureId' | 'serviceId', Field> = {
	structureId: {
		name: 'structureId',
		label: 'Structure ID',
		type: 'integer',
		locator: { list: 'searchMyStructures' },
		description:
			'Only invoices of this structure (idStructureCPP: recipient, supplier or validator structure depending on the event). Empty = every structure of the technical account',
	},
	serviceId: {
		name: 'serviceId',
		label: 'Service ID',
		type: 'integer',
		locator: { list: 'searchStructureServices' },
		description:
			'Only invoices of this service of the structure above (idServiceExecutant for received invoices, idServiceFournisseur for emitted ones). Empty = every service',
	},
};

/** Shown for the events that read it (their descriptions in events/ say which). */
const shownFor = (parameter: EventParameter) => ({ show: { event: eventsReading(parameter) } });

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		description: 'What starts the workflow',
		default: 'newReceivedInvoice',
		options: TRIGGER_EVENTS.map((event) => ({ name: event.label, value: event.name, description: event.description })).sort(
			(a, b) => a.name.localeCompare(b.name),
		),
	},
	{ ...fieldProperty(SCOPE_FIELDS.structureId), displayOptions: shownFor('structureId') },
	{ ...fieldProperty(SCOPE_FIELDS.serviceId), displayOptions: shownFor('serviceId') },
	{
		displayName: 'Arrival Statuses',
		name: 'arrivalStatuses',
		type: 'multiOptions',
		default: ['MISE_A_DISPOSITION'],
		options: STATUS_OPTIONS,
		description:
			'An invoice counts as new when its status becomes one of these. Chorus Pro makes an invoice available to the buyer with MISE_A_DISPOSITION; an invoice already processed by someone in the portal before the next poll shows under its new status and is reported by "Received Invoice Status Changed" instead.',
		displayOptions: shownFor('arrivalStatuses'),
	},
	{
		displayName: 'Only Statuses',
		name: 'statuses',
		type: 'multiOptions',
		default: [],
		options: STATUS_OPTIONS,
		description: 'Only report changes to these statuses (statut). Empty = every status.',
		displayOptions: shownFor('statuses'),
	},
	{
		displayName: 'Only Not Downloaded',
		name: 'onlyNotDownloaded',
		type: 'boolean',
		default: false,
		description: 'Whether to report only invoices nobody has downloaded yet (factureTelechargeeParDestinataire = false)',
		displayOptions: shownFor('onlyNotDownloaded'),
	},
	{
		displayName: 'Download PDF',
		name: 'downloadPdf',
		type: 'boolean',
		default: false,
		description:
			`Whether to add the invoice file to each item as binary property "data" (${endpoint(DOWNLOAD)}). Downloading marks a received invoice as downloaded.`,
		displayOptions: shownFor('downloadPdf'),
	},
	{
		displayName: 'Flux Numbers',
		name: 'fluxNumbers',
		type: 'string',
		default: '',
		placeholder: 'e.g. CPP0011110000000000001557, CPP0011110000000000001558',
		description:
			'Flux numbers (numeroFluxDepot returned by the deposit) to follow until their report is final, separated by commas. Needed for flux rejected as a whole, which create no invoice.',
		displayOptions: shownFor('fluxNumbers'),
	},
	{
		displayName: 'Discover From Deposited Invoices',
		name: 'discoverFlux',
		type: 'boolean',
		default: true,
		description:
			'Whether to also follow the flux of your emitted invoices whose status changed since the last poll (their numeroFluxDepot), so integrated and partly integrated flux are reported without listing them',
		displayOptions: shownFor('discoverFlux'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		description: 'How the trigger polls Chorus Pro: how far back, how many per page, how long to wait',
		default: {},
		options: [
			{
				displayName: 'Max Indexing Delay (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				default: DEFAULT_OVERLAP_MINUTES,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description:
					'How late Chorus Pro may show a status change in its searches, clock differences included. Each poll searches again this far back (and drops what it already reported), so a change indexed up to this late is still caught.',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 1000,
				typeOptions: { minValue: 1, maxValue: LIMITS.maxPageSize, numberPrecision: 0 },
				description: 'Invoices asked per search call (nbResultatsParPage)',
			},
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				default: DEFAULT_TIMEOUT_SECONDS,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description: 'How long to wait for one answer before retrying (reads are retried a few times)',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description:
					'On the first activation, report changes since this date (Paris time when no zone is given) instead of starting from now',
			},
		],
	},
];

/** The canvas subtitle: the chosen event in words ("New Received Invoice"), not its camelCase value. */
export const eventSubtitle = `={{ ${JSON.stringify(
	Object.fromEntries(
		((triggerProperties[0].options ?? []) as Array<{ name: string; value: string }>).map((o) => [o.value, o.name]),
	),
)}[$parameter["event"]] }}`;
