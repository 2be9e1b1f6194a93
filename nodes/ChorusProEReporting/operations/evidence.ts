import { unpublished, type EvidenceTable } from '../../shared/evidence';

const AFNOR =
	'AFNOR XP Z12-013 "Flow Service" 1.2.0 (cmendezs/mcp-facture-electronique-fr:specs/ANNEXE A - XP Z12-013 - Flow_Service-1.2.0-swagger-resolved.json) and the DGFiP external specifications v1.1 (flux rules)';
const NAME_ONLY =
	'Only the API name and purpose are public (DGFiP external specifications v1.1); table 4.1 lists no resource';

/** Where each E-Reporting operation's request shape comes from: none of the G2B APIs is published. */
export const eReportingEvidence: EvidenceTable = {
	'flux:deposit': unpublished(AFNOR, 'No G2B body is published; the closest public model is the AFNOR flow service'),
	'flux:depositArchive': unpublished(
		AFNOR,
		'No G2B body is published; the closest public model is the AFNOR flow service',
	),
	'flux:get': unpublished(AFNOR, 'Flux status names from the DGFiP external specifications'),
	'g2bInvoice:search': unpublished(
		NAME_ONLY,
		'Search body modelled on the PPF annuaire search (limite, ignorer, tris)',
	),
	'g2bInvoice:get': unpublished(NAME_ONLY),
	'transmission:search': unpublished(NAME_ONLY, 'The /transmissions paths are ours'),
	'transmission:get': unpublished(NAME_ONLY, 'The /transmissions paths are ours'),
	'transmission:buildFileName': unpublished('File name rules of the DGFiP external specifications v1.1 (no HTTP call)'),
};
