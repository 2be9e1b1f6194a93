import type { INodeType } from 'n8n-workflow';

import { ChorusProApi } from '../../credentials/ChorusProApi.credentials';
import { ChorusProAnnuaire } from '../../nodes/ChorusProAnnuaire/ChorusProAnnuaire.node';
import { ChorusProEReporting } from '../../nodes/ChorusProEReporting/ChorusProEReporting.node';
import { ChorusProESignature } from '../../nodes/ChorusProESignature/ChorusProESignature.node';
import { ChorusProEngagements } from '../../nodes/ChorusProEngagements/ChorusProEngagements.node';
import { ChorusProFactures } from '../../nodes/ChorusProFactures/ChorusProFactures.node';
import { ChorusProFacturesTrigger } from '../../nodes/ChorusProFacturesTrigger/ChorusProFacturesTrigger.node';
import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import { ChorusProTravaux } from '../../nodes/ChorusProTravaux/ChorusProTravaux.node';
import { ChorusProTrigger } from '../../nodes/ChorusProTrigger/ChorusProTrigger.node';

/**
 * The parameters the nodes generate are a public contract: saved workflows store their names and values. This
 * snapshot makes every change to them a visible diff in review (`npx jest -u test/unit/parameters-snapshot` to
 * accept one). A renamed or removed parameter, or a changed option value, needs a node version step.
 */
const NODES: Array<[string, INodeType]> = [
	['ChorusProFactures', new ChorusProFactures()],
	['ChorusProTravaux', new ChorusProTravaux()],
	['ChorusProTransverse', new ChorusProTransverse()],
	['ChorusProEngagements', new ChorusProEngagements()],
	['ChorusProAnnuaire', new ChorusProAnnuaire()],
	['ChorusProEReporting', new ChorusProEReporting()],
	['ChorusProESignature', new ChorusProESignature()],
	['ChorusProTrigger', new ChorusProTrigger()],
	['ChorusProFacturesTrigger', new ChorusProFacturesTrigger()],
];

/** Functions (none expected) would not serialise: show them by name so a snapshot never hides one. */
function plain(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? `[function ${v.name}]` : v)));
}

describe('generated parameters (public contract)', () => {
	it.each(NODES)('%s', (_name, node) => {
		const { properties, version, name, credentials } = node.description;
		expect(plain({ name, version, credentials, properties })).toMatchSnapshot();
	});

	it('credential chorusProApi', () => {
		expect(plain(new ChorusProApi().properties)).toMatchSnapshot();
	});
});
