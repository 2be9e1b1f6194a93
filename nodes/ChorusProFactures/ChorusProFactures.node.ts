import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { chorusProLoadOptions } from '../shared/loadOptions';
import { facturesListSearch } from '../shared/pickLists';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { facturesOperations, facturesResources } from './operations';

export class ChorusProFactures implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro Factures',
		name: 'chorusProFactures',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		// 1.1: "Check First" is on by default for new nodes (saved version-1 nodes keep submitting directly).
		version: [1, 1.1],
		subtitle: operationSubtitle(facturesOperations),
		description: 'Send, receive, validate and follow invoices on Chorus Pro (French public sector e-invoicing)',
		defaults: { name: 'Chorus Pro Factures' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(facturesResources, facturesOperations),
	};

	methods = { loadOptions: chorusProLoadOptions, listSearch: facturesListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, facturesOperations);
	}
}
