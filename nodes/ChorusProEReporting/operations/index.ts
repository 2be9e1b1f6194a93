import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { fluxOperations, fluxResource } from './flux';
import { g2bInvoiceOperations, g2bInvoiceResource } from './g2bInvoice';
import { transmissionOperations, transmissionResource } from './transmission';
import { eReportingEvidence } from './evidence';

export const eReportingResources: Resource[] = [fluxResource, g2bInvoiceResource, transmissionResource];

/** Every operation of the E-Reporting node. */
export const eReportingOperations: Operation[] = withEvidence([...fluxOperations, ...g2bInvoiceOperations, ...transmissionOperations], eReportingEvidence);
