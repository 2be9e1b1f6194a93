import type { INodeType } from 'n8n-workflow';

import { ChorusProAnnuaire } from '../../nodes/ChorusProAnnuaire/ChorusProAnnuaire.node';
import { ChorusProEReporting } from '../../nodes/ChorusProEReporting/ChorusProEReporting.node';
import { ChorusProESignature } from '../../nodes/ChorusProESignature/ChorusProESignature.node';
import { ChorusProEngagements } from '../../nodes/ChorusProEngagements/ChorusProEngagements.node';
import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { ChorusProFacturesTrigger } from '../../nodes/ChorusProFacturesTrigger/ChorusProFacturesTrigger.node';
import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import { ChorusProTravaux } from '../../nodes/ChorusProTravaux/ChorusProTravaux.node';
import { ChorusProTrigger } from '../../nodes/ChorusProTrigger/ChorusProTrigger.node';

/** Every node of the package, by class name: the tests over generated descriptions run on all of them. */
export const PACKAGE_NODES: Array<[string, INodeType]> = [
	['ChorusProFactures', new ChorusProFactures()],
	['ChorusProTravaux', new ChorusProTravaux()],
	['ChorusProTransverse', new ChorusProTransverse()],
	['ChorusProEngagements', new ChorusProEngagements()],
	['ChorusProAnnuaire', new ChorusProAnnuaire()],
	['ChorusProEReporting', new ChorusProEReporting()],
	['ChorusProESignature', new ChorusProESignature()],
	['ChorusProTrigger', new ChorusProTrigger()],
	['ChorusProFacturesTrigger', new ChorusProFacturesTrigger()],
];
