import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { eSignatureOperations, eSignatureResources } from './operations';

export class ChorusProESignature implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro E-Signature',
		name: 'chorusProESignature',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(eSignatureOperations),
		description: 'Verify electronic signatures and certificates, and seal or sign documents with the AIFE e-signature API',
		defaults: { name: 'Chorus Pro E-Signature' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(eSignatureResources, eSignatureOperations),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, eSignatureOperations);
	}
}
