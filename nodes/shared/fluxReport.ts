import type { IDataObject } from 'n8n-workflow';

import { FINAL_FLUX_STATES, FLUX_SYNTAXES } from './enums';
import { ENVELOPE_KEYS, omit, type RequestOperation } from './operation';

/**
 * The detailed integration report of a deposited flux (transverses consulterCRDetaille, reference §5.6), with
 * its errors turned into sentences a person can act on. Used by the Factures and Transverse nodes and the trigger.
 */

export function readableRejectionReasons(report: IDataObject): string[] {
	const technical = (report.listeErreurTechnique as IDataObject[] | undefined) ?? [];
	const perInvoice = (report.listeErreurDP as IDataObject[] | undefined) ?? [];
	return [
		...technical.map(
			(e) =>
				`Flux error ${e.codeErreur ?? ''}${e.natureErreur ? ` (${e.natureErreur})` : ''}: ${e.libelleErreur ?? 'no detail'}`.trim(),
		),
		...perInvoice.map(
			(e) =>
				`Invoice ${e.numeroDP ?? '?'}${e.identifiantDestinataire ? ` to ${e.identifiantDestinataire}` : ''} rejected: ${e.libelleErreurDP ?? 'no detail'}`,
		),
	];
}

export function isFinalFluxState(state: unknown): boolean {
	return (FINAL_FLUX_STATES as readonly unknown[]).includes(state);
}

/** Placed under the resource that deposits or follows flux (`{ ...FLUX_REPORT, resource }`). */
export const FLUX_REPORT: Omit<RequestOperation, 'resource'> = {
	operation: 'getFluxReport',
	name: 'Get Flux Report',
	action: 'Get the integration report of a flux',
	description:
		'State of a deposited flux (integrated, partly integrated, rejected…) and readable rejection reasons (consulterCRDetaille)',
	api: 'transverses',
	method: 'POST',
	path: '/consulterCRDetaille',
	mutates: false,
	fields: [
		{
			name: 'numeroFluxDepot',
			label: 'Flux Number',
			type: 'string',
			required: true,
			placeholder: 'CPP0011110000000000001557',
			description: 'numeroFluxDepot returned by the deposit',
		},
		{ name: 'syntaxeFlux', label: 'Flux Syntax', type: 'options', options: FLUX_SYNTAXES },
	],
	hooks: {
		// Special: the report's error lists become sentences, and its state a final/not-final flag.
		output: (ctx, response) => {
			const report = omit(response, ENVELOPE_KEYS) as IDataObject;
			return [
				{
					json: {
						numeroFluxDepot: ctx.params.numeroFluxDepot,
						...report,
						final: isFinalFluxState(report.etatCourantDepotFlux),
						rejectionReasons: readableRejectionReasons(report),
					},
				},
			];
		},
	},
};
