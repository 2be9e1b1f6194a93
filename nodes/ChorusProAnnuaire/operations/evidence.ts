import { CLIENTS, annexPath, swagger, testedClient, type EvidenceTable } from '../../shared/evidence';

const PPF = 'The paths are those of the PPF annuaire; the G2B prefix is ours and can be set in the credential';
const ORGS = `Path and answer shape from ${CLIENTS.pisteGouvFr}`;

/** Where each Annuaire operation's request shape comes from (docs/evidence.md). */
export const annuaireEvidence: EvidenceTable = {
	'company:get': swagger('ppfAnnuaire', 'GET /siren/code-insee:{siren}', PPF),
	'company:search': swagger('ppfAnnuaire', 'POST /siren/recherche', PPF),
	'establishment:get': swagger('ppfAnnuaire', 'GET /siret/code-insee:{siret}', PPF),
	'establishment:search': swagger('ppfAnnuaire', 'POST /siret/recherche', PPF),
	'routingCode:get': swagger('ppfAnnuaire', 'GET /code-routage/siret:{siret}/code:{identifiant-routage}', PPF),
	'routingCode:search': swagger('ppfAnnuaire', 'POST /code-routage/recherche', PPF),
	'health:checkDirectory': swagger('ppfAnnuaire', 'getHealth', PPF),
	'organisationSiren:get': annexPath('Answer fields modelled on the structure answer seen by turbo124/piste-gouv-fr'),
	'organisationSiren:getStructures': annexPath('Answer modelled on the structures search of turbo124/piste-gouv-fr'),
	'organisationSiren:getAttachments': annexPath(
		'Answer modelled on the structure attachments of turbo124/piste-gouv-fr',
	),
	'organisationSiren:downloadAttachment': annexPath(
		'Answer modelled on the structure attachment of turbo124/piste-gouv-fr',
	),
	'organisationSiren:getBankDetails': annexPath('Answer keys are ours'),
	'organisationSiren:downloadBankDetailsAttachment': annexPath('Answer keys are ours'),
	'organisationSiren:search': annexPath(`Search syntax of the structures search in ${CLIENTS.pisteGouvFr}`),
	'organisationStructure:get': testedClient(
		CLIENTS.pisteGouvFr,
		'The sandbox test asserts every field of one structure',
	),
	'organisationStructure:getServices': testedClient(
		CLIENTS.pisteGouvFr,
		'The sandbox test counts the services (values) and sees 400 ParamsInvalidUuidStructures for a bad id',
	),
	'organisationStructure:getAttachments': testedClient(
		CLIENTS.pisteGouvFr,
		'A structure without attachments answers 400 NotFoundReference',
	),
	'organisationStructure:downloadAttachment': annexPath(`Path from ${CLIENTS.pisteGouvFr} (its test is a TODO)`),
	'organisationStructure:getBankDetails': annexPath('Answer keys are ours'),
	'organisationStructure:downloadBankDetailsAttachment': annexPath('Answer keys are ours'),
	'organisationStructure:updateEdiSettings': testedClient(
		CLIENTS.pisteGouvFr,
		'Body reception_edi / connexion_edi; the sandbox answered 403 to the test account',
	),
	'organisationStructure:search': testedClient(CLIENTS.pisteGouvFr, ORGS),
	'organisationService:create': annexPath('Body keys are ours (the client leaves creerService unimplemented)'),
	'organisationService:search': annexPath(
		`Path and search syntax from ${CLIENTS.pisteGouvFr} (not covered by its tests)`,
	),
	'organisationService:get': testedClient(
		CLIENTS.pisteGouvFr,
		'An unknown service answers 400 NotFoundReference "Aucun Services trouvé"',
	),
	'health:checkOrganisations': testedClient(CLIENTS.pisteGouvFr, 'The sandbox answers 200 with an empty body'),
};
