import { BILLING_FRAMEWORKS, INVOICE_TYPES, USER_ROLES, WORKS_INVOICE_TYPES } from '../../shared/enums';
import type { Operation, Resource } from '../../shared/operation';
import { dateRange, integer, invoiceAmountRanges, invoiceStatuses, matchBySiren, paymentRequestType, PICK, text } from '../../shared/fields';

/** Payment requests of every kind, live and archived (rechercher/demandePaiement; not available in qualification). */
export const paymentRequestOperations: Operation[] = [
	{
		resource: 'paymentRequest',
		operation: 'search',
		name: 'Search',
		action: 'Search payment requests',
		description: 'Search invoices and other payment requests in the live and archive databases (rechercher/demandePaiement). Production only.',
		api: 'factures',
		method: 'POST',
		path: '/rechercher/demandePaiement',
		mutates: false,
		pagination: { style: 'none', list: 'listeDemandePaiement' },
		fields: [
			{
				name: 'roleUtilisateur',
				label: 'My Role',
				type: 'options',
				required: true,
				options: USER_ROLES,
				default: 'FOURNISSEUR',
				description: 'The role you search as (roleUtilisateur)',
			},
			text('numeroFacture', 'Invoice Number'),
			paymentRequestType(),
			{ name: 'typeFacture', label: 'Invoice Type', type: 'options', options: INVOICE_TYPES },
			{ name: 'typeFactureTravaux', label: 'Works Invoice Type', type: 'options', options: WORKS_INVOICE_TYPES },
			{ name: 'cadreFacturation', label: 'Billing Framework', type: 'options', options: BILLING_FRAMEWORKS },
			invoiceStatuses(),
			...dateRange('periodeDateHeureEtatCourant', 'Status Changed', 'dateTime'),
			...dateRange('periodeDateFournisseur', 'Supplier Date'),
			...dateRange('periodeDateDepot', 'Deposit Date'),
			...invoiceAmountRanges('APayer'),
			text('numeroMarche', 'Contract Number'),
			text('numeroBonCommande', 'Purchase Order Number'),
			text('numeroFactureOrigine', 'Original Invoice Number'),
			integer('idStructureFournisseur', 'Supplier Structure ID', { locator: PICK.anyStructure, description: 'idStructureFournisseur', key: 'structureFournisseur.idStructureFournisseur' }),
			integer('idStructureDestinataire', 'Recipient Structure ID', { locator: PICK.anyStructure, description: 'idStructureDestinataire', key: 'structureDestinataire.idStructureDestinataire' }),
			integer('idServiceFournisseur', 'Supplier Service ID', { locator: PICK.supplierService }),
			integer('idServiceDestinataire', 'Recipient Service ID', { locator: PICK.recipientService }),
			// The validator, project manager (MOE) and owner (MOA) sides of the same search (Factures Swagger,
			// RechercherDemandePaiementParam): the validator's trigger event scopes its poll with the first.
			integer('idStructureValideur', 'Validator Structure ID', { locator: PICK.anyStructure, description: 'idStructureValideur', key: 'structureValideur.idStructureValideur' }),
			integer('idStructureMoe', 'Project Manager Structure ID', { locator: PICK.anyStructure, description: 'idStructureMoe', key: 'structureMoe.idStructureMoe' }),
			integer('idServiceMoe', 'Project Manager Service ID', { locator: PICK.projectManagerService }),
			integer('idStructureMoa', 'Project Owner Structure ID', { locator: PICK.anyStructure, description: 'idStructureMoa', key: 'structureMoa.idStructureMoa' }),
			integer('idServiceMoa', 'Project Owner Service ID', { locator: PICK.projectOwnerService }),
			text('numeroDossierFacturation', 'Billing File Number'),
			text('numeroFactureMemoire', 'Justice Statement Number'),
			{ name: 'dpOuDpArchive', label: 'Live or Archive', type: 'options', options: ['DEMANDE_PAIEMENT', 'DP_ARCHIVE'] },
			text('numeroDpMandat', 'Payment Order Number'),
			matchBySiren('Fournisseur'),
			matchBySiren('Destinataire'),
		],
	},
];

export const paymentRequestResource: Resource = { name: 'Payment Request', value: 'paymentRequest', description: 'All payment requests, live and archived (demandes de paiement)' };
