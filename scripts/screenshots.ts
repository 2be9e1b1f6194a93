/**
 * `npm run screenshots`: the README's pictures of the editor, taken in the demo's set-up (real n8n 2.41.1, the
 * packed package, the simulator) by the code the browser test runs (test/e2e/browser/editor.ts), in Debian's
 * Chromium. Writes docs/screenshots/*.png. Options: --no-build (skip `npm run build`).
 */
import { mkdirSync } from 'fs';
import { join } from 'path';

import { cleanEnv, progress, REPO_ROOT, runOk, stopAll } from '../test/e2e/harness';
import { setUpDemo, type Demo } from '../test/e2e/fixtures/demo';
import { Editor } from '../test/e2e/browser/editor';
import { EDITOR_WORKFLOW_ID, editorWorkflow, NODE } from '../test/e2e/browser/workflow';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
/** The main example and the Chorus Pro node whose output the "result" picture shows. */
const MAIN_EXAMPLE = { id: 'chorusExMainSiret', lastNode: 'Answer', shown: 'Services' };

async function main(): Promise<void> {
	if (!process.argv.includes('--no-build')) {
		progress('npm run build');
		await runOk('npm', ['run', 'build'], { cwd: REPO_ROOT, env: cleanEnv(), what: 'npm run build', timeoutMs: 10 * 60_000 });
	}
	mkdirSync(OUT, { recursive: true });
	let demo: Demo | undefined;
	let editor: Editor | undefined;
	try {
		demo = await setUpDemo({ examplesDir: join(REPO_ROOT, 'examples'), extraWorkflows: [editorWorkflow()] });
		await demo.n8n.start();
		editor = await Editor.open(demo.n8n);
		const shot = async (name: string) => {
			await editor!.screenshot(join(OUT, `${name}.png`));
			progress(`docs/screenshots/${name}.png`);
		};

		await editor.openWorkflow(EDITOR_WORKFLOW_ID);
		await editor.searchNodePanel('Chorus Pro');
		await editor.openNodePanelEntry('Chorus Pro Factures');
		await shot('node-panel');
		await editor.closeNodePanel();

		await editor.openNode(NODE.submit);
		await editor.openList('deviseFacture', 'getCurrencies');
		await shot('operation-form');
		await editor.closeList();
		await editor.closeNode();

		await editor.openNode(NODE.typo);
		await editor.executeStepExpectingError();
		await shot('error');
		await editor.closeNode();

		await editor.openWorkflow(MAIN_EXAMPLE.id);
		await editor.runWorkflow(MAIN_EXAMPLE.lastNode);
		await editor.openNode(MAIN_EXAMPLE.shown);
		await shot('result');
	} finally {
		await editor?.close();
		await demo?.stop();
		await stopAll();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
