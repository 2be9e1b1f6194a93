/**
 * Our node classes, loaded by their `.ts` file name. Each node folder also holds `<Name>.node.json` (the codex)
 * and Node's resolver, which ts-node extends, tries `.json` before `.ts`: an extension-less import would load
 * the codex instead of the class.
 */
import { join } from 'path';

type FacturesModule = typeof import('../nodes/ChorusProFactures/ChorusProFactures.node');
type TransverseModule = typeof import('../nodes/ChorusProTransverse/ChorusProTransverse.node');
type TriggerModule = typeof import('../nodes/ChorusProTrigger/ChorusProTrigger.node');

function load<T>(name: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(join(__dirname, '..', 'nodes', name, `${name}.node.ts`)) as T;
}

export const { ChorusProFactures } = load<FacturesModule>('ChorusProFactures');
export const { ChorusProTransverse } = load<TransverseModule>('ChorusProTransverse');
export const { ChorusProTrigger } = load<TriggerModule>('ChorusProTrigger');
