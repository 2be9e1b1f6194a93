import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { worksInvoiceInErrorOperations, worksInvoiceInErrorResource } from './worksInvoiceInError';
import { worksInvoiceToProcessOperations, worksInvoiceToProcessResource } from './worksInvoiceToProcess';
import { worksInvoiceOperations, worksInvoiceResource } from './worksInvoice';
import { travauxEvidence } from './evidence';

/** Resources follow the three groups of table 4.1 for the Factures Travaux API. */
export const travauxResources: Resource[] = [
	worksInvoiceResource,
	worksInvoiceToProcessResource,
	worksInvoiceInErrorResource,
];

/** Every operation of the node: the coverage test lists them. */
export const travauxOperations: Operation[] = withEvidence([
	...worksInvoiceOperations,
	...worksInvoiceToProcessOperations,
	...worksInvoiceInErrorOperations,
], travauxEvidence);
