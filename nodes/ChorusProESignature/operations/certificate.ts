import { LIMITS } from '../../shared/limits';
import type { Field, Operation, Resource } from '../../shared/operation';
import { getPath, setPath } from '../../shared/parameters';
import { api, inputError, millisOf } from './common';
import { dssEvidence } from './evidence';
import { certificateDer, remoteCertificates } from './x509';

/** Verifying a certificate (annex table 4.1: Certificate → /certificate/verify), DSS's certificate validation. */

const validationTime: Field = {
	name: 'validationTime',
	label: 'Validation Time',
	type: 'string',
	in: 'none',
	description: 'Check the certificate as of this date (epoch milliseconds or ISO 8601); now when empty (validationTime)',
};

const chainField: Field = {
	name: 'certificateChain',
	label: 'Certificate Chain',
	type: 'string',
	in: 'none',
	description: 'Issuer certificates the service may lack, PEM bundle or base64 values separated by commas (certificateChain)',
};

export const certificateOperations: Operation[] = [
	{
		resource: 'certificate',
		operation: 'verify',
		name: 'Verify Certificate',
		action: 'Verify a certificate',
		description: 'Check a certificate (validity, chain, revocation) from a .cer, .crt or .pem file (vérification des certificats)',
		api,
		method: 'POST',
		path: '/certificate/verify',
		fields: [validationTime, chainField],
		mutates: false,
		binaryIn: { contentKey: 'certificate.encodedCertificate', maxBytes: LIMITS.certificateBytes, limitLabel: '1 MB per certificate' },
		hooks: {
			// Special: the file may be PEM or DER; the API wants base64 DER. Checked here, before anything is sent.
			prepare: (ctx, request) => {
				const der = certificateDer(Buffer.from(String(getPath(request.body, 'certificate.encodedCertificate')), 'base64'));
				if (!der) throw inputError(ctx, 'binaryPropertyName', 'the file is not an X.509 certificate (expected .cer/.crt DER or PEM)');
				setPath(request.body, 'certificate.encodedCertificate', der.toString('base64'));
				if (ctx.params.certificateChain !== undefined) {
					const chain = remoteCertificates(String(ctx.params.certificateChain));
					if (!chain) throw inputError(ctx, 'certificateChain', 'one of the values is not an X.509 certificate');
					request.body.certificateChain = chain;
				}
				if (ctx.params.validationTime !== undefined) request.body.validationTime = millisOf(ctx, 'validationTime');
			},
		},
		evidence: dssEvidence('Certificate / Vérification des certificats', 'RestCertificateValidationService.validateCertificate, CertificateToValidateDTO {certificate: RemoteCertificate {encodedCertificate}, certificateChain, validationTime}, answer CertificateReportsDTO'),
	},
];

export const certificateResource: Resource = { name: 'Certificate', value: 'certificate', description: 'Verify certificates' };
