import { FLUX_SYNTAXES } from '../../shared/enums';
import { FLUX_REPORT } from '../../shared/fluxReport';
import type { Operation, Resource } from '../../shared/operation';

/** Reports of a deposited flux: its integration report and its deposit report as a PDF (docs/api-notes.md §5.6). */

export const fluxReportOperations: Operation[] = [
	{ ...FLUX_REPORT, resource: 'fluxReport' },
	{
		resource: 'fluxReport',
		operation: 'getDepositReport',
		name: 'Get Deposit Report',
		action: 'Get the deposit report of a flux as a PDF',
		description: 'State of a deposited flux and its deposit report as a PDF file (consulterCR)',
		api: 'transverses',
		method: 'POST',
		path: '/consulterCR',
		mutates: false,
		fields: [
			{ name: 'numeroFluxDepot', label: 'Flux Number', type: 'string', required: true, placeholder: 'CPP0011110000000000001557', description: 'numeroFluxDepot returned by the deposit' },
			{ name: 'syntaxeFlux', label: 'Flux Syntax', type: 'options', options: FLUX_SYNTAXES },
			// Sent with its Paris offset, as the public clients send it (evidence.ts).
			{ name: 'dateDepot', label: 'Deposit Date', type: 'dateTime', withOffset: true, description: 'dateDepot' },
		],
		binaryOut: {
			contentKey: 'fichierCR',
			fileName: (params) => `CR_${String(params.numeroFluxDepot)}.pdf`,
			mimeType: () => 'application/pdf',
		},
	},
];

export const fluxReportResource: Resource = { name: 'Flux Report', value: 'fluxReport', description: 'Follow a deposited flux (compte rendu)' };
