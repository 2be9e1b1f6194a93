import { jsonBody } from '../../nodes/shared/jsonBody';

describe('jsonBody', () => {
	it('gives the same JSON as JSON.stringify, large base64 strings included', () => {
		const file = Buffer.alloc(300_000, 7).toString('base64');
		const body = { fichierFlux: file, nomFichier: 'lot "été".tar.gz', nested: [{ pieceJointe: file, n: 1 }], empty: {} };
		expect(JSON.parse(jsonBody(body).toString('utf8'))).toEqual(body);
		expect(jsonBody(body).toString('utf8')).toBe(JSON.stringify(body));
	});
	it('escapes large strings that are not base64 the JSON way', () => {
		const text = 'a"b\\c\n'.repeat(20_000);
		expect(JSON.parse(jsonBody({ text }).toString('utf8'))).toEqual({ text });
	});
	it('sends {} for an operation without input', () => {
		expect(jsonBody({}).toString()).toBe('{}');
	});
});
