import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	buildFluxArchive,
	checkFluxArchive,
	checkFluxFileName,
	FLUX_SYNTAX_OPTIONS,
	FluxRuleError,
	sha256Hex,
	type ArchiveSource,
	type FluxSyntax,
} from '../../shared/archive';
import { readInputFile } from '../../shared/binary';
import { LIMITS } from '../../shared/limits';
import { multipartBody } from '../../shared/multipart';
import type { Evidence, Field, Operation, OperationContext, RequestOperation, Resource } from '../../shared/operation';

/**
 * G2B flux (API Dépôt flux G2B, DGFiP annex table 4.1: POST /flux, GET /flux/{idFlux}).
 *
 * Body: no G2B Swagger is public. By default the deposit follows the only published flow API of the reform, the
 * AFNOR XP Z12-013 Flow Service 1.2.0: multipart/form-data with a `flowInfo` JSON part (`name`, `flowSyntax`,
 * `sha256`) and a `file` part holding the tar.gz (built by shared/multipart.ts, no form-data library). The JSON
 * form, base64 inside JSON like every other Chorus Pro deposit (`nomFichier`, `syntaxeFlux`, `empreinteSha256`,
 * `fichierFlux`), stays selectable. Both carry the archive's SHA-256 so a truncated upload is detected. Only tar.gz
 * flux are accepted "at the opening of the service" (annex §3.2.3), so a single XML is wrapped in a tar.gz too.
 */

const api = 'g2bFlux' as const;
const resource = 'flux';

const CHECK_DEPOSIT =
	'wait a minute, then search your G2B invoices (G2B Invoice → Search, filter "Invoice Number") or the transmissions; deposit the flux again only if nothing from it is there.';

/** The one deposit endpoint (Déposer un flux), shared by the two ways of building its archive. */
const DEPOSIT = {
	api,
	method: 'POST',
	path: '/flux',
	mutates: true,
	howToCheck: CHECK_DEPOSIT,
} as const;

const syntaxField: Field = {
	name: 'syntaxeFlux',
	label: 'Flux Content',
	type: 'options',
	required: true,
	options: FLUX_SYNTAX_OPTIONS,
	default: 'Factur-X',
	description: 'What the files are; one nature per flux (syntaxeFlux)',
};

const fluxNameField: Field = {
	name: 'nomFichier',
	label: 'Flux File Name',
	type: 'string',
	description: 'Name of the tar.gz (nomFichier); at most 256 characters, none of % $ ! & / \\ : ; « » # @. Generated when empty.',
};

const encodingField: Field = {
	name: 'bodyEncoding',
	label: 'Body Encoding',
	type: 'options',
	in: 'none',
	required: true,
	options: [
		{
			name: 'Multipart (AFNOR Flow Service Model)',
			value: 'multipart',
			description: 'A multipart/form-data body: a flowInfo JSON part and a file part (AFNOR XP Z12-013 Flow Service 1.2.0)',
		},
		{
			name: 'JSON With Base64',
			value: 'json',
			description: 'A JSON body: nomFichier, syntaxeFlux, empreinteSha256 and the archive as base64 in fichierFlux (the Chorus Pro habit)',
		},
	],
	default: 'multipart',
	description: 'How the flux travels: the G2B body is not published yet; switch if Chorus Pro answers 400 or 415',
};

const FLUX_EVIDENCE: Evidence = {
	level: 'unpublished',
	source:
		'AIFE annex v6.1 table 4.1 (FluxG2B: POST /flux) and §3.2.3 (tar.gz, 30 MB); body after AFNOR XP Z12-013 Flow Service 1.2.0 (cmendezs/mcp-facture-electronique-fr: specs/, "ANNEXE A - XP Z12-013 - Flow_Service-1.2.0-swagger-resolved.json")',
	note: 'The G2B prefix and body are not published: multipart flowInfo + file is the closest public model, the JSON/base64 form our reading of the Chorus Pro habit; both selectable.',
};

/** A broken flux rule as an error naming the item and the file (or the binary field and its file) it is about. */
function ruleError(ctx: OperationContext, error: unknown, itemIndex = ctx.itemIndex, source?: string): Error {
	if (!(error instanceof FluxRuleError)) return error as Error;
	const file = error.fileName ? `file "${error.fileName}"` : undefined;
	const where = [`item ${itemIndex + 1}`, source, file];
	return new NodeOperationError(ctx.fn.getNode(), `G2B flux not sent (${where.filter(Boolean).join(', ')}): ${error.message}`, {
		itemIndex,
		description: 'Nothing was sent to Chorus Pro (DGFiP rules for G2B flux: ≤ 500 files of one nature, names ≤ 256 characters without % $ ! & / \\ : ; « » # @, ≤ 100 MB per file, ≤ 30 MB per flux).',
	});
}

function fluxName(ctx: OperationContext, fallback: string): string {
	const name = String(ctx.params.nomFichier ?? fallback);
	const problem = checkFluxFileName(name) ?? (name.toLowerCase().endsWith('.tar.gz') ? undefined : `"${name}" must end with .tar.gz`);
	if (problem) throw ruleError(ctx, new FluxRuleError(`Flux File Name: ${problem}`));
	return name;
}

function timestamp(date: Date): string {
	return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Every listed binary field of every input item, in input order, as archive sources. */
function collectSources(ctx: OperationContext): Array<ArchiveSource & { itemIndex: number }> {
	const { fn } = ctx;
	const items = fn.getInputData();
	const sources: Array<ArchiveSource & { itemIndex: number }> = [];
	items.forEach((item, itemIndex) => {
		const wanted = String(fn.getNodeParameter('binaryPropertyNames', itemIndex, 'data')).trim();
		const names =
			wanted === '*'
				? Object.keys(item.binary ?? {})
				: wanted.split(',').map((n) => n.trim()).filter(Boolean);
		if (names.length === 0) {
			throw new NodeOperationError(fn.getNode(), `Item ${itemIndex + 1} has no binary field to put into the flux`, { itemIndex });
		}
		for (const property of names) {
			const binary = item.binary?.[property];
			if (!binary) {
				throw new NodeOperationError(fn.getNode(), `Item ${itemIndex + 1} has no binary field "${property}"`, {
					itemIndex,
					description: 'Set "Input Binary Fields" to the binary fields holding the invoices (comma-separated, or * for all). Nothing was sent to Chorus Pro.',
				});
			}
			sources.push({
				itemIndex,
				name: binary.fileName ?? '',
				read: async () => await fn.helpers.getBinaryDataBuffer(itemIndex, property),
			});
		}
	});
	return sources;
}

async function send(
	ctx: OperationContext,
	archive: Buffer,
	name: string,
	files: string[],
): Promise<IDataObject> {
	const sha256 = sha256Hex(archive);
	const syntax = ctx.params.syntaxeFlux as FluxSyntax;
	const encoded =
		ctx.params.bodyEncoding === 'json'
			? { body: { nomFichier: name, syntaxeFlux: syntax, empreinteSha256: sha256, fichierFlux: archive.toString('base64') } }
			: {
					encodedBody: multipartBody([
						{ name: 'flowInfo', contentType: 'application/json', data: JSON.stringify({ name, flowSyntax: syntax, sha256 }) },
						{ name: 'file', contentType: 'application/gzip', fileName: name, data: archive },
					]),
				};
	// The deposit described by the operation being run (its API, method, path and how to check an unknown outcome).
	const deposit = ctx.operation as RequestOperation;
	const response = await ctx.request({
		api: deposit.api,
		method: deposit.method,
		path: deposit.path,
		...encoded,
		mutates: deposit.mutates,
		sizeLimit: '30 MB per flux',
		howToCheck: deposit.howToCheck,
	});
	return { ...response, nomFichier: response.nomFichier ?? name, nombreFichiers: files.length, tailleOctets: archive.length, fichiers: files };
}

/** All input items → one tar.gz → one deposit. */
async function depositFiles(ctx: OperationContext): Promise<IDataObject> {
	const syntax = ctx.params.syntaxeFlux as FluxSyntax;
	const name = fluxName(ctx, `flux-g2b-${timestamp(new Date())}.tar.gz`);
	const sources = collectSources(ctx);
	let archive: Buffer;
	try {
		archive = await buildFluxArchive(sources, syntax, new Date());
	} catch (error) {
		const culprit = error instanceof FluxRuleError ? sources.find((s) => s.name === error.fileName) : undefined;
		throw ruleError(ctx, error, culprit?.itemIndex ?? 0);
	}
	return await send(ctx, archive, name, sources.map((s) => s.name));
}

/** One input item's ready tar.gz, checked against the same rules, then deposited as is. */
async function depositArchive(ctx: OperationContext): Promise<IDataObject> {
	const property = String(ctx.params.binaryPropertyName ?? 'data');
	const file = await readInputFile(ctx.fn, ctx.itemIndex, property, {
		maxBytes: LIMITS.fluxBytes,
		limitLabel: '30 MB per flux',
	});
	const syntax = ctx.params.syntaxeFlux as FluxSyntax;
	try {
		const entries = await checkFluxArchive(file.bytes, syntax);
		const name = fluxName(ctx, file.fileName);
		return await send(ctx, file.bytes, name, entries.map((e) => e.name));
	} catch (error) {
		throw ruleError(ctx, error, ctx.itemIndex, `binary field "${property}" holding "${file.fileName}"`);
	}
}

const FLUX_STATES: Record<string, string> = { '500': 'Recevable', '501': 'Irrecevable' };

export const fluxOperations: Operation[] = [
	{
		resource,
		operation: 'deposit',
		name: 'Deposit Files',
		action: 'Deposit invoices as one G2B flux',
		description: 'Pack the binary files of ALL input items into one tar.gz and deposit it (Déposer un flux, POST /flux)',
		...DEPOSIT,
		aggregate: true,
		fields: [
			syntaxField,
			{
				name: 'binaryPropertyNames',
				label: 'Input Binary Fields',
				type: 'string',
				in: 'none',
				required: true,
				default: 'data',
				description: 'Binary fields holding the files, comma-separated, or * for all. The files of every input item go into ONE flux (at most 500).',
			},
			fluxNameField,
			encodingField,
		],
		// Special: the body is a tar.gz packed from the files of every input item, sent as multipart.
		hooks: { run: depositFiles },
		evidence: FLUX_EVIDENCE,
	},
	{
		resource,
		operation: 'depositArchive',
		name: 'Deposit Ready Archive',
		action: 'Deposit a ready tar.gz flux',
		description: 'Deposit a tar.gz you built elsewhere, after checking its files against the DGFiP rules (POST /flux); one flux per input item',
		...DEPOSIT,
		fields: [
			syntaxField,
			{
				name: 'binaryPropertyName',
				label: 'Input Binary Field',
				type: 'string',
				in: 'none',
				required: true,
				default: 'data',
				description: 'The binary field holding the tar.gz (at most 30 MB)',
			},
			fluxNameField,
			encodingField,
		],
		// Special: the tar.gz is opened and checked entry by entry against the DGFiP rules, then sent as multipart.
		hooks: { run: depositArchive },
		evidence: FLUX_EVIDENCE,
	},
	{
		resource,
		operation: 'get',
		name: 'Get Status',
		action: 'Get the status of a G2B flux',
		description: 'Receivability of a deposited flux (500 Recevable / 501 Irrecevable with its reasons) and the invoices it created (GET /flux/{idFlux})',
		api,
		method: 'GET',
		path: '/flux/{idFlux}',
		mutates: false,
		fields: [{ name: 'idFlux', label: 'Flux ID', type: 'string', in: 'path', required: true, description: 'idFlux returned by the deposit' }],
		hooks: {
			// Special: readable rejection reasons and a final/receivable flag computed from the answer's codes.
			output: (_ctx, response) => {
				const code = String(response.codeStatut ?? '');
				const reasons = ((response.motifs as IDataObject[] | undefined) ?? []).map(
					(m) => `${String(m.code)}${m.fichier ? ` (${String(m.fichier)})` : ''}: ${String(m.libelle ?? '')}`,
				);
				return [{ json: { ...response, final: code in FLUX_STATES, receivable: code === '500', rejectionReasons: reasons } }];
			},
		},
	},
];

export const fluxResource: Resource = { name: 'Flux', value: resource, description: 'G2B flux of invoices, lifecycle statuses or e-reporting (tar.gz)' };
