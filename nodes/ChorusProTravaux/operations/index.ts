import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { worksInvoiceInErrorOperations } from './worksInvoiceInError';
import { worksInvoiceToProcessOperations } from './worksInvoiceToProcess';
import { worksInvoiceOperations } from './worksInvoice';
import { travauxEvidence } from './evidence';

/** Resources follow the three groups of table 4.1 for the Factures Travaux API. */
export const travauxResources: Resource[] = [
	{ name: 'Works Invoice', value: 'worksInvoice', description: 'Search, read and submit works invoices (factures de travaux)' },
	{
		name: 'Works Invoice to Process',
		value: 'worksInvoiceToProcess',
		description: 'Take into account, refuse or suspend a works invoice as project manager (MOE) or owner (MOA)',
	},
	{
		name: 'Works Invoice in Error',
		value: 'worksInvoiceInError',
		description: 'Complete, re-route or correct a works invoice you issued',
	},
];

/** Every operation of the node: the coverage test lists them. */
export const travauxOperations: Operation[] = withEvidence([
	...worksInvoiceOperations,
	...worksInvoiceToProcessOperations,
	...worksInvoiceInErrorOperations,
], travauxEvidence);
