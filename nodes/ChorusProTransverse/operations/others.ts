import { sniffMimeType } from '../../shared/binary';
import { FLUX_SYNTAXES } from '../../shared/enums';
import { fluxReportOperation } from '../../shared/fluxReport';
import { LIMITS } from '../../shared/limits';
import type { Operation } from '../../shared/operation';

/** Recipient search and directory, flux reports, the account's links, and the health check (§5.1, §5.4–5.6, §7). */

export const recipientOperations: Operation[] = [
	{
		resource: 'recipient',
		operation: 'search',
		name: 'Search',
		action: 'Search invoice recipients',
		description: 'Public structures you can invoice, by SIRET, name, city or postcode (rechercher/destinataire)',
		api: 'transverses',
		method: 'POST',
		path: '/rechercher/destinataire',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresRecherche',
			response: 'parametresRetour',
			list: 'listeDestinataires',
			maxPageSize: LIMITS.maxPageSize,
		},
		fields: [
			{
				name: 'identifiant',
				label: 'Identifier',
				type: 'string',
				top: true,
				check: 'identifier',
				description: "The recipient's SIRET, or its other identifier (identifiant). A number is checked as a SIRET or SIREN, so a typo is an error, not a missing recipient.",
			},
			{ name: 'nomVilleCodePostal', label: 'Name, City or Postcode', type: 'string', description: 'nomVilleCodePostal' },
			{ name: 'typeStructure', label: 'Structure Type', type: 'options', options: ['PUBLIQUE', 'PRIVEE'], description: 'typeStructure' },
		],
	},
];

export const recipientDirectoryOperations: Operation[] = [
	{
		resource: 'recipientDirectory',
		operation: 'download',
		name: 'Download',
		action: 'Download the recipient directory',
		description: 'The public directory of invoice recipients as a file (telecharger/annuaire/destinataire)',
		api: 'transverses',
		method: 'POST',
		path: '/telecharger/annuaire/destinataire',
		mutates: false,
		fields: [],
		binaryOut: {
			contentKey: 'fichierResultat',
			fileName: (_params, response) =>
				`annuaire_destinataires.${sniffMimeType(Buffer.from(String(response.fichierResultat ?? '').slice(0, 16), 'base64')).extension}`,
			mimeType: (_params, _response, bytes) => sniffMimeType(bytes).mimeType,
		},
	},
];

export const fluxReportOperations: Operation[] = [
	fluxReportOperation('fluxReport'),
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

export const myAccountOperations: Operation[] = [
	{
		resource: 'myAccount',
		operation: 'getStructureLinks',
		name: 'Get Structure Links',
		action: 'Get the structures my account is attached to',
		description: 'Structures and services your technical account is attached to, with roles and statuses (monCompte/recuperer/rattachements)',
		api: 'utilisateurs',
		method: 'POST',
		path: '/monCompte/recuperer/rattachements',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresRecherche',
			response: 'parametresRetour',
			list: 'listeStructureRattachement',
			maxPageSize: LIMITS.maxPageSize,
		},
		fields: [],
	},
];

export const healthOperations: Operation[] = [
	{
		resource: 'health',
		operation: 'check',
		name: 'Check',
		action: 'Check that the Chorus Pro API is available',
		description: 'Availability of the Chorus Pro API with your credential (GET health-check, no envelope)',
		api: 'transverses',
		method: 'GET',
		path: '/health-check',
		mutates: false,
		fields: [],
	},
];
