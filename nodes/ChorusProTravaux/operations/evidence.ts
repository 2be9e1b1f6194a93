import { CLIENTS, aifeExample, annexPath, type EvidenceTable } from '../../shared/evidence';

/** Where each Factures Travaux operation's request shape comes from (no Swagger exists for this API). */
export const travauxEvidence: EvidenceTable = {
	'worksInvoice:search': aifeExample('search-works-invoice', `also called by ${CLIENTS.pastell}`),
	'worksInvoice:get': annexPath('Body idFactureTravaux, by analogy with the other works-invoice examples'),
	'worksInvoice:getBillingFile': annexPath('Body keys are ours, by analogy with the other works-invoice examples'),
	'worksInvoice:submit': annexPath(
		'Body modelled on Factures soumettre and the works-invoice fields of the AIFE examples',
	),
	'worksInvoiceToProcess:requestRecycling': aifeExample('request-recycling-previous-document'),
	'worksInvoiceToProcess:takeIntoAccount': annexPath(
		'Body modelled on the suspend example (idFactureTravaux + comment)',
	),
	'worksInvoiceToProcess:refuse': annexPath(
		'Body modelled on the suspend example; refusal codes from retrieve-refusal-reasons-work-invoice',
	),
	'worksInvoiceToProcess:suspendOrAskCompletion': aifeExample('suspend-or-request-for-completing-work-invoice'),
	'worksInvoiceToProcess:getRefusalReasons': aifeExample('retrieve-refusal-reasons-work-invoice'),
	'worksInvoiceInError:complete': annexPath('Body modelled on Factures completerFacture'),
	'worksInvoiceInError:completeMoe': annexPath(
		'Body keys idStructureMoe/idServiceMoe follow the search-works-invoice example',
	),
	'worksInvoiceInError:completeMoeService': annexPath('Body keys follow the search-works-invoice example'),
	'worksInvoiceInError:correctValidator': annexPath('Body modelled on Factures corrigerValideurFacture'),
	'worksInvoiceInError:recycle': aifeExample('recycle-works-invoice'),
};
