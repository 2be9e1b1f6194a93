import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { companyOperations } from './company';
import { establishmentOperations } from './establishment';
import { healthOperations } from './health';
import { organisationServiceOperations } from './organisationService';
import { organisationSirenOperations } from './organisationSiren';
import { organisationStructureOperations } from './organisationStructure';
import { routingCodeOperations } from './routingCode';
import { annuaireEvidence } from './evidence';

export const annuaireResources: Resource[] = [
	{ name: 'Company (SIREN)', value: 'company', description: 'Legal units of the G2B directory (annuaire, unité légale)' },
	{ name: 'Establishment (SIRET)', value: 'establishment', description: 'Establishments of the G2B directory (annuaire, établissement)' },
	{ name: 'Routing Code', value: 'routingCode', description: 'Routing codes of the G2B directory (code routage)' },
	{ name: 'Organisation SIREN', value: 'organisationSiren', description: 'Legal units of the Référentiel des Organisations' },
	{ name: 'Organisation Structure', value: 'organisationStructure', description: 'Structures of the Référentiel des Organisations' },
	{ name: 'Organisation Service', value: 'organisationService', description: 'Services of the Référentiel des Organisations' },
	{ name: 'Health', value: 'health', description: 'Check that the APIs answer (healthcheck)' },
];

/** Every operation of the Annuaire node: the G2B directory and the Référentiel des Organisations. */
export const annuaireOperations: Operation[] = withEvidence(
	[
		[companyOperations, establishmentOperations, routingCodeOperations],
		[organisationSirenOperations, organisationStructureOperations, organisationServiceOperations],
		healthOperations,
	].flat(2),
	annuaireEvidence,
);
