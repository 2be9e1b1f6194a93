import { buildEReportingFileName } from '../../shared/archive';
import { siren } from '../../shared/fields';
import type { Evidence, Operation, Resource } from '../../shared/operation';
import { ppfSearch } from '../../shared/ppfSearch';

/**
 * E-reporting transmissions. The annex (§3.2.4) describes a read-only API giving the status of a public
 * entity's e-reporting transmissions and the lifecycles the PPF sent back, but table 4.1 lists no resource yet
 * ("A venir"). Chosen paths, following the other G2B APIs: POST /transmissions/recherche and
 * GET /transmissions/{idTransmission} under the `eReporting` prefix, which the credential can override.
 * E-reporting flux themselves are deposited through the Flux API (files named by the rule below).
 */

const api = 'eReporting' as const;

export const TRANSMISSION_STATUSES = [
	{ name: '300 Deposited (Déposée)', value: '300' },
	{ name: '301 Rejected (Rejetée)', value: '301' },
];

export const TRANSMISSION_FIELDS = [
	'idTransmission', 'siren', 'nomFichier', 'dateDebutPeriode', 'dateFinPeriode', 'idFlux', 'dateDepot', 'statut',
	'motifs', 'cyclesDeVie',
] as const;

/** Table 4.1 announces the API with no resource ("A venir"): every request shape of this resource is ours. */
const UNPUBLISHED: Evidence = {
	level: 'unpublished',
	source: 'AIFE annex v6.1 §3.2.4 (purpose only) and table 4.1 ("E-reporting: A venir", no resource); paths and bodies follow the other G2B APIs',
	note: 'The /transmissions paths, the search criteria and the answer keys are our reading; set the e-reporting base path in the credential if PISTE shows another one.',
};

export const transmissionOperations: Operation[] = [
	{
		resource: 'transmission',
		operation: 'search',
		name: 'Search',
		action: 'Search e-reporting transmissions',
		description: 'Status and rejection reasons of your e-reporting transmissions (POST /transmissions/recherche)',
		api,
		path: '/transmissions/recherche',
		evidence: UNPUBLISHED,
		...ppfSearch({
			filters: [
				{ name: 'idTransmission', label: 'Transmission ID', type: 'string', op: 'contient', description: 'idTransmission (TT-1)' },
				{ ...siren({ description: 'Declaring entity' }), op: 'strict' },
				{ name: 'statut', label: 'Status', type: 'options', options: TRANSMISSION_STATUSES, op: 'strict', description: 'statut' },
				{ name: 'idFlux', label: 'Flux ID', type: 'string', op: 'strict', description: 'The flux that carried it (idFlux)' },
			],
			champs: TRANSMISSION_FIELDS,
		}),
	},
	{
		resource: 'transmission',
		operation: 'get',
		name: 'Get',
		action: 'Get an e-reporting transmission',
		description: 'Status, rejection reasons and PPF lifecycle of one transmission (GET /transmissions/{idTransmission})',
		api,
		method: 'GET',
		path: '/transmissions/{idTransmission}',
		mutates: false,
		fields: [{ name: 'idTransmission', label: 'Transmission ID', type: 'string', in: 'path', required: true, description: 'idTransmission (TT-1)' }],
		evidence: UNPUBLISHED,
	},
	{
		kind: 'local',
		resource: 'transmission',
		operation: 'buildFileName',
		name: 'Build File Name',
		action: 'Build an e-reporting file name',
		description: 'The name an e-reporting file must carry: {SIREN}_{IDtransmission}_{AAAAMMJJ}_{AAAAMMJJ}, checked part by part (no request)',
		api,
		mutates: false,
		fields: [
			siren({ required: true, description: 'SIREN of the declaring entity' }),
			{ name: 'idTransmission', label: 'Transmission ID', type: 'string', required: true, description: 'TT-1: letters, digits, spaces and - + _ (no leading, trailing or doubled spaces)' },
			{ name: 'dateDebutPeriode', label: 'Period Start', type: 'date', required: true },
			{ name: 'dateFinPeriode', label: 'Period End', type: 'date', required: true },
		],
		makes: 'E-reporting file name',
		compute: (params) => {
			const fileName = buildEReportingFileName({
				siren: String(params.siren),
				transmissionId: String(params.idTransmission),
				periodStart: String(params.dateDebutPeriode),
				periodEnd: String(params.dateFinPeriode),
			});
			return { fileName, fileNameXml: `${fileName}.xml` };
		},
	},
];

export const transmissionResource: Resource = { name: 'E-Reporting Transmission', value: 'transmission', description: 'E-reporting transmissions and their statuses' };
