/**
 * One-time set-up of the n8n-core 1.122 runtime that the execution contexts expect to find:
 * - `InstanceSettings` (read by every `NodeExecutionContext` constructor and by the `Cipher` that encrypts
 *   credentials) pointed at a throw-away user folder with a fixed encryption key, so nothing is read from or
 *   written to the developer's `~/.n8n`;
 * - the `BinaryDataService` in mode `default` (binary kept in memory as base64 in `IBinaryData.data`, which is
 *   what an n8n instance without `N8N_DEFAULT_BINARY_DATA_MODE` does);
 * - a recording logger behind both of n8n's logging entry points (`LoggerProxy` from n8n-workflow and the
 *   `Logger` service from `@n8n/backend-common` that `this.logger` and `ErrorReporter` use), so tests can
 *   assert that no secret ever reaches a log line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';

import type * as BackendCommon from '@n8n/backend-common';
import type * as DI from '@n8n/di';
import { BinaryDataService, ErrorReporter, InstanceSettings } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import type { LogMetadata, Logger as WorkflowLogger } from 'n8n-workflow';

// The environment must be in place before the first `Container.get`, because the @n8n/config classes
// (`InstanceSettingsConfig`, `BinaryDataConfig`) read process.env when the container first builds them.
const userFolder = mkdtempSync(path.join(tmpdir(), 'chorus-pro-n8n-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY = 'chorus-pro-harness-encryption-key';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'true'; // the settings file is written 0600: no warning
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'default';
process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));

/**
 * n8n-core 1.122 ships its own nested copies of `@n8n/di` (0.10) and `@n8n/backend-common` (0.33): the
 * top-level ones in node_modules (pulled in by @n8n/node-cli) are other versions with *another* `Container`.
 * Resolve them from n8n-core's folder so we register services in the container n8n-core reads. Going through
 * `require` (not `createRequire`) keeps jest's module registry, hence the same module instances as n8n-core.
 */
function requireFromCore<T>(id: string): T {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(id, { paths: [coreDir] })) as T;
}

export const Container: typeof DI.Container = requireFromCore<typeof DI>('@n8n/di').Container;
export const Logger: typeof BackendCommon.Logger =
	requireFromCore<typeof BackendCommon>('@n8n/backend-common').Logger;

export interface CapturedLogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: LogMetadata;
	/** `level message metadata`, metadata rendered deeply (errors, their causes, axios configs...). */
	line: string;
}

const logLines: CapturedLogLine[] = [];

function record(level: CapturedLogLine['level'], message: string, metadata?: LogMetadata) {
	const rendered =
		metadata === undefined ? '' : ` ${inspect(metadata, { depth: 8, breakLength: Infinity })}`;
	logLines.push({ level, message, metadata, line: `${level} ${message}${rendered}` });
}

type RecordingLogger = WorkflowLogger & { scoped(): RecordingLogger };

/** Structural stand-in for backend-common's `Logger` (the real one builds winston transports from config). */
const recordingLogger: RecordingLogger = {
	error: (message: string, metadata?: LogMetadata) => record('error', message, metadata),
	warn: (message: string, metadata?: LogMetadata) => record('warn', message, metadata),
	info: (message: string, metadata?: LogMetadata) => record('info', message, metadata),
	debug: (message: string, metadata?: LogMetadata) => record('debug', message, metadata),
	scoped() {
		return recordingLogger;
	},
};

// Registered before anything asks for it: `InstanceSettings` and `ErrorReporter` receive it by injection.
// The cast is needed because the class type carries private winston members we do not emulate.
Container.set(Logger, recordingLogger as unknown as BackendCommon.Logger);
LoggerProxy.init(recordingLogger);

/** Every line logged through n8n so far (both LoggerProxy and the DI Logger), oldest first. */
export function capturedLogs(): string[] {
	return logLines.map((entry) => entry.line);
}

/** Same, with level and raw metadata. */
export function capturedLogEntries(): readonly CapturedLogLine[] {
	return logLines;
}

export function clearCapturedLogs(): void {
	logLines.length = 0;
}

let ready: Promise<void> | undefined;

/**
 * Builds the n8n services once per test file (jest gives each file its own module registry, hence its own
 * container). `BinaryDataService.init()` is what n8n's `BaseCommand.init` calls at start-up; with mode
 * `default` it registers no manager for that mode, so `store()` keeps the bytes inline as base64.
 */
export async function ensureN8nRuntime(): Promise<void> {
	ready ??= (async () => {
		Container.get(InstanceSettings);
		Container.get(ErrorReporter);
		await Container.get(BinaryDataService).init();
	})();
	await ready;
}
