/**
 * The Chorus Pro E-Signature node through n8n-core's real ExecuteContext against the simulator: every operation
 * of the six table 4.1 resources, files in and out as n8n binary data, a seal and a three-step personal signature
 * (the test holds the private key, as a signing device would) whose results the verification service then
 * checks; wrong input refused before any HTTP call; the simulator's own refusals; the prefix override.
 */
import { execFileSync } from 'child_process';
import { constants, createPrivateKey, sign, X509Certificate } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ChorusProESignature } from '../../nodes/ChorusProESignature/ChorusProESignature.node';
import { eSignatureOperations } from '../../nodes/ChorusProESignature/operations';
import { binaryBuffer, binaryItem, CredentialStore } from '../harness/run';
import { SimClient } from '../simulator/client';
import { register as registerESignature } from '../simulator/apis/eSignature';
import { minimalPdf } from '../simulator/factures/documents';
import type { RecordedRequest } from '../simulator/server';
import { useSimulator } from './fixture';

const node = new ChorusProESignature();
const PREFIX = '/cpro/esignature/v1';
const { sim, credentials, run, failing: refused, itRanEveryOperation } = useSimulator(node, { seed: 'empty' });
let work: string;
/** A self-signed signer certificate and its key, made by the system openssl (independent of the code under test). */
let certPem: string;
let certDer: Buffer;
let keyPem: string;

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'esignature-'));
	execFileSync('openssl', [
		'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=Jeanne Signataire/O=Mairie de Test/C=FR',
		'-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem'),
	], { stdio: 'ignore' });
	execFileSync('openssl', ['x509', '-in', join(work, 'cert.pem'), '-outform', 'DER', '-out', join(work, 'cert.der')]);
	certPem = readFileSync(join(work, 'cert.pem'), 'utf8');
	certDer = readFileSync(join(work, 'cert.der'));
	keyPem = readFileSync(join(work, 'key.pem'), 'utf8');
});

afterAll(() => {
	rmSync(work, { recursive: true, force: true });
});

const bodyOf = (r: RecordedRequest) => r.body as IDataObject;
const PDF = minimalPdf('Acte d’engagement', ['Marché 2026-17', 'Lot 2 : maintenance']);
const XML = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Contrat><Numero>2026-17</Numero></Contrat>\n', 'utf8');
const pdfItem = () => binaryItem(PDF, 'acte-engagement.pdf', 'application/pdf');

/** Runs the report operation on a signed file (and optionally the detached original) and returns its simple report. */
async function verifyFile(file: Buffer, name: string, original?: Buffer): Promise<IDataObject> {
	const item = await binaryItem(file, name);
	if (original) item.binary = { ...item.binary, ...(await binaryItem(original, 'original.txt', 'text/plain', { property: 'original' })).binary };
	const { items } = await run('verification', 'verify', original ? { additionalFields: { originalBinaryPropertyName: 'original' } } : {}, [item]);
	return items[0].json.simpleReport as IDataObject;
}

/** A signing date inside the 30 days of the test certificate (whole seconds, as ISO and as epoch milliseconds). */
const SIGNED_AT = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);

const firstSignature = (report: IDataObject) =>
	((report.signatureOrTimestampOrEvidenceRecord as IDataObject[])[0].Signature as IDataObject);

describe('seal and verification', () => {
	let sealed: Buffer;

	it('seal: the PDF goes as base64 in toSignDocument, the sealed PDF comes back as binary in the output field', async () => {
		const { items, sent } = await run('seal', 'signDocument', {
			signatureLevel: 'PAdES_BASELINE_B', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256', outputBinaryPropertyName: 'signed',
		}, [await pdfItem()]);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PREFIX}/seal/signDocument`]);
		expect(sent[0].headers['content-type']).toMatch(/^application\/json/);
		expect(bodyOf(sent[0])).toEqual({
			toSignDocument: { bytes: PDF.toString('base64'), name: 'acte-engagement.pdf' },
			parameters: { signatureLevel: 'PAdES_BASELINE_B', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256' },
		});
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].binary ?? {})).toEqual(['signed']);
		expect(items[0].json).toMatchObject({ name: 'acte-engagement-pades-baseline-b.pdf', fileName: 'acte-engagement-pades-baseline-b.pdf', mimeType: 'application/pdf' });
		expect(items[0].json).not.toHaveProperty('bytes');
		sealed = await binaryBuffer(items[0], 'signed');
		expect(sealed.subarray(0, PDF.length).equals(PDF)).toBe(true);
		expect(sealed.length).toBeGreaterThan(PDF.length);
		expect(items[0].json.fileSize).toBe(sealed.length);
	});

	it('verify: the sealed file has one signature, TOTAL_PASSED; the unsigned one none; a tampered one fails', async () => {
		const { sent } = await run('verification', 'verify', {}, [await binaryItem(sealed, 'scelle.pdf')]);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PREFIX}/reports`]);
		expect(bodyOf(sent[0])).toEqual({ signedDocument: { bytes: sealed.toString('base64'), name: 'scelle.pdf' } });

		const report = await verifyFile(sealed, 'scelle.pdf');
		expect(report).toMatchObject({ signaturesCount: 1, validSignaturesCount: 1 });
		expect(firstSignature(report)).toMatchObject({ Indication: 'TOTAL_PASSED', SignatureFormat: 'PAdES_BASELINE_B' });

		expect(await verifyFile(PDF, 'brut.pdf')).toMatchObject({ signaturesCount: 0, validSignaturesCount: 0 });

		const tampered = Buffer.from(sealed);
		tampered[PDF.indexOf('Marché') + 1] ^= 0x01;
		expect(firstSignature(await verifyFile(tampered, 'modifie.pdf'))).toMatchObject({ Indication: 'TOTAL_FAILED', SubIndication: 'HASH_FAILURE' });
	});

	it('policy: the verification policy comes back as an XML file', async () => {
		const { items, sent } = await run('verification', 'getPolicy', { binaryPropertyName: 'policy' });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${PREFIX}/policy`]);
		expect(items[0].json).toMatchObject({ fileName: 'politique-verification-signature.xml', mimeType: 'application/xml' });
		expect((await binaryBuffer(items[0], 'policy')).toString('utf8')).toMatch(/<ConstraintsParameters/);
	});
});

describe('personal signature in three steps', () => {
	const signWithOurKey = (dataToSign: string) => sign('sha256', Buffer.from(dataToSign, 'base64'), createPrivateKey(keyPem)).toString('base64');

	it('data to sign → our key signs → signed document; the signature verifies (no trusted chain for a self-signed certificate)', async () => {
		const common = { signatureLevel: 'XAdES_BASELINE_B', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256', signingCertificate: certPem };
		const step1 = await run('signature', 'getDataToSign', { ...common, signingDate: SIGNED_AT.toISOString() }, [await binaryItem(XML, 'contrat.xml', 'application/xml')]);
		expect(step1.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PREFIX}/signature/dataToSign`]);
		expect(bodyOf(step1.sent[0])).toEqual({
			toSignDocument: { bytes: XML.toString('base64'), name: 'contrat.xml' },
			parameters: {
				signatureLevel: 'XAdES_BASELINE_B', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256',
				// PEM in the parameter, DER as openssl writes it on the wire; the date as DSS's epoch milliseconds
				signingCertificate: { encodedCertificate: certDer.toString('base64') },
				blevelParams: { signingDate: SIGNED_AT.getTime() },
			},
		});
		const { bytes, signingDate } = step1.items[0].json as { bytes: string; signingDate: number };
		expect(signingDate).toBe(SIGNED_AT.getTime());
		expect(step1.items[0].binary).toBeUndefined();

		const step3 = await run('signature', 'signDocument', {
			...common, signingDate: String(signingDate), signatureValue: signWithOurKey(bytes), signatureAlgorithm: 'RSA_SHA256',
		}, [await binaryItem(XML, 'contrat.xml', 'application/xml')]);
		expect(step3.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PREFIX}/signature/signDocument`]);
		expect(bodyOf(step3.sent[0]).signatureValue).toEqual({ algorithm: 'RSA_SHA256', value: signWithOurKey(bytes) });
		const signed = await binaryBuffer(step3.items[0]);
		expect(step3.items[0].json).toMatchObject({ mimeType: 'application/xml' });
		expect(signed.subarray(0, XML.length).equals(XML)).toBe(true);

		const report = await verifyFile(signed, 'contrat-signe.xml');
		expect(report).toMatchObject({ signaturesCount: 1, validSignaturesCount: 0 });
		expect(firstSignature(report)).toMatchObject({ Indication: 'INDETERMINATE', SubIndication: 'NO_CERTIFICATE_CHAIN_FOUND', SignedBy: 'Jeanne Signataire' });
	});

	it('step 3 with another signing date than step 1 yields a signature that fails verification', async () => {
		const common = { signatureLevel: 'PAdES_BASELINE_B', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256', signingCertificate: certPem };
		const step1 = await run('signature', 'getDataToSign', common, [await pdfItem()]);
		const { bytes, signingDate } = step1.items[0].json as { bytes: string; signingDate: number };
		expect(signingDate % 1000).toBe(0);
		const step3 = await run('signature', 'signDocument', {
			...common, signingDate: String(signingDate + 1000), signatureValue: signWithOurKey(bytes), signatureAlgorithm: 'RSA_SHA256',
		}, [await pdfItem()]);
		expect(firstSignature(await verifyFile(await binaryBuffer(step3.items[0]), 'signe.pdf'))).toMatchObject({ Indication: 'TOTAL_FAILED', SubIndication: 'SIG_CRYPTO_FAILURE' });
	});

	it('the declared signature algorithm is the one checked: an RSA-PSS value verifies as PSS, not as PKCS#1 v1.5', async () => {
		const common = { signatureLevel: 'PAdES_BASELINE_T', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256', signingCertificate: certPem, signingDate: SIGNED_AT.toISOString() };
		const step1 = await run('signature', 'getDataToSign', common, [await pdfItem()]);
		const pss = sign('sha256', Buffer.from(String(step1.items[0].json.bytes), 'base64'), {
			key: createPrivateKey(keyPem), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32,
		}).toString('base64');
		const indication = async (signatureAlgorithm: string) => {
			const step3 = await run('signature', 'signDocument', { ...common, signatureValue: pss, signatureAlgorithm }, [await pdfItem()]);
			return firstSignature(await verifyFile(await binaryBuffer(step3.items[0]), 'signe.pdf'));
		};
		expect(await indication('RSA_SSA_PSS_SHA256_MGF1')).toMatchObject({ Indication: 'INDETERMINATE', SubIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
		expect(await indication('RSA_SHA256')).toMatchObject({ Indication: 'TOTAL_FAILED', SubIndication: 'SIG_CRYPTO_FAILURE' });
	});

	it('a detached XAdES signature of any file is verified with the signed file given apart', async () => {
		const text = Buffer.from('Mémoire technique, version finale\n', 'utf8');
		const common = { signatureLevel: 'XAdES_BASELINE_B', signaturePackaging: 'DETACHED', digestAlgorithm: 'SHA512', signingCertificate: certPem, signingDate: String(SIGNED_AT.getTime()) };
		const step1 = await run('signature', 'getDataToSign', common, [await binaryItem(text, 'memoire.txt', 'text/plain')]);
		const step3 = await run('signature', 'signDocument', {
			...common, signatureValue: signWithOurKey(String(step1.items[0].json.bytes)), signatureAlgorithm: 'RSA_SHA256',
		}, [await binaryItem(text, 'memoire.txt', 'text/plain')]);
		const signature = await binaryBuffer(step3.items[0]);
		expect(signature.toString('utf8')).toMatch(/^<\?xml/);

		expect(firstSignature(await verifyFile(signature, 'memoire.xml'))).toMatchObject({ Indication: 'INDETERMINATE', SubIndication: 'SIGNED_DATA_NOT_FOUND' });
		const { sent } = await run('verification', 'verify', { additionalFields: { originalBinaryPropertyName: 'original' } }, [
			{ json: {}, binary: { ...(await binaryItem(signature, 'memoire.xml')).binary, ...(await binaryItem(text, 'memoire.txt', 'text/plain', { property: 'original' })).binary } },
		]);
		expect(bodyOf(sent[0]).originalDocuments).toEqual([{ bytes: text.toString('base64'), name: 'memoire.txt' }]);
		expect(firstSignature(await verifyFile(signature, 'memoire.xml', text))).toMatchObject({ Indication: 'INDETERMINATE', SubIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
	});
});

describe('certificate verification', () => {
	it('a PEM file is sent as base64 DER; the report names the holder; a validation time after expiry is out of bounds', async () => {
		const pemItem = () => binaryItem(certPem, 'signataire.pem', 'application/x-pem-file');
		const { items, sent } = await run('certificate', 'verify', {}, [await pemItem()]);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PREFIX}/certificate/verify`]);
		expect(bodyOf(sent[0])).toEqual({ certificate: { encodedCertificate: certDer.toString('base64') } });
		const chain = (items[0].json.simpleCertificateReport as IDataObject).chain as IDataObject[];
		expect(chain[0]).toMatchObject({ subject: { commonName: 'Jeanne Signataire' }, selfSigned: true, SubIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });

		const later = new Date(new X509Certificate(certDer).validTo).getTime() + 86_400_000;
		const derFile = await binaryItem(certDer, 'signataire.cer', 'application/pkix-cert');
		const expired = await run('certificate', 'verify', { additionalFields: { validationTime: new Date(later).toISOString() } }, [derFile]);
		expect(bodyOf(expired.sent[0])).toEqual({ certificate: { encodedCertificate: certDer.toString('base64') }, validationTime: later });
		expect(((expired.items[0].json.simpleCertificateReport as IDataObject).chain as IDataObject[])[0]).toMatchObject({ SubIndication: 'OUT_OF_BOUNDS_NO_POE' });
	});
});

describe('input checks before any call', () => {
	const sealParams = { signatureLevel: 'PAdES_BASELINE_B', signaturePackaging: 'ENVELOPED', digestAlgorithm: 'SHA256' };
	const signParams = { ...sealParams, signingCertificate: certPem ?? '' };

	it.each([
		['no binary field', 'seal', 'signDocument', () => sealParams, async () => ({ json: {} }), /no binary field "data"/],
		['PAdES on a text file', 'seal', 'signDocument', () => sealParams, () => binaryItem('bonjour', 'note.txt', 'text/plain'), /Signature Level.*PAdES signature goes inside a PDF/],
		['PAdES detached', 'seal', 'signDocument', () => ({ ...sealParams, signaturePackaging: 'DETACHED' }), pdfItem, /Signature Packaging.*always enveloped/],
		['enveloped XAdES on a PDF', 'seal', 'signDocument', () => ({ ...sealParams, signatureLevel: 'XAdES_BASELINE_B' }), pdfItem, /Signature Packaging.*inside an XML document/],
		['a certificate that is not one', 'signature', 'getDataToSign', () => ({ ...sealParams, signingCertificate: 'MIIBbroken' }), pdfItem, /Signing Certificate.*not an X\.509 certificate/],
		['a signing date that is not one', 'signature', 'getDataToSign', () => ({ ...signParams, signingCertificate: certPem, signingDate: 'hier' }), pdfItem, /Signing Date.*neither epoch/],
		['step 3 without the signing date', 'signature', 'signDocument', () => ({ ...signParams, signingCertificate: certPem, signatureValue: 'AAAA', signatureAlgorithm: 'RSA_SHA256' }), pdfItem, /"Signing Date" is required \(item 1\)/],
		['a signature value that is not base64', 'signature', 'signDocument', () => ({ ...signParams, signingCertificate: certPem, signingDate: '1767261600000', signatureValue: 'pas du base64!', signatureAlgorithm: 'RSA_SHA256' }), pdfItem, /Signature Value.*not base64/],
		['a certificate file that is not one', 'certificate', 'verify', () => ({}), () => binaryItem('pas un certificat', 'faux.pem', 'text/plain'), /not an X\.509 certificate/],
		['a detached content field that is missing', 'verification', 'verify', () => ({ additionalFields: { originalBinaryPropertyName: 'original' } }), pdfItem, /no binary field "original"/],
	])('%s', async (_label, resource, operation, parameters, item, message) => {
		const { error, sent } = await refused(resource, operation, parameters() as INodeParameters, [await item()]);
		expect(sent).toBe(0);
		expect(error.message).toMatch(message);
	});
});

describe('the simulator refuses what DSS would', () => {
	const client = () => new SimClient(sim);

	it('a missing document, a misspelt key and an unsupported level (422), a non-PDF in PAdES and a broken certificate (400), a wrong content type (415)', async () => {
		const c = client();
		await c.fetchToken();
		const parameters = { signatureLevel: 'PAdES_BASELINE_B', signaturePackaging: 'ENVELOPED' };
		expect((await c.post(`${PREFIX}/seal/signDocument`, { parameters })).status).toBe(422);
		expect((await c.post(`${PREFIX}/seal/signDocument`, { toSignDocument: { octets: 'AAAA' }, parameters })).status).toBe(422);
		expect((await c.post(`${PREFIX}/seal/signDocument`, { toSignDocument: { bytes: PDF.toString('base64') }, parameters: { ...parameters, signatureLevel: 'CAdES_BASELINE_B' } })).status).toBe(422);
		expect((await c.post(`${PREFIX}/seal/signDocument`, { toSignDocument: { bytes: XML.toString('base64') }, parameters })).status).toBe(400);
		const broken = await c.post(`${PREFIX}/signature/dataToSign`, { toSignDocument: { bytes: PDF.toString('base64') }, parameters: { ...parameters, signingCertificate: { encodedCertificate: 'AAAA' } } });
		expect(broken.status).toBe(400);
		expect(broken.body.detail).toMatch(/certificat illisible/);
		const noCertificate = await c.post(`${PREFIX}/signature/dataToSign`, { toSignDocument: { bytes: PDF.toString('base64') }, parameters });
		expect(noCertificate.status).toBe(400);
		expect((await c.send('POST', `${PREFIX}/reports`, JSON.stringify({ signedDocument: { bytes: 'AAAA' } }), { 'Content-Type': 'text/plain' })).status).toBe(415);
	});
});

describe('prefix', () => {
	it("the credential's E-signature base path (API Base Paths) changes the path the simulator receives", async () => {
		const custom = '/custom/signature-electronique/v2';
		registerESignature(sim.router, sim.store, custom);
		const overridden = new CredentialStore({ ...credentials.data, apiBasePaths: { eSignature: custom } });
		const { sent } = await run('verification', 'getPolicy', {}, undefined, overridden);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${custom}/policy`]);
	});
});

itRanEveryOperation(eSignatureOperations);
