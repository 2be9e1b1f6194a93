/**
 * What differs between the n8n majors the e2e tests drive, in one place (the table "What works how, per
 * version" of test/e2e/README.md). Everything else — CLI, server process, REST and public API — is the same.
 */
/** The instance owner of every e2e n8n (a local, throw-away account). */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Chorus',
	lastName: 'Owner',
	password: 'Chorus-e2e-Passw0rd!',
} as const;

export interface MajorStrategy {
	/** Environment of every n8n process of this major (`ownerHash`: the owner's bcrypt hash, when the major needs one). */
	env(ownerHash: string): Record<string, string>;
	/** 2.x takes its owner from the environment, as a bcrypt hash made before the first process starts. */
	ownerFromEnvironment: boolean;
	/** CLI arguments that activate (`true`) or deactivate a workflow while no server runs. */
	activationArgs(workflowId: string, active: boolean): string[];
}

const MAJOR_1: MajorStrategy = {
	// Task runners are opt-in in 1.x; the owner is set up through POST /rest/owner/setup after start.
	env: () => ({ N8N_RUNNERS_ENABLED: 'true' }),
	ownerFromEnvironment: false,
	activationArgs: (id, active) => ['update:workflow', `--id=${id}`, `--active=${active}`],
};

const MAJOR_2: MajorStrategy = {
	env: (ownerHash) => ({
		N8N_DISABLED_MODULES: 'mcp-registry', // it would fetch api.n8n.io at start
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerHash,
	}),
	ownerFromEnvironment: true,
	// 2.x publishes workflows (`update:workflow --active` is gone).
	activationArgs: (id, active) => [active ? 'publish:workflow' : 'unpublish:workflow', `--id=${id}`],
};

export function majorStrategy(major: 1 | 2): MajorStrategy {
	return major === 1 ? MAJOR_1 : MAJOR_2;
}
