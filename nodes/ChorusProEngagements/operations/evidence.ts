import { unpublished, type EvidenceTable } from '../../shared/evidence';

/**
 * Interim evidence of the Engagements operations (issue 9 item 1 rewrites this node with its own evidence: delete
 * this table when that lands). The 2025 resources of table 4.1 are used under the legacy prefix, a combination no
 * source shows; methods, bodies and status verbs are ours.
 */
const OURS = 'the 2025 resources of AIFE annex v6.1 table 4.1 placed under the legacy prefix /cpro/engagementsJuridiques/v1';
const GAP = 'No source shows this prefix with these resources; the method and body are ours';

export const engagementsEvidence: EvidenceTable = Object.fromEntries(
	[
		'commitment:checkExists',
		'commitment:search',
		'commitment:create',
		'commitment:update',
		'commitment:changeStatus',
		'commitment:get',
		'commitment:getStatusHistory',
		'commitment:getActionHistory',
		'commitmentAttachment:downloadCommitment',
		'commitmentAttachment:download',
		'commitmentAttachment:add',
		'health:check',
	].map((key) => [key, unpublished(OURS, GAP)]),
);
