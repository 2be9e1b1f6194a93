import { ChorusProApi } from '../../credentials/ChorusProApi.credentials';
import { PACKAGE_NODES } from './packageNodes';

/**
 * The parameters the nodes generate are a public contract: saved workflows store their names and values. This
 * snapshot makes every change to them a visible diff in review (`npx jest -u test/unit/parameters-snapshot` to
 * accept one). A renamed or removed parameter, or a changed option value, needs a node version step.
 */
const NODES = PACKAGE_NODES;

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
