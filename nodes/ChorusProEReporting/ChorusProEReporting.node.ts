import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { eReportingOperations, eReportingResources } from './operations';

export class ChorusProEReporting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro E-Reporting',
		name: 'chorusProEReporting',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(eReportingOperations),
		description:
			'Deposit G2B invoice and e-reporting flux (tar.gz) on Chorus Pro, follow their status, and search issued G2B invoices',
		defaults: { name: 'Chorus Pro E-Reporting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(eReportingResources, eReportingOperations),
	};


	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, eReportingOperations);
	}
}
