/**
 * `npm run demo`: builds the package, starts the Chorus Pro simulator with demo data, installs (cached) and
 * starts a real n8n 2.x with the package deployed the way n8n installs community packages, imports a
 * credential pointing at the simulator and the workflows of examples/*.json, and prints the editor URL and
 * the owner's login. Ctrl-C stops everything.
 *
 * `npm run demo -- --once`: the same set-up, but instead of starting the editor it runs the main example
 * with `n8n execute`, prints its output and stops everything (exit code 1 if the run failed).
 * `npm run demo -- --once --all`: runs every example that starts with a Manual Trigger, one after the other.
 *
 * The folder examples read and write under /home/node/.n8n-files/chorus-pro (n8n's readable area in its Docker
 * image): the demo creates that tree (inbox/, and outbox/ with two sample PDF invoices) in its own folder, lets
 * n8n reach it (N8N_RESTRICT_FILE_ACCESS_TO) and points the examples there, so every example runs to its end.
 *
 * Options: --once, --all, --port=<n> (editor port; default a free one), --example=<file name in examples/>
 * (the main example; default: a file named main*.json, else the first example starting with a Manual Trigger),
 * --examples=<dir> (default examples/), --no-build (skip `npm run build`).
 */
import { join, resolve } from 'path';

import { cacheRoot, OWNER, progress, REPO_ROOT, runOk, stopAll, cleanEnv, type RunData, type WorkflowFixture } from '../test/e2e/harness';
import { CREDENTIAL } from '../test/e2e/fixtures/chorus';
import { DEMO_VERSION, FILES_IN_EXAMPLES, setUpDemo, type Demo, type Example } from '../test/e2e/fixtures/demo';

interface Args {
	once: boolean;
	all: boolean;
	port?: number;
	example?: string;
	examplesDir: string;
	build: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { once: false, all: false, build: true, examplesDir: join(REPO_ROOT, 'examples') };
	for (const arg of argv) {
		if (arg === '--once') args.once = true;
		else if (arg === '--all') args.all = true;
		else if (arg === '--no-build') args.build = false;
		else if (arg.startsWith('--port=')) args.port = Number(arg.slice('--port='.length));
		else if (arg.startsWith('--example=')) args.example = arg.slice('--example='.length);
		else if (arg.startsWith('--examples=')) args.examplesDir = resolve(arg.slice('--examples='.length));
		else throw new Error(`unknown option ${arg} (known: --once, --all, --port=<n>, --example=<file>, --examples=<dir>, --no-build)`);
	}
	return args;
}

function say(line = ''): void {
	process.stdout.write(`${line}\n`);
}

const startsWithManualTrigger = (workflow: WorkflowFixture) =>
	(workflow.nodes as Array<{ type?: string }>).some((n) => n.type === 'n8n-nodes-base.manualTrigger');

function pickMain(examples: Example[], wanted?: string): Example | undefined {
	if (wanted) {
		const found = examples.find((e) => e.file === wanted || e.file === `${wanted}.json` || e.workflow.id === wanted);
		if (!found) throw new Error(`--example=${wanted}: no such example (have: ${examples.map((e) => e.file).join(', ') || 'none'})`);
		return found;
	}
	return (
		examples.find((e) => /^main/i.test(e.file) && startsWithManualTrigger(e.workflow)) ??
		examples.find((e) => startsWithManualTrigger(e.workflow))
	);
}

/** Each executed node's output items, in execution order. */
function printRun(run: RunData): void {
	const runData = run.data.resultData.runData;
	for (const [node, runs] of Object.entries(runData)) {
		for (const [i, nodeRun] of runs.entries()) {
			const items = nodeRun.data?.main?.[0] ?? [];
			say(`--- ${node}${runs.length > 1 ? ` (run ${i + 1})` : ''}: ${items.length} item(s)`);
			for (const item of items) say(JSON.stringify(item.json, null, 2));
			if (nodeRun.error) say(`error: ${JSON.stringify(nodeRun.error)}`);
		}
	}
	const error = run.data.resultData.error;
	if (error) say(`\nworkflow error: ${error.message ?? ''} ${error.description ?? ''}`);
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));

	if (args.build) {
		progress('npm run build');
		await runOk('npm', ['run', 'build'], { cwd: REPO_ROOT, env: cleanEnv(), what: 'npm run build', timeoutMs: 10 * 60_000 });
	}

	let demo: Demo | undefined;
	let stopping: Promise<void> | undefined;
	const stopEverything = () =>
		(stopping ??= (async () => {
			await demo?.stop();
			await stopAll();
		})());
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			progress(`${signal}: stopping n8n and the simulator`);
			void stopEverything().then(() => process.exit(0));
		});
	}

	try {
		demo = await setUpDemo({ examplesDir: args.examplesDir, userFolder: join(cacheRoot(), 'demo', DEMO_VERSION) });
		const { sim, n8n, files, examples } = demo;

		if (args.once) {
			const chosen = args.all ? examples.filter((e) => startsWithManualTrigger(e.workflow)) : [pickMain(examples, args.example)];
			const runnable = chosen.filter((e): e is Example => e !== undefined);
			if (!runnable.length) {
				say('No example workflow starting with a Manual Trigger to run (examples/*.json).');
				return examples.length ? 1 : 0;
			}
			let failed = 0;
			for (const example of runnable) {
				progress(`n8n execute --id=${example.workflow.id} (${example.workflow.name}, examples/${example.file})`);
				const result = await n8n.execute(example.workflow.id);
				if (!result.run) {
					say(`n8n printed no run (exit code ${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
					failed++;
					continue;
				}
				say(`\n=== ${example.workflow.name}: ${result.run.status ?? (result.exitCode === 0 ? 'success' : 'error')}`);
				printRun(result.run);
				if (result.exitCode !== 0) failed++;
			}
			return failed ? 1 : 0;
		}

		await n8n.start({ port: args.port });
		say('');
		say(`n8n ${DEMO_VERSION} with n8n-nodes-chorus-pro is running (PID ${n8n.pid}).`);
		say(`  Editor:   ${n8n.baseUrl}`);
		say(`  Login:    ${OWNER.email}`);
		say(`  Password: ${OWNER.password}`);
		say(`  Credential "${CREDENTIAL.name}" points at the simulator on ${sim.url}`);
		say(`  Example files: ${files} (stands for ${FILES_IN_EXAMPLES}; outbox/ holds two sample PDF invoices)`);
		say(
			examples.length
				? `  Workflows: ${examples.map((e) => e.workflow.name).join(', ')}`
				: '  Workflows: none (no examples/*.json yet)',
		);
		say('Ctrl-C stops n8n and the simulator.');
		await n8n.waitForExit();
		progress('n8n exited');
		return 0;
	} finally {
		await stopEverything();
	}
}

main().then(
	(code) => process.exit(code),
	async (error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		await stopAll();
		process.exit(1);
	},
);
