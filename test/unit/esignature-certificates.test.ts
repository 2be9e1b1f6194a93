/**
 * How the E-Signature node reads certificates and dates before sending them: DER, PEM (text or file bytes) and
 * base64 all become the DER DSS carries as `encodedCertificate`; anything else is refused. The certificates are
 * made by the system openssl, independently of the code under test.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { certificateDer, certificateList, epochMillis, remoteCertificates } from '../../nodes/ChorusProESignature/operations/x509';

let dir: string;
const pem: string[] = [];
const der: Buffer[] = [];

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'certs-'));
	for (const name of ['a', 'b']) {
		execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.pem`)], { stdio: 'ignore' });
		execFileSync('openssl', ['x509', '-in', join(dir, `${name}.pem`), '-outform', 'DER', '-out', join(dir, `${name}.der`)]);
		pem.push(readFileSync(join(dir, `${name}.pem`), 'utf8'));
		der.push(readFileSync(join(dir, `${name}.der`)));
	}
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('certificates', () => {
	it('reads DER bytes, PEM text, PEM file bytes and base64 text as the same DER', () => {
		for (const input of [der[0], pem[0], Buffer.from(pem[0], 'utf8'), der[0].toString('base64'), `\n${der[0].toString('base64')}\n`]) {
			expect(certificateDer(input)?.equals(der[0])).toBe(true);
		}
	});

	it('refuses what is not one certificate', () => {
		for (const input of ['', 'MIIBbroken', 'pas un certificat', Buffer.from('%PDF-1.7'), pem[0] + pem[1], der[0].subarray(0, 100)]) {
			expect(certificateDer(input)).toBeUndefined();
		}
	});

	it('reads a PEM bundle or comma-separated base64 as a chain, and refuses a chain with one bad value', () => {
		expect(certificateList(pem[0] + pem[1])?.map((c) => c.toString('hex'))).toEqual(der.map((c) => c.toString('hex')));
		expect(remoteCertificates(`${der[0].toString('base64')}, ${der[1].toString('base64')}`)).toEqual(der.map((c) => ({ encodedCertificate: c.toString('base64') })));
		expect(certificateList(`${der[0].toString('base64')},AAAA`)).toBeUndefined();
	});
});

describe('dates', () => {
	it('takes epoch milliseconds or ISO 8601 and refuses the rest', () => {
		expect(epochMillis('1767261600000')).toBe(1767261600000);
		expect(epochMillis(1767261600000)).toBe(1767261600000);
		expect(epochMillis('2026-01-01T10:00:00Z')).toBe(Date.UTC(2026, 0, 1, 10));
		for (const bad of ['hier', '12345', '2026-13-45', '']) expect(epochMillis(bad)).toBeUndefined();
	});
});
