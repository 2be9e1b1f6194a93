/**
 * Body models in the validator's Schema subset, for the simulator modules written from the tables of docs/api-notes.md
 * (Travaux, Transverses, Utilisateurs, Engagements, the G2B APIs).
 */
import type { Schema } from './swagger';

export const str: Schema = { type: 'string' };
export const bool: Schema = { type: 'boolean' };
export const num: Schema = { type: 'number' };
export const int64: Schema = { type: 'integer', format: 'int64' };
export const dateTime: Schema = { type: 'string', format: 'date-time' };
export const codeLangue: Schema = { type: 'string', enum: ['FR', 'EN', 'fr', 'en'] };
export const oneOf = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] });
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });

/** A closed object model: unknown keys are refused like the Java back end does (HTTP 400). */
export const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
	type: 'object',
	properties,
	...(required.length ? { required } : {}),
});

export const PAGINATION = object({
	pageResultatDemandee: int64,
	nbResultatsParPage: int64,
	triSens: oneOf(['Ascendant', 'Descendant']),
	triColonne: str,
});
