import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** A self-signed certificate for 127.0.0.1, made at run time with the `openssl` CLI (no dependency). */
export interface Certificate {
	key: string;
	cert: string;
	/** The PEM file, for NODE_EXTRA_CA_CERTS of the processes that must trust it. */
	certFile: string;
	dispose(): void;
}

export function selfSignedCertificate(): Certificate {
	const dir = mkdtempSync(join(tmpdir(), 'chorus-bench-tls-'));
	const keyFile = join(dir, 'key.pem');
	const certFile = join(dir, 'cert.pem');
	try {
		execFileSync(
			'openssl',
			[
				'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
				'-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
			],
			{ stdio: 'pipe' },
		);
	} catch (error) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`no self-signed certificate: the openssl CLI failed or is missing (${(error as Error).message})`);
	}
	return {
		key: readFileSync(keyFile, 'utf8'),
		cert: readFileSync(certFile, 'utf8'),
		certFile,
		dispose: () => rmSync(dir, { recursive: true, force: true }),
	};
}
