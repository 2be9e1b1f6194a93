import type { Operation, Resource } from '../../shared/operation';
import { api, orgSearch, READ, serviceId } from './organisations';

/** Services of the Référentiel des Organisations. */
const resource = 'organisationService';

const SERVICE_STATES = ['ACTIF', 'INACTIF', 'SUPPRIME'];

export const organisationServiceOperations: Operation[] = [
	{
		resource,
		operation: 'create',
		name: 'Create',
		action: 'Create a service',
		description: 'Create a service in a structure you manage (Créer service)',
		api,
		method: 'POST',
		path: '/services',
		mutates: true,
		howToCheck: 'search the services of the structure by code (Organisation Service → Search, "Service Code") before creating it again.',
		fields: [
			{ name: 'rattachementOrganisation', label: 'Structure UUID', type: 'string', required: true, check: 'uuid', description: 'UUID of the structure the service belongs to (rattachementOrganisation)' },
			{ name: 'codeService', label: 'Service Code', type: 'string', required: true, maxLength: 100, description: 'codeService' },
			{ name: 'libelle', label: 'Name', type: 'string', required: true, description: 'libelle' },
			{ name: 'description', label: 'Description', type: 'string' },
			{ name: 'numeroEj', label: 'Commitment Number Required', type: 'boolean', description: 'Whether invoices to this service need a commitment number (numeroEj)' },
			{ name: 'adresse', label: 'Address', type: 'string' },
			{ name: 'complementAdresse1', label: 'Address Line 2', type: 'string' },
			{ name: 'complementAdresse2', label: 'Address Line 3', type: 'string' },
			{ name: 'codePostal', label: 'Postcode', type: 'string' },
			{ name: 'ville', label: 'City', type: 'string' },
			{ name: 'pays', label: 'Country', type: 'string', description: 'Full country name, e.g. France' },
			{ name: 'telephone', label: 'Phone', type: 'string' },
			{ name: 'dateDebutActivation', label: 'Active From', type: 'date', description: 'dateDebutActivation' },
			{ name: 'dateFinActivation', label: 'Active Until', type: 'date', description: 'dateFinActivation' },
		],
	},
	{
		resource,
		operation: 'search',
		name: 'Search',
		action: 'Search services',
		description: 'Search services of the référentiel (Rechercher services)',
		path: '/services/recherche',
		...orgSearch([
			{ name: 'codeService', label: 'Service Code', op: '=' },
			{ name: 'libelle', label: 'Name', op: 'CONTAINS' },
			{ name: 'rattachementOrganisation', label: 'Structure UUID', op: '=' },
			{ name: 'etatService', label: 'State', op: '=', options: SERVICE_STATES },
		]),
	},
	{
		...READ,
		resource,
		operation: 'get',
		name: 'Get',
		action: 'Get a service',
		description: 'Read a service (Consulter service)',
		path: '/services/{uuid}',
		fields: [serviceId],
	},
];

export const organisationServiceResource: Resource = { name: 'Organisation Service', value: resource, description: 'Services of the Référentiel des Organisations' };
