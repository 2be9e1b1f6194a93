// n8n's own lint rules for community nodes, without the n8n Cloud preset: this package ships `tar-stream`
// (needed to build G2B tar.gz flux) and Node's zlib, which n8n Cloud does not allow. Tests, the simulator,
// benchmarks and scripts are tooling, not node code: they are not shipped and are not linted by n8n's rules.
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['test/**', 'bench/**', 'scripts/**', 'examples/**', '.cache/**', 'dist/**', 'jest.config.js'] },
	...configWithoutCloudSupport,
	{
		// The builder computes each parameter's default from the operation description; the rule cannot see it.
		files: ['nodes/shared/properties.ts'],
		rules: { 'n8n-nodes-base/node-param-default-missing': 'off' },
	},
	{
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
];
