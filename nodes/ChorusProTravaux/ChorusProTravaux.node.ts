import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { getCurrencies } from '../shared/loadOptions';
import { travauxListSearch } from '../shared/pickLists';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { travauxOperations, travauxResources } from './operations';

export class ChorusProTravaux implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro Factures Travaux',
		name: 'chorusProTravaux',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(travauxOperations),
		description: 'Submit, process and correct works invoices (factures de travaux) on Chorus Pro',
		defaults: { name: 'Chorus Pro Factures Travaux' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(travauxResources, travauxOperations),
	};

	methods = { loadOptions: { getCurrencies }, listSearch: travauxListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, travauxOperations);
	}
}
