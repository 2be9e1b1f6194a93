/**
 * Which parameters an event reads, as data: properties.ts shows each parameter for the events that read it, and
 * poll.ts reads only those of the chosen event. Adding a filter to an event is one line in its description.
 */

/** Parameters that narrow the search itself (criteria an invoice never leaves), each filling a search field. */
export type ScopeParameter = 'structureId' | 'serviceId';

/** The other parameters: checked on each found invoice, or what the event does with it. */
export type EventOption = 'arrivalStatuses' | 'statuses' | 'onlyNotDownloaded' | 'downloadPdf' | 'fluxNumbers' | 'discoverFlux';

export type EventParameter = ScopeParameter | EventOption;

export interface EventDescription {
	/** Value of the Event parameter. */
	name: string;
	/** Its label and help in the Event dropdown. */
	label: string;
	description: string;
	/** The search field each scope parameter fills (structureId → idDestinataire…); a parameter not here is not offered. */
	scope: Partial<Record<ScopeParameter, string>>;
	/** The other parameters the event reads. */
	reads: readonly EventOption[];
}

/** Every parameter the event reads. */
export function parametersOf(event: EventDescription): EventParameter[] {
	return [...(Object.keys(event.scope) as ScopeParameter[]), ...event.reads];
}

export function reads(event: EventDescription, parameter: EventParameter): boolean {
	return parametersOf(event).includes(parameter);
}
