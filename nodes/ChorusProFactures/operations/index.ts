import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { checkBeforeSubmittingOperation, withChecks } from './checkInvoice';
import { emittedInvoiceOperations } from './emitted';
import { paymentRequestOperations } from './paymentRequests';
import { receivedInvoiceOperations } from './received';
import { invoiceToValidateOperations } from './toValidate';
import { facturesEvidence } from './evidence';

export const facturesResources: Resource[] = [
	{ name: 'Emitted Invoice', value: 'emittedInvoice', description: 'Invoices you send as a supplier (fournisseur)' },
	{ name: 'Received Invoice', value: 'receivedInvoice', description: 'Invoices your public structure receives (récipiendaire)' },
	{ name: 'Invoice to Validate', value: 'invoiceToValidate', description: 'Invoices waiting for your validation (valideur)' },
	{ name: 'Payment Request', value: 'paymentRequest', description: 'All payment requests, live and archived (demandes de paiement)' },
];

export const facturesOperations: Operation[] = withEvidence([
	...withChecks(emittedInvoiceOperations),
	checkBeforeSubmittingOperation,
	...receivedInvoiceOperations,
	...invoiceToValidateOperations,
	...paymentRequestOperations,
], facturesEvidence);
