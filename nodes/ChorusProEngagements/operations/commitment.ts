import { NodeOperationError } from 'n8n-workflow';

import { LIMITS } from '../../shared/limits';
import type { Operation } from '../../shared/operation';
import { COMMITMENT_STATES, COMMITMENT_TYPES, commitmentContent, commitmentId, commitmentNumber } from './fields';

/**
 * Commitments (engagements juridiques), API "Engagements" of 16/07/2025 (table 4.1; reference §8). The paths
 * are the table's; methods follow REST habits where the table gives only the path: GET for the reads that name
 * one resource (/engagement/{id}, its histories, the existence check), POST to create, PUT to modify (same
 * path as create), POST for the status operations (an action on the commitment, not a replacement of it),
 * and POST with a JSON body for /engagement/recherche, the Chorus habit for searches (§1.2).
 */
const resource = 'commitment';

const CHECK_CREATE =
	'check whether the number exists (Commitment → Check Exists) before creating it again.';
const CHECK_CHANGE = 'get the commitment (Commitment → Get) and compare it with what you sent before running this item again.';

export const commitmentOperations: Operation[] = [
	{
		resource,
		operation: 'checkExists',
		name: 'Check Exists',
		action: 'Check whether a commitment number exists',
		description: 'Whether a commitment (purchase order) number is known to Chorus Pro (engagement/referentiel/{numero}/existence)',
		api: 'engagementsJuridiques',
		method: 'GET',
		path: '/engagement/referentiel/{numero}/existence',
		mutates: false,
		fields: [commitmentNumber({ name: 'numero', key: 'numero', in: 'path', required: true })],
	},
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search commitments',
		description: 'Commitments by number, supplier, issuing structure, type or state (engagement/recherche)',
		api: 'engagementsJuridiques',
		method: 'POST',
		path: '/engagement/recherche',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresRecherche',
			response: 'parametresRetour',
			list: 'listeEngagementJuridique',
			maxPageSize: LIMITS.maxPageSize,
			// The only sort column the reference has seen for commitments (§2.2).
			sortColumns: ['DateCreationEJ'],
		},
		fields: [
			commitmentNumber({ top: true }),
			{
				name: 'structureReceptriceEngagementJuridique',
				label: 'Supplier Identifier',
				type: 'string',
				description: 'Identifier (SIRET…) of the supplier (structureReceptriceEngagementJuridique)',
			},
			{ name: 'idStructureEmettrice', label: 'Issuing Structure ID', type: 'integer', description: 'idStructureEmettrice' },
			{ name: 'libelleTypeEngagementJuridique', label: 'Commitment Type', type: 'options', options: COMMITMENT_TYPES },
			{
				name: 'etatCourantEngagementJuridique',
				label: 'State',
				type: 'options',
				options: COMMITMENT_STATES,
				description: 'etatCourantEngagementJuridique',
			},
		],
	},
	{
		resource,
		operation: 'create',
		name: 'Create',
		action: 'Create a commitment',
		description: 'Record a commitment (purchase order, contract) as a draft (POST engagement)',
		api: 'engagementsJuridiques',
		method: 'POST',
		path: '/engagement',
		mutates: true,
		howToCheck: CHECK_CREATE,
		fields: [commitmentNumber({ required: true }), ...commitmentContent(true)],
	},
	{
		resource,
		operation: 'update',
		name: 'Update',
		action: 'Update a commitment',
		description: 'Change the content of a commitment that is not closed or cancelled (PUT engagement)',
		api: 'engagementsJuridiques',
		method: 'PUT',
		path: '/engagement',
		mutates: true,
		howToCheck: CHECK_CHANGE,
		fields: [{ ...commitmentId, name: 'idEngagementJuridique', in: 'body' }, ...commitmentContent(false)],
		hooks: {
			prepare: (ctx, request) => {
				if (Object.keys(request.body).length < 2) {
					throw new NodeOperationError(
						ctx.fn.getNode(),
						`Nothing to update: add at least one field to change (item ${ctx.itemIndex + 1})`,
						{ itemIndex: ctx.itemIndex, description: 'Nothing was sent to Chorus Pro.' },
					);
				}
			},
		},
	},
	{
		resource,
		operation: 'changeStatus',
		name: 'Change Status',
		action: 'Change the status of a commitment',
		description: 'Validate, close, reopen or cancel a commitment (engagement/{id}/statuts/{operation})',
		api: 'engagementsJuridiques',
		method: 'POST',
		path: '/engagement/{id}/statuts/{operation}',
		mutates: true,
		howToCheck: 'get the status history (Commitment → Get Status History) and see whether the change is there.',
		fields: [
			commitmentId,
			{
				name: 'statusOperation',
				key: 'operation',
				label: 'Operation',
				type: 'options',
				required: true,
				in: 'path',
				options: [
					{ name: 'Validate (Draft → Ordered)', value: 'valider' },
					{ name: 'Close (Ordered → Closed)', value: 'cloturer' },
					{ name: 'Reopen (Closed → Ordered)', value: 'rouvrir' },
					{ name: 'Cancel (Draft or Ordered → Cancelled)', value: 'annuler' },
				],
				default: 'valider',
				description: 'What to do with the commitment',
			},
			{ name: 'commentaire', label: 'Comment', type: 'string', description: 'Why (commentaire)' },
		],
	},
	{
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a commitment',
		description: 'Full detail of one commitment (GET engagement/{id})',
		api: 'engagementsJuridiques',
		method: 'GET',
		path: '/engagement/{id}',
		mutates: false,
		fields: [commitmentId],
	},
	{
		resource,
		operation: 'getStatusHistory',
		name: 'Get Status History',
		action: 'Get the status history of a commitment',
		description: 'Every state the commitment went through, one item per change (engagement/{id}/statuts)',
		api: 'engagementsJuridiques',
		method: 'GET',
		path: '/engagement/{id}/statuts',
		mutates: false,
		splitList: 'historiqueStatuts',
		fields: [commitmentId],
	},
	{
		resource,
		operation: 'getActionHistory',
		name: 'Get Action History',
		action: 'Get the action history of a commitment',
		description: 'Who did what on the commitment, one item per action (engagement/{id}/actions)',
		api: 'engagementsJuridiques',
		method: 'GET',
		path: '/engagement/{id}/actions',
		mutates: false,
		splitList: 'historiqueActions',
		fields: [commitmentId],
	},
];
