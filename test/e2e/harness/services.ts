/**
 * Redis and PostgreSQL for n8n's queue mode, from the machine's Debian packages (`.ci/run` installs
 * `redis-server` and `postgresql` when absent): each runs in the foreground on 127.0.0.1, on a free port, with
 * its data in a throwaway folder, tracked like every other harness process (stopped by `stopEverything`).
 * PostgreSQL is a cluster of our own made by `initdb`, never the system one; as root it runs as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs, readdirSync, rmSync } from 'fs';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { progress, runOk, sleep, startBackground, stopPid, tail, uniqueFreePort, type Background } from './proc';

export interface Service {
	port: number;
	/** Stops the server and removes its folder. */
	stop(): Promise<void>;
}

const MISSING = 'install it (`.ci/run` does: apt-get install -y redis-server postgresql)';

/** Polls `ready` every 250 ms until it is true; throws with the server's output after `timeoutMs`. */
async function waitReady(what: string, server: Background, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await ready())) {
		if (!server.isRunning()) throw new Error(`${what} exited early:\n${tail(server.output())}`);
		if (Date.now() > deadline) {
			await stopPid(server.pid);
			throw new Error(`${what}: not ready after ${timeoutMs} ms:\n${tail(server.output())}`);
		}
		await sleep(250);
	}
}

async function throwawayFolder(prefix: string): Promise<string> {
	const folder = await fs.mkdtemp(join(tmpdir(), prefix));
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	return folder;
}

/** One PING on a fresh connection: true when the answer is +PONG. */
function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(2000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** `redis-server` on 127.0.0.1 with no persistence. */
export async function startRedis(): Promise<Service> {
	if (!existsSync('/usr/bin/redis-server')) throw new Error(`redis-server is not installed: ${MISSING}`);
	const folder = await throwawayFolder('chorus-redis-');
	const port = await uniqueFreePort();
	const server = startBackground(
		'/usr/bin/redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder],
		{ cwd: folder, label: `redis-server (port ${port})` },
	);
	await waitReady('redis-server', server, () => redisPing(port));
	progress(`redis-server ready on port ${port}, PID ${server.pid}`);
	return {
		port,
		stop: async () => {
			await stopPid(server.pid);
			await fs.rm(folder, { recursive: true, force: true });
		},
	};
}

/** The newest PostgreSQL server of the Debian packages: `/usr/lib/postgresql/<major>/bin`. */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!majors.length) throw new Error(`PostgreSQL is not installed (no ${root}/<version>/bin/initdb): ${MISSING}`);
	return join(root, majors[0], 'bin');
}

/** Root cannot run PostgreSQL: its processes then run as the `postgres` user the Debian package creates. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

export interface Postgres extends Service {
	database: string;
	user: string;
	password: string;
}

/** A PostgreSQL cluster of our own (`initdb`, trust on loopback) with a database and user `n8n`. */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBin();
	const as = postgresUser();
	const folder = await throwawayFolder('chorus-pg-');
	const data = join(folder, 'data');
	await fs.mkdir(data, { mode: 0o700 });
	if (as) {
		await fs.chown(folder, as.uid, as.gid);
		await fs.chown(data, as.uid, as.gid);
	}
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: folder };
	const asPostgres = { cwd: folder, env, ...as };
	await runOk(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8'], { ...asPostgres, what: 'initdb', timeoutMs: 120_000 });
	const port = await uniqueFreePort();
	// fsync off: a throwaway cluster; max_connections: three n8n processes and their CLI runs
	const settings = ['listen_addresses=127.0.0.1', `port=${port}`, `unix_socket_directories=${folder}`, 'max_connections=100', 'fsync=off'];
	const server = startBackground(join(bin, 'postgres'), ['-D', data, ...settings.flatMap((s) => ['-c', s])], {
		...asPostgres,
		label: `postgres (port ${port})`,
	});
	const psql = (sql: string) =>
		runOk(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			env,
			what: `psql ${sql}`,
		});
	await waitReady('postgres', server, () => psql('select 1').then(() => true, () => false));
	await psql("create user n8n password 'n8n'");
	await psql('create database n8n owner n8n');
	progress(`postgres ready on port ${port}, PID ${server.pid}`);
	return {
		port,
		database: 'n8n',
		user: 'n8n',
		password: 'n8n',
		stop: async () => {
			await stopPid(server.pid);
			await fs.rm(folder, { recursive: true, force: true });
		},
	};
}
