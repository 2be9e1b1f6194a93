/** The comparisons the replay runner and the simulator check rest on: each must catch what it is there for. */
import { extraKeys, shapeDifferences, valueDifferences } from './samples';

describe('Sample comparisons', () => {
	const sample = { a: 1, b: 'x', c: null, d: { e: [{ f: true }] }, g: [] };

	it('shape: a missing key, a wrong type, a nested difference; null and empty arrays ask for nothing', () => {
		expect(shapeDifferences(sample, { a: 2, b: 'y', d: { e: [{ f: false }] }, g: [] })).toEqual([]);
		expect(shapeDifferences(sample, { a: '1', b: 'y', d: { e: [{}] }, g: [] })).toEqual([
			'$.a: expected number, got string',
			'$.d.e[0].f: expected boolean, got null',
		]);
		expect(shapeDifferences(sample, { b: 'y', d: { e: [] }, g: [] })).toEqual([
			'$.a: expected number, got null',
			'$.d.e: expected a non-empty array',
		]);
	});

	it('extra keys: a key the sample does not have, at any depth; a null key of the sample is allowed', () => {
		expect(extraKeys(sample, { a: 1, c: 3, d: { e: [{ f: true }] } })).toEqual([]);
		expect(extraKeys(sample, { a: 1, z: 1, d: { e: [{ f: true, y: 2 }] } })).toEqual(['$.z', '$.d.e[0].y']);
	});

	it('values: a different leaf value unless its path is ignored', () => {
		expect(valueDifferences(sample, { ...sample, a: 2 })).toEqual(['a: expected 1, got 2']);
		expect(valueDifferences(sample, { ...sample, a: 2 }, ['a'])).toEqual([]);
		expect(valueDifferences(sample, { ...sample, d: { e: [{ f: false }] } })).toEqual(['d.e[0].f: expected true, got false']);
	});
});
