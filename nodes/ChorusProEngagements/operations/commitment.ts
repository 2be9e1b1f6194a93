import { NodeOperationError } from 'n8n-workflow';

import { comment } from '../../shared/fields';
import type { Operation, Resource } from '../../shared/operation';
import { annexPath, commitmentContent, commitmentId, COMMITMENT_NUMBER, SEARCH_PAGINATION, searchFilters, SOURCES } from './commitmentModel';

/**
 * Commitments (engagements juridiques). Two APIs:
 * - the "Engagements" API of 16/07/2025 (api `engagements`): the paths are table 4.1's; its prefix, methods and
 *   bodies are not published. Methods follow REST habits where the table gives only the path: GET for the reads
 *   that name one resource, POST to create, PUT to modify (same path as create), POST for the status operations
 *   and for /engagement/recherche (the Chorus habit for searches, whose filters are the legacy search's);
 * - the legacy services (api `engagementsJuridiques`): `rechercher`, the one commitment search seen working in
 *   production (OCA), and `consulterDetail`, the lookup by number; both bodies are AIFE's examples.
 */
const resource = 'commitment';

const CHECK_CREATE =
	'check whether the number exists (Commitment → Check Exists) before creating it again.';
const CHECK_CHANGE = 'get the commitment (Commitment → Get) and compare it with what you sent before running this item again.';

const REST_GUESS = 'Prefix, method and answer are not published (our reading; the prefix can be changed in the credential).';

export const commitmentOperations: Operation[] = [
	{
		resource,
		operation: 'checkExists',
		name: 'Check Exists',
		action: 'Check whether a commitment number exists',
		description: 'Whether a commitment (purchase order) number is known to Chorus Pro (engagement/referentiel/{numero}/existence)',
		api: 'engagements',
		method: 'GET',
		path: '/engagement/referentiel/{numero}/existence',
		mutates: false,
		fields: [{ ...COMMITMENT_NUMBER, name: 'numero', key: 'numero', in: 'path', required: true }],
		evidence: annexPath(`${REST_GUESS} GET with the number in the path; the answer { numeroEngagementJuridique, existe } is ours.`),
	},
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search commitments',
		description: 'Commitments by number, type, contract, supplier, state, notification date or amount (engagement/recherche)',
		api: 'engagements',
		method: 'POST',
		path: '/engagement/recherche',
		mutates: false,
		pagination: SEARCH_PAGINATION,
		fields: searchFilters(),
		evidence: annexPath(
			`${REST_GUESS} The filters and the answer are those of AIFE's example of the legacy search (${SOURCES.searchExample}).`,
		),
	},
	{
		resource,
		operation: 'searchLegacy',
		name: 'Search (Legacy API)',
		action: 'Search commitments with the legacy service',
		description: 'The legacy commitment search (engagementsJuridiques/v1/rechercher), the one seen working in production',
		api: 'engagementsJuridiques',
		method: 'POST',
		path: '/rechercher',
		mutates: false,
		pagination: SEARCH_PAGINATION,
		fields: searchFilters(),
		evidence: {
			level: 'aifeExample',
			source: `${SOURCES.searchExample} (body and answer); ${SOURCES.oca} (POST /cpro/engagementsJuridiques/v1/rechercher in production)`,
			note: 'The example predates PISTE (URL /service/engagementsJuridiques/rechercher); OCA calls the PISTE path with three of its filters.',
		},
	},
	{
		resource,
		operation: 'getByNumberLegacy',
		name: 'Get by Number (Legacy API)',
		action: 'Get a commitment by its number with the legacy service',
		description:
			'Detail of a commitment and the invoices (payment requests) against it, by commitment number (engagementsJuridiques/v1/consulterDetail)',
		api: 'engagementsJuridiques',
		method: 'POST',
		path: '/consulterDetail',
		mutates: false,
		fields: [{ ...COMMITMENT_NUMBER, required: true }],
		evidence: {
			level: 'aifeExample',
			source: SOURCES.detailExample,
			note: 'The example predates PISTE (URL /service/engagementsJuridiques/consulterDetail); the PISTE path follows /cpro/<api>/v1 like rechercher.',
		},
	},
	{
		resource,
		operation: 'create',
		name: 'Create',
		action: 'Create a commitment',
		description: 'Record a commitment (purchase order, contract) as a draft (POST engagement)',
		api: 'engagements',
		method: 'POST',
		path: '/engagement',
		mutates: true,
		howToCheck: CHECK_CREATE,
		fields: [{ ...COMMITMENT_NUMBER, required: true }, ...commitmentContent(true)],
		evidence: annexPath(`${REST_GUESS} The body keeps the legacy services' names (numeroEngagementJuridique, libelleTypeEngagementJuridique, structureReceptriceEngagementJuridique); the other keys are ours.`),
	},
	{
		resource,
		operation: 'update',
		name: 'Update',
		action: 'Update a commitment',
		description: 'Change the content of a commitment that is not closed or cancelled (PUT engagement)',
		api: 'engagements',
		method: 'PUT',
		path: '/engagement',
		mutates: true,
		howToCheck: CHECK_CHANGE,
		fields: [{ ...commitmentId, name: 'idEngagementJuridique', in: 'body' }, ...commitmentContent(false)],
		hooks: {
			// Special: any one of the many optional fields will do; a message listing them all would not help.
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
		evidence: annexPath(`${REST_GUESS} PUT on the create path, with idEngagementJuridique in the body: ours.`),
	},
	{
		resource,
		operation: 'changeStatus',
		name: 'Change Status',
		action: 'Change the status of a commitment',
		description: 'Validate, close, reopen or cancel a commitment (engagement/{id}/statuts/{operation})',
		api: 'engagements',
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
			comment({ description: 'Why (commentaire)' }),
		],
		evidence: annexPath(`${REST_GUESS} The operation values (valider, cloturer, rouvrir, annuler) and the states other than COMMANDE are ours.`),
	},
	{
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a commitment',
		description: 'Full detail of one commitment (GET engagement/{id})',
		api: 'engagements',
		method: 'GET',
		path: '/engagement/{id}',
		mutates: false,
		fields: [commitmentId],
		evidence: annexPath(`${REST_GUESS} The answer keys follow the legacy services.`),
	},
	{
		resource,
		operation: 'getStatusHistory',
		name: 'Get Status History',
		action: 'Get the status history of a commitment',
		description: 'Every state the commitment went through, one item per change (engagement/{id}/statuts)',
		api: 'engagements',
		method: 'GET',
		path: '/engagement/{id}/statuts',
		mutates: false,
		splitList: 'historiqueStatuts',
		fields: [commitmentId],
		evidence: annexPath(`${REST_GUESS} The list key historiqueStatuts is ours.`),
	},
	{
		resource,
		operation: 'getActionHistory',
		name: 'Get Action History',
		action: 'Get the action history of a commitment',
		description: 'Who did what on the commitment, one item per action (engagement/{id}/actions)',
		api: 'engagements',
		method: 'GET',
		path: '/engagement/{id}/actions',
		mutates: false,
		splitList: 'historiqueActions',
		fields: [commitmentId],
		evidence: annexPath(`${REST_GUESS} The list key historiqueActions is ours.`),
	},
];

export const commitmentResource: Resource = { name: 'Engagement (Commitment)', value: resource, description: 'Commitments (engagements juridiques): purchase orders, contracts' };
