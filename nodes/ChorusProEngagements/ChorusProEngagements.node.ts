import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { engagementsListSearch } from '../shared/pickLists';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { engagementsOperations, engagementsResources } from './operations';

export class ChorusProEngagements implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro Engagements',
		name: 'chorusProEngagements',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(engagementsOperations),
		description: 'Create, follow and check commitments (engagements juridiques) and their files on Chorus Pro',
		defaults: { name: 'Chorus Pro Engagements' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(engagementsResources, engagementsOperations),
	};

	methods = { listSearch: engagementsListSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, engagementsOperations);
	}
}
