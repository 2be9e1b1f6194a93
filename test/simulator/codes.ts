/**
 * The business errors the simulator raises (HTTP 200, non-zero codeRetour). Codes and libellés marked [ref]
 * are those of docs/api-notes.md §12.1; the others are simulator choices where the notes know a code exists for
 * the operation but not its text, or knows nothing — they keep the platform's pattern (2xxxx per operation,
 * `XXX_MSG_nn.nnn` message id + French text).
 */
import { BusinessError } from './envelope';

export const Errors = {
	/** [ref] rechercher/recipiendaire with no result (§2.2). */
	noResult: () => new BusinessError(20000, 'TRA_MSG_00.015'),
	/** [ref] text of the 2016 fixture, code of the C# table (§12.1). */
	unknownInvoice: () =>
		new BusinessError(20000, 'GDP_MSG_11.008 - La demande de paiement est inconnue du système.'),
	/** [ref] 20001 GDP_MSG_11.005 (§12.1), used when idFournisseur is not a structure of the technical account. */
	notAuthorised: () =>
		new BusinessError(
			20001,
			"GDP_MSG_11.005 - L'utilisateur n'a pas les habilitations nécessaires pour soumettre la demande.",
		),
	/** [ref] deposer/flux over 30 Mo (§3.1, §13.2). */
	fluxTooLarge: () => new BusinessError(20001, 'GDP_MSG_11.022 - La taille du flux dépasse la taille maximale autorisée (30 Mo).'),
	/** [ref] consulterCR / consulterCRDetaille with an unknown flux (§5.6). */
	unknownFlux: () => new BusinessError(20001, 'POQ_MSG_01.003 - Flux introuvable.'),
	/** [ref] traiter/recue with a transition not allowed (§3.15). */
	invalidTransition: () =>
		new BusinessError(20002, "Incohérence au niveau du statut d'origine ou de destination de la facture."),
	/** [ref] completer on an invoice that is not SUSPENDUE (§12.1). */
	notSuspended: () =>
		new BusinessError(20002, 'GDP_MSG_11.033 - Le statut de la demande de paiement n\'est pas défini à "Suspendue".'),
	/** [ref code] ajouter/fichier over 10 Mo (§5.2). */
	attachmentTooLarge: () => new BusinessError(20003, 'TRA_MSG_00.020 - La taille de la pièce jointe dépasse 10 Mo.'),
	/** [sim] traiter/recue REJETEE/SUSPENDUE without motif. */
	motifRequired: (statut: string) =>
		new BusinessError(20003, `GDP_MSG_11.040 - Le motif est obligatoire pour le statut ${statut}.`),
	/** [ref] GDP_MSG_11.001: action impossible in the current status (§12.1); code chosen per operation. */
	actionImpossible: (code: number, statut: string) =>
		new BusinessError(
			code,
			`GDP_MSG_11.001 - Action impossible dans l'état courant de la demande de paiement (${statut}).`,
		),
	/** [sim, code exists for soumettre] a mandatory field is missing. */
	missingField: (code: number, field: string) =>
		new BusinessError(code, `GDP_MSG_11.002 - Le champ ${field} est obligatoire.`),
	/** [sim] a field breaks a platform rule (length, consistency). */
	invalidField: (code: number, field: string, why: string) =>
		new BusinessError(code, `GDP_MSG_11.003 - Le champ ${field} est invalide : ${why}.`),
	/** [sim, code exists for soumettre] the recipient structure is unknown, private or inactive. */
	unknownRecipient: (code: number, identifiant: string) =>
		new BusinessError(code, `GDP_MSG_11.010 - Le destinataire ${identifiant} est inconnu ou n'est pas une structure publique active.`),
	/** [sim, code exists for soumettre] service required by the structure, or unknown/inactive. */
	serviceRequired: (code: number) =>
		new BusinessError(code, 'GDP_MSG_11.012 - Le code service est obligatoire pour ce destinataire.'),
	unknownService: (code: number, service: string) =>
		new BusinessError(code, `GDP_MSG_11.013 - Le service ${service} est inconnu ou inactif pour ce destinataire.`),
	/** [sim, code exists for soumettre] commitment number required by the structure or the service. */
	engagementRequired: (code: number) =>
		new BusinessError(code, "GDP_MSG_11.014 - Le numéro d'engagement est obligatoire pour ce destinataire."),
	/** [sim] attachment id not stored for this account. */
	unknownAttachment: (code: number, id: unknown) =>
		new BusinessError(code, `TRA_MSG_00.021 - La pièce jointe ${String(id)} est inconnue.`),
	/** [sim] structures: unknown idStructureCPP / idService. */
	unknownStructure: (id: unknown) => new BusinessError(20001, `GCU_MSG_05.001 - La structure ${String(id)} est inconnue.`),
	unknownServiceOfStructure: (id: unknown) =>
		new BusinessError(20002, `GCU_MSG_05.002 - Le service ${String(id)} est inconnu pour cette structure.`),
};
