import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '../shared/executor';
import { buildProperties, operationSubtitle } from '../shared/properties';
import { annuaireOperations, annuaireResources } from './operations';

export class ChorusProAnnuaire implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Chorus Pro Annuaire',
		name: 'chorusProAnnuaire',
		icon: { light: 'file:../../icons/chorus-pro.svg', dark: 'file:../../icons/chorus-pro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle(annuaireOperations),
		description:
			'Look up companies, establishments and routing codes in the G2B directory, and structures and services in the Chorus Pro Référentiel des Organisations',
		defaults: { name: 'Chorus Pro Annuaire' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chorusProApi', required: true }],
		properties: buildProperties(annuaireResources, annuaireOperations),
	};


	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, annuaireOperations);
	}
}
