import { sniffMimeType } from '../../shared/binary';
import type { Operation, Resource } from '../../shared/operation';

/** The public directory of invoice recipients, as one file (docs/api-notes.md §5.4). */

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

export const recipientDirectoryResource: Resource = { name: 'Recipient Directory', value: 'recipientDirectory', description: 'The public directory of recipients as a file (annuaire)' };
