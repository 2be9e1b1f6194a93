import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerListSearch } from '../shared/pickLists';
import { pollChorusPro } from './poll';
import { eventSubtitle, triggerProperties } from './properties';

/**
 * The trigger as first published (`chorusProTrigger`), kept so saved workflows still run, but hidden from the
 * node panel: n8n groups a trigger with the action node whose type name is its own minus "Trigger", so the
 * panel shows `chorusProFacturesTrigger` (nodes/ChorusProFacturesTrigger) with the Factures actions instead.
 */
export class ChorusProTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro Trigger',
		name: 'chorusProTrigger',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle,
		description:
			'Starts a workflow on new received invoices, invoice status changes and final flux reports in Chorus Pro',
		defaults: { name: 'Chorus Pro Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: triggerProperties,
		hidden: true,
	};

	methods = { listSearch: triggerListSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChorusPro.call(this);
	}
}
