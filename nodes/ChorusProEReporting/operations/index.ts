import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { fluxOperations } from './flux';
import { g2bInvoiceOperations } from './g2bInvoice';
import { transmissionOperations } from './transmission';
import { eReportingEvidence } from './evidence';

export const eReportingResources: Resource[] = [
	{ name: 'Flux', value: 'flux', description: 'G2B flux of invoices, lifecycle statuses or e-reporting (tar.gz)' },
	{ name: 'G2B Invoice', value: 'g2bInvoice', description: 'Invoices issued through G2B and their statuses' },
	{ name: 'E-Reporting Transmission', value: 'transmission', description: 'E-reporting transmissions and their statuses' },
];

/** Every operation of the E-Reporting node. */
export const eReportingOperations: Operation[] = withEvidence([...fluxOperations, ...g2bInvoiceOperations, ...transmissionOperations], eReportingEvidence);
