// Three projects: `unit` (transport, validation, executor, engine tests against the simulator: fast, daily work),
// `e2e` (the package installed into real n8n 1.x and 2.x; slow the first time, cached afterwards) and
// `e2e-queue` (n8n's queue mode: main + 2 workers, Redis and PostgreSQL from the machine's packages).
// The scripts pass --forceExit: n8n-core's modules start timers when they are imported (three Timeouts exist
// before any test code runs), so a jest worker that loaded the engine harness never exits on its own.
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		{
			displayName: 'unit',
			modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/engine/**/*.test.ts', '<rootDir>/test/conformance/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			testPathIgnorePatterns: ['<rootDir>/test/e2e/queue/'],
		},
		{
			displayName: 'e2e-queue',
			modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/queue/**/*.test.ts'],
		},
	],
};
