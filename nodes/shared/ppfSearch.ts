import { filterHelp } from './fieldHelp';
import type { Field, Pagination, RequestOperation } from './operation';

/**
 * Searches shaped like the PPF annuaire OpenAPI (reference §10.2, §15.11), which the G2B APIs follow:
 * `{ filtres: { <field>: { op, valeur } }, tris: [{ champ, ordre }], champs: [...], limite, ignorer }` →
 * `{ recherche, nombre_total_resultats, resultats: [...] }` (206 when truncated, 204 when nothing matches).
 */

/** `strict` = exact match, `contient` = contains; each filter of the OpenAPI allows exactly one of them. */
export type PpfOperator = 'strict' | 'contient';

export interface PpfFilter extends Omit<Field, 'key' | 'in'> {
	op: PpfOperator;
}

/** The largest `limite` we ask for; the OpenAPI's example is 50 and it documents no maximum. */
export const PPF_MAX_PAGE = 100;

export function ppfPagination(sortColumns?: readonly string[]): Pagination {
	return {
		style: 'offset',
		list: 'resultats',
		limitKey: 'limite',
		offsetKey: 'ignorer',
		totalPath: 'nombre_total_resultats',
		maxPageSize: PPF_MAX_PAGE,
		...(sortColumns ? { sortKey: 'tris', sortColumns } : {}),
	};
}

/** Filter fields: the value goes to `filtres.<name>.valeur`, the operator beside it (`Field.operator`). */
export function ppfFilters(filters: PpfFilter[]): Field[] {
	return filters.map(({ op, ...field }) => ({
		...field,
		key: `filtres.${field.name}.valeur`,
		operator: op,
		description: filterHelp(field.label, [field.description, `filtre ${field.name}`], op === 'strict'),
	}));
}

/** "Fields to Return" (`champs`): the OpenAPI's list of a resource's fields. */
export function ppfChamps(values: readonly string[], inBody = true): Field {
	return {
		name: 'champs',
		label: 'Fields to Return',
		type: 'multiOptions',
		options: values,
		...(inBody ? {} : { in: 'query' as const }),
		description: 'Only these fields in the answer (champs); all when empty',
	};
}

/** What a PPF-style search filters on, which fields it may return, and any field of its own. */
export interface PpfSearch {
	filters: PpfFilter[];
	/** The resource's fields (`champs`), also the columns it sorts by. */
	champs: readonly string[];
	extraFields?: Field[];
}

/** The mechanics of a PPF-style search (POST, filters, `champs`, offset paging): its operation adds what it searches. */
export function ppfSearch({ filters, champs, extraFields = [] }: PpfSearch): Pick<RequestOperation, 'method' | 'mutates' | 'fields' | 'pagination'> {
	return {
		method: 'POST',
		mutates: false,
		fields: [...ppfFilters(filters), ppfChamps(champs), ...extraFields],
		pagination: ppfPagination(champs),
	};
}
