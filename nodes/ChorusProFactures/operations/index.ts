import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { checkBeforeSubmittingOperation, withChecks } from './checkInvoice';
import { emittedInvoiceOperations } from './emittedInvoice';
import { paymentRequestOperations } from './paymentRequest';
import { receivedInvoiceOperations } from './receivedInvoice';
import { invoiceToValidateOperations } from './invoiceToValidate';
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
