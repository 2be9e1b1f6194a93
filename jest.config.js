// One project per kind of test, named for what it runs:
// - `unit`: modules alone (transport, validation, executor, parameters, simulator pieces); no n8n engine;
// - `engine`: every node through n8n-core's real execution contexts against the simulator (test/engine);
// - `conformance`: public request/answer samples replayed through the nodes and sent to the simulator;
// - `e2e`: the package installed into real n8n 1.x and 2.x (slow the first time, cached afterwards);
// - `e2e-queue`: n8n's queue mode (main + 2 workers, Redis and PostgreSQL from the machine's packages).
// `npm test` runs them all. The scripts pass --forceExit: n8n-core's modules start timers when they are imported
// (three Timeouts exist before any test code runs), so a jest worker that loaded the engine harness never exits
// on its own.
const tsJest = ['ts-jest', { tsconfig: { isolatedModules: true }, diagnostics: false }];

/** A project running the tests under `test/<folder>/`. */
const project = (displayName, folder, extra = {}) => ({
	displayName,
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	testMatch: [`<rootDir>/test/${folder}/**/*.test.ts`],
	...extra,
});

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		project('unit', 'unit'),
		project('engine', 'engine'),
		project('conformance', 'conformance'),
		project('e2e', 'e2e', { testPathIgnorePatterns: ['<rootDir>/test/e2e/queue/'] }),
		project('e2e-queue', 'e2e/queue'),
	],
};
