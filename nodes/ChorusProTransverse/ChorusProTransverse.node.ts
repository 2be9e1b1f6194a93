import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { chorusProLoadOptions } from '../shared/loadOptions';
import { transverseListSearch } from '../shared/pickLists';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { transverseOperations, transverseResources } from './operations';

export class ChorusProTransverse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro Transverse',
		name: 'chorusProTransverse',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(transverseOperations),
		description: 'Chorus Pro reference data, attachments, structures, recipient directory and flux reports',
		defaults: { name: 'Chorus Pro Transverse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(transverseResources, transverseOperations),
	};

	methods = { loadOptions: chorusProLoadOptions, listSearch: transverseListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, transverseOperations);
	}
}
