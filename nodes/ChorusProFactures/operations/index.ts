import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { checkBeforeSubmittingOperation, withChecks } from './checkInvoice';
import { emittedInvoiceOperations, emittedInvoiceResource } from './emittedInvoice';
import { paymentRequestOperations, paymentRequestResource } from './paymentRequest';
import { receivedInvoiceOperations, receivedInvoiceResource } from './receivedInvoice';
import { invoiceToValidateOperations, invoiceToValidateResource } from './invoiceToValidate';
import { facturesEvidence } from './evidence';

export const facturesResources: Resource[] = [
	emittedInvoiceResource,
	receivedInvoiceResource,
	invoiceToValidateResource,
	paymentRequestResource,
];

export const facturesOperations: Operation[] = withEvidence([
	...withChecks(emittedInvoiceOperations),
	checkBeforeSubmittingOperation,
	...receivedInvoiceOperations,
	...invoiceToValidateOperations,
	...paymentRequestOperations,
], facturesEvidence);
