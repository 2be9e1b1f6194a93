/**
 * API Dépôt flux G2B (DGFiP annex table 4.1: POST /flux, GET /flux/{idFlux}; rules of docs/api-notes.md §10.1, §10.3,
 * §13.2 and annex §3.2.3). The Swagger is not public. Two bodies are accepted: multipart/form-data after the AFNOR
 * XP Z12-013 Flow Service 1.2.0 model (the only published flow API of the reform: a `flowInfo` JSON part and a
 * `file` part), and JSON `{ nomFichier, syntaxeFlux, empreinteSha256, fichierFlux (base64) }`, base64-in-JSON
 * like every other Chorus Pro deposit.
 *
 * Synchronous refusals (the request itself is wrong): 422 on a bad body, a name that breaks the rules, a
 * SHA-256 that does not match, broken base64; 413 over 30 MB. Then the archive is really unpacked (zlib +
 * tar-stream) and checked like the platform's receivability step (§10.3): the flux becomes 500 "Recevable" or
 * 501 "Irrecevable" with IRR_* reasons. A receivable flux creates one G2B invoice per file (Factur-X, UBL) or
 * one e-reporting transmission per file (FRR). Extracted entries are kept so tests compare them byte for byte.
 */
import { createHash } from 'crypto';
import { extract as tarExtract } from 'tar-stream';
import { createGunzip } from 'zlib';

import { object, oneOf } from '../modelKit';
import type { FormPart } from '../multipart';
import { noQuery, notFound, problem } from '../ppf';
import { reply, type Router } from '../router';
import { newFluxId, type FluxEntry, type G2bFlux, type G2bState } from '../seed-g2b';
import type { SimulatorStore } from '../store';

export const G2B_FLUX_PREFIX = '/cpro/g2b/flux/v1';

export const FLUX_RULES = {
	maxFluxBytes: 30 * 1024 * 1024,
	maxFileBytes: 100 * 1024 * 1024,
	maxFiles: 500,
	maxNameLength: 256,
	forbidden: /[%$!&/\\:;«»#@]/,
};

const SYNTAXES = ['Factur-X', 'UBL', 'CDAR', 'FRR'];

const DEPOSIT_BODY = object(
	{
		nomFichier: { type: 'string', minLength: 1 },
		syntaxeFlux: oneOf(SYNTAXES),
		empreinteSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
		fichierFlux: { type: 'string', minLength: 1 },
	},
	['nomFichier', 'syntaxeFlux', 'empreinteSha256', 'fichierFlux'],
);

const FLOW_INFO_KEYS = ['name', 'flowSyntax', 'sha256', 'trackingId', 'processingRule', 'flowProfile'];

function validateFlowInfo(flowInfo: Record<string, unknown>): string[] {
	const reasons = Object.keys(flowInfo).filter((k) => !FLOW_INFO_KEYS.includes(k)).map((k) => `flowInfo.${k}: champ inconnu`);
	if (typeof flowInfo.name !== 'string' || !flowInfo.name) reasons.push('flowInfo.name obligatoire');
	if (!SYNTAXES.includes(flowInfo.flowSyntax as string)) reasons.push(`flowInfo.flowSyntax: une valeur parmi ${SYNTAXES.join(', ')}`);
	if (typeof flowInfo.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(flowInfo.sha256)) reasons.push('flowInfo.sha256: 64 caractères hexadécimaux');
	return reasons;
}

type Motif = G2bFlux['motifs'][number];

/** Unpacks a tar.gz into its entries; `undefined` when it cannot be extracted (IRR_EXTRAC). */
async function unpack(archive: Buffer): Promise<FluxEntry[] | undefined> {
	const gunzip = createGunzip();
	const extract = tarExtract();
	gunzip.on('error', (error) => extract.destroy(error));
	gunzip.pipe(extract);
	gunzip.end(archive);
	const entries: FluxEntry[] = [];
	try {
		for await (const entry of extract) {
			const chunks: Buffer[] = [];
			for await (const chunk of entry) chunks.push(chunk as Buffer);
			if (entry.header.type !== 'file') return undefined;
			entries.push({ name: entry.header.name, bytes: Buffer.concat(chunks) });
		}
	} catch {
		return undefined;
	}
	return entries;
}

const luhn = (digits: string) =>
	[...digits].reverse().reduce((sum, c, i) => {
		let d = Number(c);
		if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
		return sum + d;
	}, 0) %
		10 ===
	0;

/** `{SIREN}_{IDtransmission}_{AAAAMMJJ}_{AAAAMMJJ}` (§10.1); returns its parts or undefined. */
export function parseEReportingName(baseName: string): { siren: string; id: string; start: string; end: string } | undefined {
	const m = /^(\d{9})_(.+)_(\d{8})_(\d{8})$/.exec(baseName);
	if (!m || !luhn(m[1])) return undefined;
	const id = m[2];
	if (!/^[A-Za-z0-9 \-+_]+$/.test(id) || id !== id.trim() || id.includes('  ')) return undefined;
	const valid = (d: string) => {
		const date = new Date(Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8)));
		return date.toISOString().slice(0, 10).replace(/-/g, '') === d;
	};
	if (!valid(m[3]) || !valid(m[4]) || m[3] > m[4]) return undefined;
	return { siren: m[1], id, start: m[3], end: m[4] };
}

const isoDay = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** The receivability checks of §10.3 on the extracted files. */
function receivability(state: G2bState, syntax: string, entries: FluxEntry[] | undefined): Motif[] {
	if (!entries) return [{ code: 'IRR_EXTRAC', libelle: "L'archive n'a pas pu être extraite" }];
	if (entries.length === 0) return [{ code: 'IRR_VIDE', libelle: 'Le flux ne contient aucun fichier' }];
	const motifs: Motif[] = [];
	if (entries.length > FLUX_RULES.maxFiles) {
		motifs.push({ code: 'IRR_TAILLE', libelle: `Le flux contient ${entries.length} fichiers (maximum ${FLUX_RULES.maxFiles})` });
	}
	const extension = syntax === 'Factur-X' ? '.pdf' : '.xml';
	const names = new Set<string>();
	const usedReports = new Set([...state.transmissions.values()].map((t) => t.nomFichier));
	for (const { name, bytes } of entries) {
		if (name.length > FLUX_RULES.maxNameLength || FLUX_RULES.forbidden.test(name) || names.has(name)) {
			motifs.push({ code: 'IRR_NOM_F', libelle: 'Nom de fichier non conforme ou en double', fichier: name });
		}
		names.add(name);
		if (bytes.length === 0) motifs.push({ code: 'IRR_VIDE_F', libelle: 'Fichier vide', fichier: name });
		if (bytes.length > FLUX_RULES.maxFileBytes) motifs.push({ code: 'IRR_TAILLE_F', libelle: 'Fichier de plus de 100 Mo', fichier: name });
		const head = bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
		const natureOk = syntax === 'Factur-X' ? bytes.subarray(0, 4).toString('latin1') === '%PDF' : head.startsWith('<');
		if (!name.toLowerCase().endsWith(extension) || !natureOk) {
			motifs.push({ code: 'IRR_TYPE_F', libelle: `Fichier d'une autre nature que ${syntax}`, fichier: name });
		}
		if (syntax === 'FRR') {
			const parsed = parseEReportingName(name.slice(0, -extension.length));
			if (!parsed) motifs.push({ code: 'IRR_NOM_F', libelle: 'Nom de fichier e-reporting non conforme', fichier: name });
			else if (usedReports.has(name)) motifs.push({ code: 'IRR_UNCITE', libelle: 'Nom de fichier e-reporting déjà déposé', fichier: name });
		}
	}
	return motifs;
}

/** Invoice number of a UBL invoice (first cbc:ID), else the file name without extension. */
function invoiceNumber(entry: FluxEntry): string {
	const id = /<cbc:ID>([^<]+)<\/cbc:ID>/.exec(entry.bytes.subarray(0, 64 * 1024).toString('utf8'))?.[1];
	return (id ?? entry.name.replace(/\.[^.]+$/, '')).trim();
}

function fileOutcome(state: G2bState, flux: G2bFlux, dateDepot: string): void {
	if (flux.syntaxeFlux === 'FRR') {
		for (const entry of flux.entries) {
			const parts = parseEReportingName(entry.name.slice(0, -4))!;
			state.transmissions.set(parts.id, {
				idTransmission: parts.id,
				siren: parts.siren,
				nomFichier: entry.name,
				dateDebutPeriode: isoDay(parts.start),
				dateFinPeriode: isoDay(parts.end),
				idFlux: flux.idFlux,
				dateDepot,
				statut: '300',
				libelleStatut: 'Déposée',
				motifs: [],
				cyclesDeVie: [{ statut: '300', libelle: 'Déposée', date: dateDepot }],
			});
			flux.transmissions.push(parts.id);
		}
		return;
	}
	if (flux.syntaxeFlux === 'CDAR') return;
	const year = dateDepot.slice(0, 4);
	for (const entry of flux.entries) {
		const numero = invoiceNumber(entry);
		// REJ_UNI: same supplier + number + year already deposited; REJ_COH: number over 35 characters (§10.1).
		const duplicate = [...state.invoices.values()].some((i) => i.numeroFacture === numero && i.dateDepot.startsWith(year));
		const motif = duplicate ? 'REJ_UNI' : numero.length > 35 ? 'REJ_COH' : null;
		const statut = motif ? '213' : '200';
		const libelle = motif ? 'Rejetée' : 'Déposée';
		const uidFacture = createHash('sha256').update(`${flux.idFlux}/${entry.name}`).digest('hex').slice(0, 32);
		state.invoices.set(uidFacture, {
			uidFacture,
			numeroFacture: numero,
			idFlux: flux.idFlux,
			nomFichier: entry.name,
			sirenFournisseur: '217500016',
			sirenAcheteur: null,
			dateDepot,
			statut,
			libelleStatut: libelle,
			motif,
			dateStatut: dateDepot,
			historiqueStatuts: [{ statut, libelle, date: dateDepot, motif }],
		});
		flux.factures.push(uidFacture);
	}
}

export function register(router: Router, store: SimulatorStore, prefix = G2B_FLUX_PREFIX): void {
	const api = router.api({ name: 'g2bFlux', prefix, errorStyle: 'problem' });
	const state = () => store.g2b;

	/** Checks a deposit (name, size, SHA-256), unpacks it and records the flux; the answer is 202. */
	async function deposit(path: string, now: Date, name: string, syntax: string, empreinte: string, archive: Buffer) {
		if (archive.length > FLUX_RULES.maxFluxBytes) {
			throw problem(413, 'Flux trop volumineux', `Le flux fait ${archive.length} octets ; la limite d'un flux déposé en API est de 30 Mo`, path);
		}
		if (name.length > FLUX_RULES.maxNameLength || FLUX_RULES.forbidden.test(name) || !name.toLowerCase().endsWith('.tar.gz')) {
			throw problem(422, 'Erreur de validation', `nomFichier: "${name}" non conforme (≤ 256 caractères, sans % $ ! & / \\ : ; « » # @, extension .tar.gz)`, path);
		}
		const sha = createHash('sha256').update(archive).digest('hex');
		if (sha !== empreinte) {
			throw problem(422, 'Empreinte invalide', "L'empreinte SHA-256 ne correspond pas au fichier reçu", path);
		}
		const s = state();
		const entries = await unpack(archive);
		const motifs = receivability(s, syntax, entries);
		if ([...s.flux.values()].some((f) => f.empreinteSha256 === sha)) {
			motifs.push({ code: 'IRR_UNCITE', libelle: 'Flux déjà déposé' });
		}
		const dateDepot = now.toISOString();
		const flux: G2bFlux = {
			idFlux: newFluxId(s),
			nomFichier: name,
			syntaxeFlux: syntax,
			empreinteSha256: sha,
			dateDepot,
			tailleOctets: archive.length,
			entries: entries ?? [],
			motifs,
			factures: [],
			transmissions: [],
		};
		if (motifs.length === 0) fileOutcome(s, flux, dateDepot);
		s.flux.set(flux.idFlux, flux);
		return reply(202, {
			idFlux: flux.idFlux,
			nomFichier: name,
			syntaxeFlux: flux.syntaxeFlux,
			dateDepot,
			empreinteSha256: sha,
			codeStatut: null,
			libelleStatut: 'En cours de traitement',
		});
	}

	api.post(
		'/flux',
		async (ctx) => {
			noQuery(ctx);
			if (ctx.body.multipart) return await depositMultipart(ctx.path, ctx.now, ctx.body.multipart as Map<string, FormPart>);
			const body = ctx.body as { nomFichier: string; syntaxeFlux: string; empreinteSha256: string; fichierFlux: string };
			if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.fichierFlux) || body.fichierFlux.length % 4 !== 0) {
				throw problem(422, 'Erreur de validation', 'fichierFlux: base64 invalide', ctx.path);
			}
			const archive = Buffer.from(body.fichierFlux, 'base64');
			return await deposit(ctx.path, ctx.now, body.nomFichier, body.syntaxeFlux, body.empreinteSha256, archive);
		},
		{ schema: DEPOSIT_BODY, multipart: true },
	);

	/**
	 * The AFNOR XP Z12-013 Flow Service model: a `flowInfo` JSON part (`name`, `flowSyntax`, `sha256`; `trackingId`,
	 * `processingRule`, `flowProfile` optional) and a `file` part with the archive's bytes.
	 */
	async function depositMultipart(path: string, now: Date, parts: Map<string, FormPart>) {
		const info = parts.get('flowInfo');
		const file = parts.get('file');
		if (!info || !file) throw problem(422, 'Erreur de validation', 'parties flowInfo et file obligatoires', path);
		let flowInfo: Record<string, unknown>;
		try {
			flowInfo = JSON.parse(info.data.toString('utf8')) as Record<string, unknown>;
		} catch {
			throw problem(422, 'Erreur de validation', 'flowInfo: JSON invalide', path);
		}
		const reasons = validateFlowInfo(flowInfo);
		if (reasons.length) throw problem(422, 'Erreur de validation', reasons.join('; '), path);
		return await deposit(path, now, String(flowInfo.name), String(flowInfo.flowSyntax), String(flowInfo.sha256), file.data);
	}

	api.get('/flux/{idFlux}', (ctx) => {
		noQuery(ctx);
		const flux = state().flux.get(ctx.params.idFlux);
		if (!flux) throw notFound(ctx, `flux ${ctx.params.idFlux}`);
		const receivable = flux.motifs.length === 0;
		return {
			idFlux: flux.idFlux,
			nomFichier: flux.nomFichier,
			syntaxeFlux: flux.syntaxeFlux,
			dateDepot: flux.dateDepot,
			tailleOctets: flux.tailleOctets,
			nombreFichiers: flux.entries.length,
			codeStatut: receivable ? '500' : '501',
			libelleStatut: receivable ? 'Recevable' : 'Irrecevable',
			motifs: flux.motifs,
			factures: flux.factures.map((uid) => {
				const i = state().invoices.get(uid)!;
				return { uidFacture: uid, numeroFacture: i.numeroFacture, nomFichier: i.nomFichier, statut: i.statut, motif: i.motif };
			}),
			transmissions: flux.transmissions,
		};
	});
}
