/// <reference lib="dom" />
/**
 * The real n8n editor in headless Chromium (Debian's, never a downloaded one), driven through its UI with
 * puppeteer-core: what the browser test checks and what `npm run screenshots` photographs, with the same code.
 * Every step waits for an element or a network answer, never for a fixed time.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import puppeteer, { type Browser, type ElementHandle, type HTTPResponse, type Page } from 'puppeteer-core';

import { OWNER, type N8nInstance } from '../harness';

/** Debian's Chromium (`.ci/run` installs it); `CHORUS_CHROMIUM` points elsewhere. */
export const CHROMIUM = process.env.CHORUS_CHROMIUM || '/usr/bin/chromium';

/** Closed network here: nothing that phones home, no GPU, no sandbox (CI runs as root). */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const STEP_TIMEOUT = 60_000;
/** n8n's internal endpoints that run a node's `loadOptions` method (a dropdown) or `listSearch` method (a "From list" picker). */
const LIST_PATHS = ['/rest/dynamic-node-parameters/options', '/rest/dynamic-node-parameters/resource-locator-results'];
const isListCall = (response: HTTPResponse) => LIST_PATHS.some((path) => response.url().includes(path));

/** A list the editor loaded from a node's `loadOptions` method, as the user sees it opened. */
export interface OpenedList {
	/** The option labels shown, in order. */
	labels: string[];
	/** The `loadOptions` calls n8n made while the parameter was set and the list opened. */
	methods: string[];
}

/** What the node panel shows on a node's page. */
export interface NodePage {
	actions: string[];
	triggers: string[];
}

export class Editor {
	private constructor(
		readonly browser: Browser,
		readonly page: Page,
		private readonly n8n: N8nInstance,
		private readonly profile: string,
	) {}

	/** A fresh Chromium profile, a 1400×900 window, signed in as the owner through n8n's sign-in form. */
	static async open(n8n: N8nInstance): Promise<Editor> {
		if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium or set CHORUS_CHROMIUM`);
		const profile = mkdtempSync(join(tmpdir(), 'chorus-chromium-'));
		const browser = await puppeteer.launch({
			executablePath: CHROMIUM,
			headless: true,
			userDataDir: profile,
			args: CHROMIUM_FLAGS,
			defaultViewport: { width: 1400, height: 900 },
		});
		const [page] = await browser.pages();
		page.setDefaultTimeout(STEP_TIMEOUT);
		// leaving a canvas with unsaved edits asks for confirmation: the tour never keeps its edits
		page.on('dialog', (dialog) => void dialog.accept());
		const editor = new Editor(browser, page, n8n, profile);
		await editor.signIn();
		return editor;
	}

	private async signIn(): Promise<void> {
		await this.page.goto(`${this.n8n.baseUrl}/signin`);
		const email = (await this.page.waitForSelector('input[data-test-id="emailOrLdapLoginId"], [data-test-id="emailOrLdapLoginId"] input'))!;
		await email.type(OWNER.email);
		await this.page.type('input[data-test-id="password"], [data-test-id="password"] input', OWNER.password);
		const loggedIn = this.page.waitForResponse((r) => r.url().endsWith('/rest/login') && r.request().method() === 'POST');
		await this.page.click('[data-test-id="form-submit-button"]');
		const response = await loggedIn;
		if (response.status() !== 200) throw new Error(`n8n refused the owner's sign-in: ${response.status()}`);
		await this.page.waitForSelector('[data-test-id="main-sidebar-settings"]');
	}

	/** The workflow's canvas, with every node drawn. */
	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.n8n.baseUrl}/workflow/${id}`);
		await this.page.waitForSelector('[data-test-id="canvas-node"]');
	}

	/** The node's details view (double click on the canvas), its parameters shown. */
	async openNode(name: string): Promise<void> {
		const node = await this.page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
		await node!.click({ count: 2 });
		await this.page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
	}

	async closeNode(): Promise<void> {
		await this.page.click('[data-test-id="ndv-close-button"]');
		await this.page.waitForSelector('[data-test-id="ndv"]', { hidden: true });
	}

	private parameter(name: string): Promise<ElementHandle<Element>> {
		return this.page.waitForSelector(`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"]`) as Promise<ElementHandle<Element>>;
	}

	/** `loadOptions` answers whose request names `method`, from now on (the editor may also answer from its cache). */
	private recordLoadOptions(): {
		methods: string[];
		stop: () => void;
		next: (method: string, parameter: string, value: string) => Promise<HTTPResponse>;
	} {
		const methods: string[] = [];
		const onResponse = (response: HTTPResponse) => {
			if (!isListCall(response)) return;
			const method = methodOf(response);
			if (method) methods.push(method);
		};
		this.page.on('response', onResponse);
		return {
			methods,
			stop: () => this.page.off('response', onResponse),
			// the call made with the value typed (not one still answering for the value the node was opened with)
			next: (method, parameter, value) =>
				this.page.waitForResponse(
					(r) => isListCall(r) && methodOf(r) === method && String(parametersOf(r)[parameter]) === value,
				),
		};
	}

	/** Types `value` into a text or number parameter, replacing what was there, and leaves the field. */
	async typeInto(parameterName: string, value: string): Promise<void> {
		const field = await this.parameter(parameterName);
		const input = (await field.waitForSelector('input, textarea'))!;
		await input.click({ count: 3 });
		await input.type(value);
		await this.page.keyboard.press('Tab');
	}

	/**
	 * Opens the dropdown of an options parameter and reads its items. With `reloadAfter`, first types that value
	 * into the parameter the list depends on and waits for n8n to call `method` again (the list refreshes).
	 */
	async openList(parameterName: string, method: string, reloadAfter?: { parameter: string; value: string }): Promise<OpenedList> {
		const calls = this.recordLoadOptions();
		try {
			// a dropdown reloads when the parameter changes, a "From list" picker when it opens: wait for either after both
			const reloaded = reloadAfter && calls.next(method, reloadAfter.parameter, reloadAfter.value);
			if (reloadAfter) await this.typeInto(reloadAfter.parameter, reloadAfter.value);
			const field = await this.parameter(parameterName);
			await field.evaluate((e) => e.scrollIntoView({ block: 'center' }));
			// a dropdown's input controls its list; a picker shows its items as rlc-item; a text box has neither
			// (a picker's mode selector is a dropdown too: look for the picker first)
			const picker = await field.$('input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input');
			const select = picker ? null : await field.$('input[aria-controls]');
			if (!select && !picker) throw new Error(`"${parameterName}" is not a dropdown: the editor shows it as a text box`);
			await (select ?? picker)!.click();
			await reloaded?.catch((error: Error) => {
				throw new Error(`n8n did not reload "${parameterName}" when "${reloadAfter!.parameter}" changed to ${reloadAfter!.value}: ${error.message}`);
			});
			const listId = select ? await select.evaluate((e) => e.getAttribute('aria-controls')) : null;
			// the items are there once n8n's loading placeholder has gone
			const labels = await this.page.waitForFunction(
				(id) => {
					const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed';
					if (!id) {
						const items = Array.from(document.querySelectorAll('[data-test-id="rlc-item"]')).filter(visible);
						return items.length ? items.map((e) => (e as HTMLElement).innerText.trim()) : false;
					}
					const list = document.getElementById(id);
					const popper = list?.closest('.el-select-dropdown, .el-popper') ?? list;
					if (!popper || !visible(popper)) return false;
					if (popper.querySelector('.el-select-dropdown__loading')) return false;
					const items = Array.from(popper.querySelectorAll('.el-select-dropdown__item')).map((e) => (e as HTMLElement).innerText.trim());
					return items.length ? items : false;
				},
				{},
				listId,
			);
			return { labels: (await labels.jsonValue()) as string[], methods: [...calls.methods] };
		} finally {
			calls.stop();
		}
	}

	/** Closes an open dropdown. */
	async closeList(): Promise<void> {
		await this.page.keyboard.press('Escape');
	}

	/** Opens the node panel (the canvas's "+"), searches `text` and returns the names of the nodes listed. */
	async searchNodePanel(text: string): Promise<string[]> {
		await this.page.click('[data-test-id="node-creator-plus-button"]');
		const search = (await this.page.waitForSelector(
			'input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input',
		))!;
		await search.type(text);
		const names = await this.page.waitForFunction(
			(wanted) => {
				const items = Array.from(
					document.querySelectorAll(
						'[data-test-id="node-creator"] [data-test-id="item-iterator-item"] [data-test-id="node-creator-item-name"]',
					),
				);
				const list = items.map((e) => (e as HTMLElement).innerText.trim());
				return list.some((name) => name.toLowerCase().includes(wanted.toLowerCase())) ? list : false;
			},
			{},
			text,
		);
		return (await names.jsonValue()) as string[];
	}

	/** In the node panel's search results, opens the node `name` and reads its Actions and Triggers sections. */
	async openNodePanelEntry(name: string): Promise<NodePage> {
		const items = await this.page.$$('[data-test-id="node-creator"] [data-test-id="item-iterator-item"]');
		for (const item of items) {
			const itemName = await item
				.$eval('[data-test-id="node-creator-item-name"]', (e) => (e as HTMLElement).innerText.trim())
				.catch(() => '');
			if (itemName === name) {
				await item.click();
				break;
			}
		}
		await this.page.waitForSelector('[data-test-id="node-creator"] [data-test-id="node-creator-category-item"]');
		const panel = (await this.page.$('[data-test-id="node-creator"]'))!;
		const triggers = await panel.$('[data-test-id="node-creator-category-item"][data-keyboard-nav-id="Triggers"]');
		// the Triggers section starts folded on an action node's page
		if (triggers && !(await panel.evaluate(sectionItems, 'Triggers')).length) {
			await triggers.click();
			await this.page.waitForFunction(
				(read, element) => (new Function(`return ${read}`)() as typeof sectionItems)(element, 'Triggers').length > 0,
				{},
				sectionItems.toString(),
				panel,
			);
		}
		return {
			actions: await panel.evaluate(sectionItems, 'Actions'),
			triggers: await panel.evaluate(sectionItems, 'Triggers'),
		};
	}

	/** Closes the node panel. */
	async closeNodePanel(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.waitForSelector('[data-test-id="node-creator"]', {
			hidden: true,
		});
	}

	/** Runs the open workflow from its "Execute workflow" button and waits until `lastNode` ran successfully. */
	async runWorkflow(lastNode: string): Promise<void> {
		const started = this.page.waitForResponse((r) => /\/rest\/workflows\/[^/]+\/run/.test(r.url()));
		await this.page.click('[data-test-id="execute-workflow-button"]');
		const response = await started;
		if (response.status() !== 200) throw new Error(`n8n did not start the workflow: ${response.status()} ${await response.text()}`);
		await this.page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${lastNode}"] [data-test-id="canvas-node-status-success"]`);
	}

	/** "Execute step" in the open node's view; resolves with the error message the output panel shows. */
	async executeStepExpectingError(): Promise<string> {
		await this.page.click('[data-test-id="ndv"] [data-test-id="node-execute-button"]');
		const message = await this.page.waitForSelector('[data-test-id="output-panel"] [data-test-id="node-error-message"]');
		return message!.evaluate((e) => (e as HTMLElement).innerText.trim());
	}

	/** A PNG of the window as it is. */
	async screenshot(path: string): Promise<void> {
		await this.page.screenshot({ path: path as `${string}.png` });
	}

	async close(): Promise<void> {
		await this.browser.close();
		rmSync(this.profile, { recursive: true, force: true });
	}
}

/** A `loadOptions` request's JSON body: the method and the node's parameters as the editor holds them. */
function requestOf(response: HTTPResponse): {
	methodName?: string;
	currentNodeParameters?: Record<string, unknown>;
} {
	try {
		return JSON.parse(response.request().postData() ?? '{}') as {
			methodName?: string;
		};
	} catch {
		return {};
	}
}

const methodOf = (response: HTTPResponse) => requestOf(response).methodName;
const parametersOf = (response: HTTPResponse) => requestOf(response).currentNodeParameters ?? {};

/**
 * In the page: the item names under a node page's section `title` ("Actions", "Triggers"), read from the panel's
 * text: a header "Actions (24)", group headers "EMITTED INVOICE ACTIONS", then one item per line.
 */
function sectionItems(panel: Element, title: string): string[] {
	const lines = (panel as HTMLElement).innerText
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const header = /^(Actions|Triggers) \(\d+\)$/;
	const start = lines.findIndex((l) => header.test(l) && l.startsWith(title));
	if (start < 0) return [];
	const items: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (header.test(line) || line === 'Manage') break;
		if (!/ ACTIONS$/.test(line)) items.push(line);
	}
	return items;
}
