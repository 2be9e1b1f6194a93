/**
 * The recipient-side rules a deposited invoice must meet (docs/api-notes.md §3.3, §6.2, §6.4, §14.3 item 11): the
 * recipient is a known, active public structure; `codeServiceExecutant` is given when the structure has
 * `codeServiceDoitEtreRenseigne` and names an active service; the commitment number (`numeroBonCommande`) is
 * given when the structure has `numeroEJDoitEtreRenseigne` or the service has `numeroEngagement`;
 * `gestionNumeroEJOuCodeService` wants at least one of the two. Shared by soumettre, recycler and flux
 * integration.
 */
import { BusinessError } from '../envelope';
import { Errors } from '../codes';
import type { Service, SimulatorStore, Structure } from '../store';

export interface RoutingCodes {
	recipient: number;
	service: number;
	engagement: number;
}

export interface Routing {
	recipient: Structure;
	service: Service | undefined;
}

export function resolveRouting(
	store: SimulatorStore,
	codes: RoutingCodes,
	codeDestinataire: string,
	codeServiceExecutant: string | null | undefined,
	numeroBonCommande: string | null | undefined,
): Routing {
	const recipient = store.structureByIdentifiant(codeDestinataire);
	if (!recipient || recipient.typeStructure !== 'PUBLIQUE' || recipient.statut !== 'ACTIVE') {
		throw Errors.unknownRecipient(codes.recipient, codeDestinataire);
	}
	let service: Service | undefined;
	if (codeServiceExecutant) {
		service = recipient.services.find((s) => s.codeService === codeServiceExecutant && s.estActif);
		if (!service) throw Errors.unknownService(codes.service, codeServiceExecutant);
	}
	const p = recipient.parametres;
	if (p.codeServiceDoitEtreRenseigne && !service) throw Errors.serviceRequired(codes.service);
	const hasEngagement = typeof numeroBonCommande === 'string' && numeroBonCommande.trim() !== '';
	if ((p.numeroEJDoitEtreRenseigne || service?.engagementObligatoire) && !hasEngagement) {
		throw Errors.engagementRequired(codes.engagement);
	}
	if (p.gestionNumeroEJOuCodeService && !service && !hasEngagement) throw Errors.engagementRequired(codes.engagement);
	if (hasEngagement && numeroBonCommande!.length > 50) {
		throw Errors.invalidField(codes.engagement, 'numeroBonCommande', '50 caractères au plus');
	}
	return { recipient, service };
}

/** The message of a routing refusal, for flux reports (listeErreurDP.libelleErreurDP). */
export function routingProblem(fn: () => unknown): string | undefined {
	try {
		fn();
		return undefined;
	} catch (error) {
		if (error instanceof BusinessError) return error.libelle.replace(/^[A-Z]{3}_MSG_\d{2}\.\d{3} - /, '');
		throw error;
	}
}
