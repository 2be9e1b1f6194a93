import type { INodeTypeDescription } from 'n8n-workflow';

import { ChorusProTrigger } from '../ChorusProTrigger/ChorusProTrigger.node';

/**
 * The Chorus Pro Trigger as the node panel lists it: n8n's node panel pairs a trigger with the action node whose
 * type name is the trigger's minus "Trigger" (as nodes-base pairs `gmailTrigger` with `gmail`), so this name
 * puts the trigger's events beside the Chorus Pro Factures actions. Same parameters and polling as
 * `chorusProTrigger`, which stays, hidden, for the workflows saved with it.
 */
export class ChorusProFacturesTrigger extends ChorusProTrigger {
	description: INodeTypeDescription = {
		...new ChorusProTrigger().description,
		name: 'chorusProFacturesTrigger',
		hidden: undefined,
	};
}
