import type { IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './transport';

/**
 * Whether the credential points at Chorus Pro's qualification platform: the Sandbox environment, or a custom URL
 * declared as qualification data. There, test structures carry SIRET/SIREN that fail the INSEE checksum (AIFE's own
 * examples use 00000000011559; the sandbox structure of turbo124/piste-gouv-fr's tests is 50419910266307), so a
 * checksum failure is a warning; production keeps the strict check.
 */
export async function onQualificationPlatform(fn: IExecuteFunctions): Promise<boolean> {
	const credentials = await fn.getCredentials(CREDENTIAL_TYPE);
	const environment = credentials.environment ?? 'sandbox';
	return environment === 'sandbox' || (environment === 'custom' && credentials.customPlatform === 'qualification');
}
