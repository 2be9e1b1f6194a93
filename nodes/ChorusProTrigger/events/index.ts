import type { EventDescription, EventParameter } from './eventParameters';
import { parametersOf } from './eventParameters';
import { FLUX_EVENT } from './fluxEvent';
import { INVOICE_EVENTS } from './invoiceEvents';

/** Every event of the trigger, in the order the parameters list them. */
export const TRIGGER_EVENTS: readonly EventDescription[] = [
	INVOICE_EVENTS.newReceivedInvoice,
	INVOICE_EVENTS.receivedInvoiceStatusChanged,
	INVOICE_EVENTS.emittedInvoiceStatusChanged,
	INVOICE_EVENTS.invoiceToValidateStatusChanged,
	FLUX_EVENT,
];

/** The events that read a parameter: where properties.ts shows it. */
export function eventsReading(parameter: EventParameter): string[] {
	return TRIGGER_EVENTS.filter((event) => parametersOf(event).includes(parameter)).map((event) => event.name);
}
