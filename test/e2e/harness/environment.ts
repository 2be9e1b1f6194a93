/**
 * The environment of every n8n process of one instance ("quiet and local"): the CLI runs and the background
 * server or worker share it, so they share the user folder, the encryption key and the owner.
 */
import { join } from 'path';

import { cleanEnv, runOk } from './proc';
import type { Runtime } from './runtime';
import { majorStrategy, OWNER, type MajorStrategy } from './versions';

export class N8nEnvironment {
	private ownerHash = '';

	constructor(
		readonly runtime: Runtime,
		readonly userFolder: string,
		readonly encryptionKey: string,
		/** Extra environment for every process (the instance's `env` option; a worker adds its health server). */
		private extra: NodeJS.ProcessEnv = {},
	) {}

	/** What this instance's major does its own way (versions.ts). */
	get strategy(): MajorStrategy {
		return majorStrategy(this.runtime.major);
	}

	/** Adds to the extra environment of the processes started from now on. */
	add(env: NodeJS.ProcessEnv): void {
		this.extra = { ...this.extra, ...env };
	}

	/** The environment of a process serving on `port` with its task broker on `brokerPort`. */
	forProcess(port: number, brokerPort: number): NodeJS.ProcessEnv {
		const tmp = join(this.userFolder, 'tmp');
		const env: NodeJS.ProcessEnv = cleanEnv({
			PATH: this.runtime.path,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
			N8N_LOG_LEVEL: 'info', // `execute --rawOutput` prints the run through the logger at info level
			GENERIC_TIMEZONE: 'UTC',
			TZ: 'UTC',
			TMPDIR: tmp,
			NODE_COMPILE_CACHE: join(this.runtime.cacheRoot, 'tmp', 'node-compile-cache'),
		});
		return { ...env, ...this.strategy.env(this.ownerHash), ...this.extra };
	}

	/** Before the first process starts: the owner's bcrypt hash, when the major takes its owner from the environment. */
	async prepare(): Promise<void> {
		if (!this.strategy.ownerFromEnvironment || this.ownerHash) return;
		const result = await runOk(
			this.runtime.node,
			['-e', 'process.stdout.write(require("bcryptjs").hashSync(process.argv[1], 10))', OWNER.password],
			{ cwd: this.runtime.dir, what: 'bcrypt the owner password' },
		);
		this.ownerHash = result.stdout.trim();
	}
}
