import type { Evidence, Operation } from './operation';

/**
 * Constructors of `Evidence` (where an operation's method, path and body come from) and the one way a node's
 * operations receive theirs from the node's evidence table. docs/evidence.md says what each source shows.
 */

export const SWAGGER_FILES = {
	factures:
		'Swagger factures-v1 (AIFE "Chorus Pro – Factures" 1.0.0; betagouv/api.gouv.fr:public/swaggers/api-chorus-pro.json)',
	structures:
		'Swagger structures-v1 (AIFE "Chorus Pro – Structures" 1.0.0; turbo124/piste-gouv-fr:doc/Structures.json)',
	ppfAnnuaire:
		'OpenAPI ppf-annuaire-public 1.11.0 (DGFiP; cmendezs/mcp-facture-electronique-fr:specs/dgfip/swagger/ppf-openapi-annuaire-api-public-1.11.0-openapi.json)',
} as const;

export const CLIENTS = {
	pastell: 'megalis-bretagne/pastell:connecteur/cpp/lib/CPPWrapper.php (production client)',
	pisteGouvFr:
		'turbo124/piste-gouv-fr:src/Api/ChorusPro/ReferentielDesOrganisations.php, tests/ReferentielDesOrganisationsTest.php (tests run on the sandbox)',
	pisteGouvFrTransverses:
		'turbo124/piste-gouv-fr:src/Api/ChorusPro/Transverses.php, tests/TransversesTest.php (tests run on the sandbox)',
	goChoruspro: 'antoine2116/go-choruspro (client whose tests are mocks)',
} as const;

const AIFE_SITE = 'https://communaute.chorus-pro.gouv.fr';
export const ANNEX = 'AIFE annex "Services API" v6.1, table 4.1 (seed 002)';

export function swagger(file: keyof typeof SWAGGER_FILES, operation: string, note?: string): Evidence {
	return {
		level: 'swagger',
		source: `${SWAGGER_FILES[file]}, ${operation}`,
		...(note ? { note } : {}),
	};
}

/** An official example page of the Chorus Pro community site, by its English slug or its path on the site. */
export function aifeExample(page: string, note?: string): Evidence {
	return {
		level: 'aifeExample',
		source: `${AIFE_SITE}/${/[/?]/.test(page) ? page : `${page}/?lang=en`}`,
		...(note ? { note } : {}),
	};
}

export function testedClient(source: string, note?: string): Evidence {
	return { level: 'testedClient', source, ...(note ? { note } : {}) };
}

/** The path is in table 4.1; the body is ours (the note says what it was built from). */
export function annexPath(note: string): Evidence {
	return { level: 'annexPath', source: ANNEX, note };
}

/** Nothing published: `builtFrom` says what our shape rests on. */
export function unpublished(builtFrom: string, note?: string): Evidence {
	return { level: 'unpublished', source: builtFrom, ...(note ? { note } : {}) };
}

/** Evidence of a node's operations by `resource:operation`. */
export type EvidenceTable = Record<string, Evidence>;

/**
 * The node's operations with their evidence: an operation's own `evidence` wins, else its row of the table. A row
 * that names no operation is a mistake (a renamed operation would silently lose its evidence): it throws.
 */
export function withEvidence(operations: Operation[], table: EvidenceTable): Operation[] {
	const keys = new Set(operations.map((op) => `${op.resource}:${op.operation}`));
	const stray = Object.keys(table).filter((key) => !keys.has(key));
	if (stray.length) throw new Error(`Evidence for unknown operations: ${stray.join(', ')}`);
	return operations.map((op) => {
		const evidence = op.evidence ?? table[`${op.resource}:${op.operation}`];
		return evidence ? { ...op, evidence } : op;
	});
}
