import type { Field } from '../../shared/operation';

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

