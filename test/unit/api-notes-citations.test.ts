/**
 * Comments cite the project's API notes as "docs/api-notes.md §x.y" (issue 15: no comment may point at a document
 * that is not in this repository). Every section cited exists, and nothing cites the old reference document.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['nodes', 'credentials', 'test', 'bench', 'scripts'];
const SKIP = new Set(['node_modules', 'locks', '__snapshots__', 'swagger']);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		if (SKIP.has(name)) return [];
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|js)$/.test(name) ? [path] : [];
	});
}

const files = FOLDERS.flatMap((folder) => sources(join(ROOT, folder))).map((path) => ({
	path: relative(ROOT, path),
	text: readFileSync(path, 'utf8'),
}));

/** "1", "1.1", "16.3"… as numbered in the notes' headings ("## 1. …", "### 1.1 …"). */
const sections = new Set(
	readFileSync(join(ROOT, 'docs', 'api-notes.md'), 'utf8')
		.split('\n')
		.map((line) => /^#{2,4} (\d+(?:\.\d+)*)\.? /.exec(line)?.[1])
		.filter((n): n is string => n !== undefined),
);

describe('citations of docs/api-notes.md', () => {
	it('cite sections that exist', () => {
		const cited = files.flatMap(({ path, text }) =>
			[...text.matchAll(/api-notes\.md((?:(?:,|–|-|and|\s|\*)*§\d+(?:\.\d+)*)+)/g)].flatMap((match) =>
				[...match[1].matchAll(/§(\d+(?:\.\d+)*)/g)].map((section) => ({
					path,
					section: section[1],
				})),
			),
		);
		expect(cited.length).toBeGreaterThan(50);
		expect(cited.filter(({ section }) => !sections.has(section))).toEqual([]);
	});

	it('replace every citation of the old reference document', () => {
		const old = files
			.filter(({ path }) => !path.endsWith('api-notes-citations.test.ts'))
			.filter(({ text }) => /\breference('s)? \(?§/.test(text) || /\(reference §/.test(text))
			.map(({ path }) => path);
		expect(old).toEqual([]);
	});
});
