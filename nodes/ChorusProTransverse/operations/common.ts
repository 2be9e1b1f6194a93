import type { BuiltRequest, Field, OperationHooks } from '../../shared/operation';

/** Fields the Transverse, Structures and Utilisateurs operations share. */

export const LANGUAGE: Field = {
	name: 'codeLangue',
	label: 'Language',
	type: 'options',
	options: ['FR', 'EN'],
	description: 'Language of the labels in the answer (codeLangue)',
};

export const structureId = (name: string, description: string, required = true): Field => ({
	name,
	label: 'Structure ID',
	type: 'integer',
	required,
	description,
});

/**
 * n8n's HTTP helper drops an empty JSON body, and the Chorus Pro back end refuses a POST without one (the
 * reference says to send `{}` when an operation takes no input, §5). Operations whose fields may all be left
 * empty send `idUtilisateurCourant: 0` instead, as AIFE clients do (§1.4: the user comes from cpro-account).
 */
export function neverEmptyBody(request: BuiltRequest): void {
	if (Object.keys(request.body).length === 0) request.body.idUtilisateurCourant = 0;
}

export const NEVER_EMPTY: OperationHooks = { prepare: (_ctx, request) => neverEmptyBody(request) };
