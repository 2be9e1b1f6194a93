import { CLIENTS, aifeExample, swagger, type EvidenceTable } from '../../shared/evidence';

/** Where each Factures operation's request shape comes from (docs/evidence.md). */
export const facturesEvidence: EvidenceTable = {
	'emittedInvoice:submitPdf': swagger(
		'factures',
		'deposerPdfFacture then soumettreFacture',
		`pieceJointePrincipale sent as an array, as ${CLIENTS.pastell} does`,
	),
	'emittedInvoice:submit': swagger(
		'factures',
		'soumettreFacture',
		'Swagger declares pieceJointePrincipale as one object; production clients send an array (we send the array)',
	),
	'emittedInvoice:depositFlux': swagger('factures', 'deposerFluxFacture'),
	'emittedInvoice:search': swagger('factures', 'rechercherFactureParFournisseur'),
	'emittedInvoice:get': swagger('factures', 'consulterFactureParFournisseur'),
	'emittedInvoice:complete': swagger('factures', 'completerFacture'),
	'emittedInvoice:correctValidator': swagger('factures', 'corrigerValideurFacture'),
	'emittedInvoice:acknowledgeRejections': swagger('factures', 'traiterFacturesRejetees'),
	'emittedInvoice:getFluxReport': aifeExample(
		'show-detailed-report',
		`Transverses API; also called by ${CLIENTS.pastell}`,
	),
	'emittedInvoice:download': swagger(
		'factures',
		'telechargerGroupeFacture',
		'format values PDF/PIVOT follow the AIFE example download-invoice-group',
	),
	'emittedInvoice:getHistory': swagger('factures', 'consulterHistoriqueFacture'),
	'receivedInvoice:search': swagger('factures', 'rechercherFactureRecipiendaire'),
	'receivedInvoice:get': swagger('factures', 'consulterFactureParRecipiendaire'),
	'receivedInvoice:setStatus': swagger(
		'factures',
		'traiterUneFactureRecue',
		'camelCase numeroDPMandat as in the Swagger and Pastell; an old AIFE page capitalises the keys',
	),
	'receivedInvoice:download': swagger('factures', 'telechargerGroupeFacture'),
	'receivedInvoice:getHistory': swagger('factures', 'consulterHistoriqueFacture'),
	'invoiceToValidate:search': swagger('factures', 'rechercherFactureParValideur'),
	'invoiceToValidate:get': swagger('factures', 'consulterFactureParValideur'),
	'invoiceToValidate:process': swagger('factures', 'traiterFactureAValider'),
	'invoiceToValidate:getVisibleStatuses': swagger('factures', 'recupererStatutsFactureVisiblesParValideur'),
	'invoiceToValidate:download': swagger('factures', 'telechargerGroupeFacture'),
	'invoiceToValidate:getHistory': swagger('factures', 'consulterHistoriqueFacture'),
	'paymentRequest:search': swagger('factures', 'rechercherDemandePaiement'),
};
