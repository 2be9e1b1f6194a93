import { IDENTIFIER_TYPES, STRUCTURE_KINDS } from '../../shared/enums';
import { LIMITS } from '../../shared/limits';
import { SERVICES_STRUCTURE_PARAMETER } from '../../shared/loadOptions';
import type { Operation, Resource } from '../../shared/operation';
import { flag, LANGUAGE, oneOf, PICK, siret, structureId, text } from '../../shared/fields';

/**
 * Structures: the Structures API (official Swagger, docs/api-notes.md §6; body keys exactly as the Swagger spells them), the
 * transverses lists of structures the technical account may act for (§5.3) and the INSEE data of a SIRET (§5.4).
 */
const resource = 'structure';

interface ActiveStructures {
	operation: string;
	name: string;
	/** The role the account acts in, as the action and description say it. */
	role: string;
	path: string;
}

/** The three lists of the structures the technical account may act for, one per role (transverses, §5.3). */
function activeStructures({ operation, name, role, path }: ActiveStructures): Operation {
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

/** The search criteria sit in the request's `structure` object. */
const inStructure = (name: string): string => `structure.${name}`;

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
			text('identifiantStructure', 'Identifier', {
				key: inStructure('identifiantStructure'),
				top: true,
				check: 'identifier',
				description: "The structure's SIRET, or its other identifier (structure.identifiantStructure). A number is checked as a SIRET or SIREN.",
			}),
			oneOf('typeIdentifiantStructure', 'Identifier Type', IDENTIFIER_TYPES, { key: inStructure('typeIdentifiantStructure') }),
			text('raisonSocialeStructure', 'Company Name', { key: inStructure('raisonSocialeStructure') }),
			text('libelleStructure', 'Label', { key: inStructure('libelleStructure') }),
			text('nomStructure', 'Last Name', { key: inStructure('nomStructure') }),
			text('prenomStructure', 'First Name', { key: inStructure('prenomStructure') }),
			text('adresseCodePays', 'Country Code', { key: inStructure('adresseCodePays') }),
			text('adresseCodePostal', 'Postcode', { key: inStructure('adresseCodePostal') }),
			text('adresseVille', 'City', { key: inStructure('adresseVille') }),
			oneOf('typeStructure', 'Structure Type', STRUCTURE_KINDS, { key: inStructure('typeStructure') }),
			oneOf(
				'statutStructure',
				'Status',
				[
					{ name: 'Active', value: 'ACTIF' },
					{ name: 'Inactive', value: 'INACTIF' },
				],
				{ key: inStructure('statutStructure') },
			),
			flag('estMOA', 'Is Project Owner', { key: inStructure('estMOA'), description: 'Whether the structure is a project owner (structure.estMOA)' }),
			flag('estMOAUniquement', 'Project Owner Only', { key: inStructure('estMOAUniquement') }),
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
		fields: [
			structureId({ name: 'idStructureCPP', locator: PICK.anyStructure, description: 'Any public or private structure (idStructureCPP)' }),
			LANGUAGE,
		],
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
		fields: [structureId({ description: 'idStructureCPP of the structure (idStructure)' })],
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
			structureId({ name: SERVICES_STRUCTURE_PARAMETER, description: 'idStructureCPP of the structure (idStructure)' }),
			{
				name: 'idService',
				label: 'Service ID',
				type: 'integer',
				required: true,
				locator: PICK.structureService,
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
		oneOf: { what: 'the structure', groups: [['idStructure'], ['identifiantStructure']] },
		fields: [
			// The structure is required, as an ID or as an identifier: both sit at the top, not in Additional Fields.
			structureId({ required: false, top: true, description: 'Chorus Pro ID of the structure (idStructure); or give its Structure Identifier instead' }),
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

	},
	activeStructures({ operation: 'getActiveForRecipient', name: 'Get Active for Recipient', role: 'recipient', path: '/recuperer/structures/actives/destinataire' }),
	activeStructures({ operation: 'getActiveForWorksInvoices', name: 'Get Active for Works Invoices', role: 'works invoice party', path: '/recuperer/structures/actives/facturetravaux' }),
	activeStructures({ operation: 'getActiveForSupplier', name: 'Get Active for Supplier', role: 'supplier', path: '/recuperer/structures/actives/fournisseur' }),
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
		fields: [siret({ name: 'siretStructure', required: true })],
	},
];

export const structureResource: Resource = { name: 'Structure', value: resource, description: 'Structures, their services and parameters (structures)' };
