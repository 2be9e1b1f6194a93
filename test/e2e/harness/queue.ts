/**
 * n8n in queue mode (scaling mode), the way users scale out: one main (editor, triggers, webhooks) and
 * workers (`n8n worker`) that run the executions, Redis as the queue, PostgreSQL as the shared database.
 * Every process has its own user folder with the package deployed into it, the same encryption key and the
 * same database. The settings are those of ../../shared/real-n8n/queue-mode.md, which worked by hand.
 */
import { N8nInstance } from './n8n';
import { startPostgres, startRedis, type Postgres, type Service } from './services';
import type { Runtime } from './runtime';

export interface QueueModeOptions {
	workers: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`). */
	concurrency: number;
	/** Whether worker `index` gets the package (default: every worker; a user who forgets one gets failures). */
	deployToWorker?: (index: number) => boolean;
}

export class QueueMode {
	private constructor(
		readonly main: N8nInstance,
		readonly workers: N8nInstance[],
		private readonly redis: Service,
		private readonly postgres: Postgres,
		private readonly concurrency: number,
	) {}

	/** Starts Redis and PostgreSQL and prepares the user folders (n8n itself is not started yet). */
	static async create(runtime: Runtime, options: QueueModeOptions): Promise<QueueMode> {
		const redis = await startRedis();
		const postgres = await startPostgres();
		const env: NodeJS.ProcessEnv = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
		const encryptionKey = 'chorus-e2e-queue-mode-key-0001';
		const main = await N8nInstance.create(runtime, { encryptionKey, env });
		const workers: N8nInstance[] = [];
		for (let i = 0; i < options.workers; i++) {
			const deploy = options.deployToWorker?.(i) ?? true;
			workers.push(await N8nInstance.create(runtime, { encryptionKey, env, deploy }));
		}
		return new QueueMode(main, workers, redis, postgres, options.concurrency);
	}

	/** Starts every worker that is not running (once a CLI import or main has migrated the database). */
	async startWorkers(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.startWorker({ concurrency: this.concurrency })));
	}

	/**
	 * Index of the worker that ran an execution (each worker logs "Worker started execution <id> (job <n>)"),
	 * or -1 when none did.
	 */
	workerOf(executionId: string | number): number {
		const line = `Worker started execution ${executionId} (`;
		return this.workers.findIndex((w) => w.serverOutput().includes(line));
	}

	/** Stops n8n (workers first, then main), then Redis and PostgreSQL, and removes every folder. */
	async dispose(): Promise<void> {
		await Promise.all(this.workers.map((w) => w.dispose()));
		await this.main.dispose();
		await this.redis.stop();
		await this.postgres.stop();
	}
}
