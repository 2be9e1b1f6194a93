/**
 * An instance's sqlite database (`<user folder>/.n8n/database.sqlite`), read with n8n's own sqlite3 module in a
 * child process of the instance's Node (read-only; no server needed).
 */
import { join } from 'path';

import type { Execution } from './rest';
import { runOk } from './proc';
import type { Runtime } from './runtime';

const databaseFile = (userFolder: string) => join(userFolder, '.n8n', 'database.sqlite');

/** Rows of an SQL query. */
export async function sqliteRows<T>(runtime: Runtime, userFolder: string, sql: string, params: unknown[]): Promise<T[]> {
	const script = `
const sqlite3 = require('sqlite3');
const [file, sql, params] = process.argv.slice(1);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (e) => { if (e) { console.error(e.message); process.exit(2); } });
db.all(sql, JSON.parse(params), (e, rows) => {
  if (e) { console.error(e.message); process.exit(3); }
  process.stdout.write(JSON.stringify(rows));
  db.close();
});`;
	const result = await runOk(runtime.node, ['-e', script, databaseFile(userFolder), sql, JSON.stringify(params)], {
		cwd: runtime.dir,
		what: `sqlite query ${sql}`,
	});
	return JSON.parse(result.stdout) as T[];
}

/** Executions of a workflow with their (`flatted`-decoded) data, newest first. */
export async function readExecutions(runtime: Runtime, userFolder: string, workflowId: string): Promise<Execution[]> {
	const script = `
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');
const [file, workflowId] = process.argv.slice(1);
const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
db.all("select e.id, e.status, e.mode, e.workflowId, e.finished, e.startedAt, e.stoppedAt, d.data from execution_entity e left join execution_data d on d.executionId = e.id where e.workflowId = ? order by e.id desc", [workflowId], (e, rows) => {
  if (e) { console.error(e.message); process.exit(3); }
  process.stdout.write(JSON.stringify(rows.map((r) => ({ ...r, finished: !!r.finished, data: r.data ? parse(r.data) : undefined }))));
  db.close();
});`;
	const result = await runOk(runtime.node, ['-e', script, databaseFile(userFolder), workflowId], {
		cwd: runtime.dir,
		what: 'read executions from sqlite',
	});
	return JSON.parse(result.stdout) as Execution[];
}
