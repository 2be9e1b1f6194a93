import {
	CLIENTS,
	aifeExample,
	annexPath,
	swagger,
	testedClient,
	unpublished,
	type EvidenceTable,
} from '../../shared/evidence';

const GO = `Body keys from ${CLIENTS.goChoruspro}`;

/** Where each Transverse operation's request shape comes from (no Swagger exists for Transverses/Utilisateurs). */
export const transverseEvidence: EvidenceTable = {
	'attachment:addFile': annexPath(
		`${GO} and thierryjmartin/facturation_electronique:facture_electronique/api/chorus_pro.py`,
	),
	'attachment:searchMyAccount': annexPath(GO),
	'attachment:searchStructure': aifeExample('rechercher-piece-jointe-structure/'),
	'attachment:download': annexPath(GO),
	'fluxReport:getFluxReport': aifeExample(
		'show-detailed-report',
		`also called by ${CLIENTS.pastell} and OCA/l10n-france:l10n_fr_chorus_account/models/chorus_flow.py`,
	),
	// dateDepot: go-choruspro transverses_flux.go types it time.Time, which Go's JSON writes as RFC 3339 with the
	// offset (our notes, docs/api-notes.md §5.5, record PHP Y-m-d\TH:i:sP for PGF): we send Paris time with its offset.
	'fluxReport:getDepositReport': annexPath(
		`${GO} and cnfilms/chorus-api:chorusapi/models; dateDepot with its offset (2026-08-15T00:30:00+02:00), as go-choruspro sends it`,
	),
	'health:check': testedClient(
		CLIENTS.pisteGouvFrTransverses,
		'The sandbox test asserts the answer statusCodeValue 200, statusCode OK and its body text',
	),
	'myAccount:getStructureLinks': annexPath(`${GO}:utilisateurs_rattachements.go`),
	'recipient:search': annexPath(GO),
	'recipientDirectory:download': annexPath(`${GO} and cnfilms/chorus-api`),
	'referential:getBillingFrameworks': aifeExample('?lang=en&p=22372', 'Page "Retrieve invoicing framework"'),
	'referential:getCurrencies': annexPath(GO),
	'referential:getFluxSyntaxes': unpublished(
		`Path in ${'table 4.1'}; body from ${CLIENTS.goChoruspro}`,
		'The list key listeSyntaxeFlux appears in no public source',
	),
	'referential:getDepositModes': annexPath(GO),
	'referential:getPaymentModes': aifeExample('retrieve-payment-mode'),
	'referential:getVatExemptionReasons': annexPath(GO),
	'referential:getCountries': annexPath(GO),
	'referential:getFluxFormats': annexPath(GO),
	'referential:getVatRates': testedClient(CLIENTS.pastell, 'Pastell calls it with {} as its connection test'),
	'referential:getPaymentRequestTypes': aifeExample('retrieve-payment-request-type'),
	'referential:getWorksInvoiceTypes': annexPath(GO),
	'referential:getStructureIdentifierTypes': aifeExample('retrieve-structure-identifier-type'),
	'referential:getAttachmentTypes': aifeExample('retrieve-attachment-type'),
	'referential:getStructureTypes': unpublished(
		`Path in table 4.1; body from ${CLIENTS.goChoruspro}`,
		'The list key listeTypeStructure appears in no public source',
	),
	'referential:getValidBankAccounts': annexPath(`Body idStructure as in ${CLIENTS.pisteGouvFrTransverses}`),
	'referential:searchRequestCategories': annexPath(GO),
	'referential:searchRequestSubcategories': annexPath(GO),
	'referential:getInvoiceToValidateRefusalReasons': annexPath(GO),
	'referential:getStatesByPaymentRequestType': aifeExample('retrieve-state-by-payment-request-type'),
	'referential:getPossibleStatuses': aifeExample('recuperer-etats-possibles-pour-traitement/'),
	'structure:search': swagger('structures', 'rechercherStructure', `also called by ${CLIENTS.pastell}`),
	'structure:get': swagger('structures', 'consulterStructureAvecTVAIntraCom'),
	'structure:searchServices': swagger('structures', 'rechercherServicesStructure', `also called by ${CLIENTS.pastell}`),
	'structure:getService': swagger('structures', 'consulterServiceStructure'),
	'structure:listUserLinks': swagger('structures', 'listerRattachementsStructureUtilisateur'),
	'structure:getActiveForRecipient': testedClient(CLIENTS.pastell),
	'structure:getActiveForWorksInvoices': annexPath(GO),
	'structure:getActiveForSupplier': annexPath(`Body {} as in ${CLIENTS.pisteGouvFrTransverses}`),
	'structure:getSiretInformation': annexPath('Body keys from cnfilms/chorus-api:chorusapi/models'),
};
