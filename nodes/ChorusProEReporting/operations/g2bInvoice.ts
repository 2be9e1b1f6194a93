import type { Field, Operation, Resource } from '../../shared/operation';
import { ppfSearch } from '../../shared/ppfSearch';

/**
 * G2B invoices (API Recherche Factures G2B, DGFiP annex table 4.1: POST /factures/recherche, GET
 * /factures/{uidFacture}). Read only. The Swagger is not public; the search follows the PPF conventions the
 * annex describes ("préciser les données qu'il souhaite ainsi que ses critères de tri": filtres, champs, tris).
 */

const api = 'g2bFactures' as const;

/** Statuses of docs/api-notes.md §10.1: the mandatory ones relayed to the PPF and those Chorus Pro maps to AFNOR codes. */
export const G2B_INVOICE_STATUSES = [
	{ name: '200 Deposited (Déposée)', value: '200' },
	{ name: '202 Received by Platform (Reçue Par La Plateforme)', value: '202' },
	{ name: '203 Made Available (Mise À Disposition)', value: '203' },
	{ name: '204 Taken in Charge (Prise en Charge)', value: '204' },
	{ name: '205 Approved (Approuvée)', value: '205' },
	{ name: '206 Partly Approved (Approuvée Partiellement)', value: '206' },
	{ name: '208 Suspended (Suspendue)', value: '208' },
	{ name: '209 Completed (Complétée)', value: '209' },
	{ name: '210 Refused (Refusée)', value: '210' },
	{ name: '211 Payment Sent (Paiement Transmis)', value: '211' },
	{ name: '212 Cashed (Encaissée)', value: '212' },
	{ name: '213 Rejected (Rejetée)', value: '213' },
	{ name: '214 Endorsed (Visée)', value: '214' },
];

export const G2B_INVOICE_FIELDS = [
	'uidFacture', 'numeroFacture', 'idFlux', 'nomFichier', 'sirenFournisseur', 'sirenAcheteur', 'dateDepot',
	'statut', 'motif', 'dateStatut',
] as const;

const depositedRange: Field[] = [
	{ name: 'dateDepotDebut', label: 'Deposited From', type: 'date', key: 'filtres.dateDepot.debut', description: 'Deposit date from (inclusive)' },
	{ name: 'dateDepotFin', label: 'Deposited To', type: 'date', key: 'filtres.dateDepot.fin', description: 'Deposit date to (inclusive)' },
];

export const g2bInvoiceOperations: Operation[] = [
	{
		resource: 'g2bInvoice',
		operation: 'search',
		name: 'Search',
		action: 'Search G2B invoices',
		description: 'Search the invoices your public entity issued through G2B, with filters and sort (POST /factures/recherche)',
		api,
		path: '/factures/recherche',
		...ppfSearch({
			filters: [
				{ name: 'numeroFacture', label: 'Invoice Number', type: 'string', maxLength: 35, op: 'contient', description: 'numeroFacture' },
				{ name: 'idFlux', label: 'Flux ID', type: 'string', op: 'strict', description: 'The flux that carried the invoice (idFlux)' },
				{ name: 'statut', label: 'Status', type: 'options', options: G2B_INVOICE_STATUSES, op: 'strict', description: 'Current status (statut)' },
				{ name: 'sirenAcheteur', label: 'Buyer SIREN', type: 'string', check: 'siren', op: 'strict', description: 'SIREN of the buyer (sirenAcheteur)' },
			],
			champs: G2B_INVOICE_FIELDS,
			extraFields: 	depositedRange,
		}),
	},
	{
		resource: 'g2bInvoice',
		operation: 'get',
		name: 'Get',
		action: 'Get a G2B invoice with its status history',
		description: 'Metadata, current status and status history of an issued invoice (GET /factures/{uidFacture})',
		api,
		method: 'GET',
		path: '/factures/{uidFacture}',
		mutates: false,
		fields: [{ name: 'uidFacture', label: 'Invoice UID', type: 'string', in: 'path', required: true, description: 'Technical id of the invoice (uidFacture)' }],
	},
];

export const g2bInvoiceResource: Resource = { name: 'G2B Invoice', value: 'g2bInvoice', description: 'Invoices issued through G2B and their statuses' };
