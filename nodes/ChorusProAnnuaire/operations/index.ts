import { withEvidence } from '../../shared/evidence';
import type { Operation, Resource } from '../../shared/operation';
import { companyOperations, companyResource } from './company';
import { establishmentOperations, establishmentResource } from './establishment';
import { healthOperations, healthResource } from './health';
import { organisationServiceOperations, organisationServiceResource } from './organisationService';
import { organisationSirenOperations, organisationSirenResource } from './organisationSiren';
import { organisationStructureOperations, organisationStructureResource } from './organisationStructure';
import { routingCodeOperations, routingCodeResource } from './routingCode';
import { annuaireEvidence } from './evidence';

export const annuaireResources: Resource[] = [
	companyResource,
	establishmentResource,
	routingCodeResource,
	organisationSirenResource,
	organisationStructureResource,
	organisationServiceResource,
	healthResource,
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
