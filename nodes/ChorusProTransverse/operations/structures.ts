import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { IDENTIFIER_TYPES } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import { SERVICES_STRUCTURE_PARAMETER } from '../../shared/loadOptions';
import type { Field, Operation } from '../../shared/operation';
import { LANGUAGE, structureId } from './common';

/**
 * Structures: the Structures API (official Swagger, §6; body keys exactly as the Swagger spells them), the
 * transverses lists of structures the technical account may act for (§5.3) and the INSEE data of a SIRET (§5.4).
 */
const resource = 'structure';

const criterion = (name: string, label: string, extra: Partial<Field> = {}): Field => ({
	name,
	key: `structure.${name}`,
	label,
	type: 'string',
	description: `structure.${name}`,
	...extra,
});

function activeStructures(operation: string, name: string, role: string, path: string): Operation {
	return {
		resource,
		operation,
		name,
		action: `List the structures you may act for as ${role}`,
		description: `Structures the technical account is attached to as ${role} (${path.slice(1)})`,
		api: 'transverses',
		method: 'POST',
		path,
		mutates: false,
		splitList: 'listeStructures',
		fields: [],
	};
}

export const structureOperations: Operation[] = [
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search structures',
		description: 'Find public or private structures in the Chorus Pro directory by identifier, name or address (rechercher)',
		api: 'structures',
		method: 'POST',
		path: '/rechercher',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametres',
			response: 'parametresRetour',
			list: 'listeStructures',
			maxPageSize: LIMITS.maxPageSize,
			sortColumns: ['IdentifiantStructure', 'DesignationStructure', 'TypeIdentifiantStructure', 'Statut'],
		},
		fields: [
			criterion('identifiantStructure', 'Identifier', {
				top: true,
				check: 'identifier',
				description: "The structure's SIRET, or its other identifier (structure.identifiantStructure). A number is checked as a SIRET or SIREN.",
			}),
			criterion('typeIdentifiantStructure', 'Identifier Type', { type: 'options', options: IDENTIFIER_TYPES }),
			criterion('raisonSocialeStructure', 'Company Name'),
			criterion('libelleStructure', 'Label'),
			criterion('nomStructure', 'Last Name'),
			criterion('prenomStructure', 'First Name'),
			criterion('adresseCodePays', 'Country Code'),
			criterion('adresseCodePostal', 'Postcode'),
			criterion('adresseVille', 'City'),
			criterion('typeStructure', 'Structure Type', { type: 'options', options: ['PUBLIQUE', 'PRIVEE'] }),
			criterion('statutStructure', 'Status', {
				type: 'options',
				options: [
					{ name: 'Active', value: 'ACTIF' },
					{ name: 'Inactive', value: 'INACTIF' },
				],
			}),
			criterion('estMOA', 'Is Project Owner', { type: 'boolean', description: 'Whether the structure is a project owner (structure.estMOA)' }),
			criterion('estMOAUniquement', 'Project Owner Only', { type: 'boolean', description: 'structure.estMOAUniquement' }),
			{
				name: 'restreindreStructuresPrivees',
				label: 'Restrict Private Structures',
				type: 'boolean',
				description: 'Whether to return only the private structures your account is attached to (restreindreStructuresPrivees)',
			},
		],
	},
	{
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a structure',
		description: 'Identity, address and invoicing parameters of a structure, e.g. whether a service code or a commitment number is mandatory (consulter)',
		api: 'structures',
		method: 'POST',
		path: '/consulter',
		mutates: false,
		fields: [structureId('idStructureCPP', 'idStructureCPP, from Search'), LANGUAGE],
	},
	{
		resource,
		operation: 'searchServices',
		name: 'Search Services',
		action: 'Search the services of a structure',
		description: 'Services of a structure with their codes and whether they are active (rechercher/services)',
		api: 'structures',
		method: 'POST',
		path: '/rechercher/services',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresRechercherServicesStructure',
			response: 'parametresRetour',
			list: 'listeServices',
			maxPageSize: LIMITS.maxPageSize,
			sortColumns: ['CodeService', 'LibelleService', 'DateDbtService', 'DateFinService', 'EstActif'],
		},
		fields: [structureId('idStructure', 'idStructureCPP of the structure (idStructure)')],
	},
	{
		resource,
		operation: 'getService',
		name: 'Get Service',
		action: 'Get a service of a structure',
		description: 'Address and parameters of one service, e.g. whether a commitment number is mandatory (consulter/service)',
		api: 'structures',
		method: 'POST',
		path: '/consulter/service',
		mutates: false,
		fields: [
			structureId(SERVICES_STRUCTURE_PARAMETER, 'idStructureCPP of the structure (idStructure)'),
			{
				name: 'idService',
				label: 'Service ID',
				type: 'integer',
				required: true,
				locator: { list: 'searchStructureServices' },
				description: 'The service of that structure (idService)',
			},
			LANGUAGE,
		],
	},
	{
		resource,
		operation: 'listUserLinks',
		name: 'List User Links',
		action: 'List the services a user is attached to in a structure',
		description: "A user's attachments (rattachements) to the services of a structure, with their status (lister/rattachementsutilisateur)",
		api: 'structures',
		method: 'POST',
		path: '/lister/rattachementsutilisateur',
		mutates: false,
		pagination: {
			style: 'body',
			request: 'parametresListerRattachementsStructureUtilisateur',
			response: 'parametresRetour',
			list: 'listeServices',
			maxPageSize: LIMITS.maxPageSize,
			sortColumns: ['CodeService', 'NomService', 'StatutRattachement'],
		},
		fields: [
			// The structure is required, as an ID or as an identifier: both sit at the top, not in Additional Fields.
			{ ...structureId('idStructure', 'Chorus Pro ID of the structure (idStructure); or give its Structure Identifier instead', false), top: true },
			{
				name: 'identifiantStructure',
				label: 'Structure Identifier',
				type: 'string',
				top: true,
				description: 'Identifier of the structure, e.g. its SIRET, when no Structure ID is given (identifiantStructure)',
			},
			{
				name: 'typeIdentifiantStructure',
				label: 'Identifier Type',
				type: 'options',
				options: IDENTIFIER_TYPES,
				top: true,
				description: 'Kind of the Structure Identifier; SIRET when not set (typeIdentifiantStructure)',
			},
			{ name: 'idUtilisateur', label: 'User ID', type: 'integer', description: 'idUtilisateur' },
			{ name: 'adresseEmailConnexionUtilisateur', label: 'User Login Email', type: 'string', placeholder: 'name@example.com', description: 'adresseEmailConnexionUtilisateur' },
		],
		hooks: {
			prepare: (ctx, request) => {
				const body = request.body as IDataObject;
				if (body.idStructure === undefined && !body.identifiantStructure) {
					throw new NodeOperationError(
						ctx.fn.getNode(),
						`Give the structure as "Structure ID" or as "Structure Identifier" (item ${ctx.itemIndex + 1})`,
						{ itemIndex: ctx.itemIndex, description: 'Nothing was sent to Chorus Pro.' },
					);
				}
			},
		},
	},
	activeStructures('getActiveForRecipient', 'Get Active for Recipient', 'recipient', '/recuperer/structures/actives/destinataire'),
	activeStructures('getActiveForWorksInvoices', 'Get Active for Works Invoices', 'works invoice party', '/recuperer/structures/actives/facturetravaux'),
	activeStructures('getActiveForSupplier', 'Get Active for Supplier', 'supplier', '/recuperer/structures/actives/fournisseur'),
	{
		resource,
		operation: 'getSiretInformation',
		name: 'Get SIRET Information',
		action: 'Get the INSEE information of a SIRET',
		description: 'Company name, address, legal category and activity of a SIRET from the INSEE directory; not available in qualification (consulter/information/siret)',
		api: 'transverses',
		method: 'POST',
		path: '/consulter/information/siret',
		mutates: false,
		fields: [{ name: 'siretStructure', label: 'SIRET', type: 'string', required: true, check: 'siret', description: 'siretStructure' }],
	},
];
