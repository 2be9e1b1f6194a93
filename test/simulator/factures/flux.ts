/**
 * Flux deposit and integration (docs/api-notes.md §3.1, §5.5, §5.6, §13.3, §14.1).
 *
 * `deposer/flux` stores the file and answers at once with a `numeroFluxDepot`. Each consulterCR /
 * consulterCRDetaille call then moves the flux one state further (IN_DEPOT_PORTAIL_EN_ATTENTE_TRAITEMENT_SE_CPP
 * → IN_EN_COURS_TRAITEMENT_CPP → final; `store.fluxPendingObservations` sets how many pending answers come
 * first, `store.fluxStateDurationMs` lets the store clock move it too, see `settleDueFlux`). On reaching its
 * final state the flux is integrated: each invoice file (the file itself, or each
 * entry of a tar.gz) is read (UBL or CII, alone or inside a Factur-X PDF: invoice number, date, type, seller
 * and buyer SIRET, buyer reference = service code, order reference = commitment number, totals), checked with
 * the same routing rules as `soumettre`, and becomes an invoice (`modeDepot` UPLOAD_API, a guess §16.3) or an
 * entry of `listeErreurDP`. A file that is not readable XML of the declared syntax rejects the whole flux
 * (`IN_REJETE` + `listeErreurTechnique` ERR_XSD_001). A test can force the outcome with
 * `store.setFluxOutcome(numero, etat, errors)` (or `setNextFluxOutcome`).
 */
import { gunzipSync, inflateSync } from 'zlib';

import { Errors } from '../codes';
import { toDay } from '../dates';
import type { ErreurDP, ErreurTechnique, FluxRecord, SimulatorStore } from '../store';
import { resolveRouting, routingProblem } from './routing';

export const FLUX_MAX_BYTES = 30 * 1024 * 1024;

const PENDING_STATES = ['IN_DEPOT_PORTAIL_EN_ATTENTE_TRAITEMENT_SE_CPP', 'IN_EN_COURS_TRAITEMENT_CPP'];
export const FINAL_FLUX_STATES = ['IN_INTEGRE', 'IN_INTEGRE_PARTIEL', 'IN_REJETE', 'IN_INCIDENTE', 'IN_EN_ATTENTE_RETRAITEMENT_CPP'];

/** Interface code shown in reports, by flux family (E1 structured / E2 mixed / PDF archive). */
export function interfaceCode(syntaxe: string): string {
	if (syntaxe.startsWith('IN_DP_E1')) return 'FSO1110A';
	if (syntaxe.startsWith('IN_DP_E2')) return 'FSO1117A';
	return 'FSO1112A';
}

interface InvoiceFile {
	name: string;
	bytes: Buffer;
}

/** Entries of a tar archive (ustar / GNU; regular files only). */
export function untar(archive: Buffer): InvoiceFile[] {
	const files: InvoiceFile[] = [];
	let offset = 0;
	while (offset + 512 <= archive.length) {
		const header = archive.subarray(offset, offset + 512);
		if (header.every((b) => b === 0)) break;
		const field = (start: number, length: number) =>
			header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '').trim();
		const prefix = field(345, 155);
		const name = (prefix ? `${prefix}/` : '') + field(0, 100);
		const size = parseInt(field(124, 12) || '0', 8);
		const type = String.fromCharCode(header[156] || 48);
		offset += 512;
		if (type === '0' || type === '\0') files.push({ name, bytes: archive.subarray(offset, offset + size) });
		offset += Math.ceil(size / 512) * 512;
	}
	return files;
}

function isGzip(bytes: Buffer): boolean {
	return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The invoice files inside a flux: a tar.gz's entries, or the file itself. */
export function invoiceFiles(flux: FluxRecord): InvoiceFile[] {
	if (isGzip(flux.bytes)) {
		try {
			return untar(gunzipSync(flux.bytes)).filter((f) => !f.name.endsWith('/'));
		} catch {
			return [];
		}
	}
	return [{ name: flux.nomFichier, bytes: flux.bytes }];
}

/** The XML of a Factur-X PDF: the first Flate stream that inflates to a CII document. */
function xmlInPdf(pdf: Buffer): string | undefined {
	const raw = pdf.toString('latin1');
	const re = /stream\r?\n/g;
	for (let m = re.exec(raw); m; m = re.exec(raw)) {
		const start = m.index + m[0].length;
		const end = raw.indexOf('endstream', start);
		if (end < 0) break;
		const chunk = pdf.subarray(start, end);
		for (const candidate of [chunk, chunk.subarray(0, Math.max(0, chunk.length - 1)), chunk.subarray(0, Math.max(0, chunk.length - 2))]) {
			try {
				const text = inflateSync(candidate).toString('utf8');
				if (text.includes('CrossIndustryInvoice')) return text;
				break;
			} catch {
				// not this length / not deflate
			}
		}
		const plain = chunk.toString('utf8');
		if (plain.includes('CrossIndustryInvoice')) return plain;
	}
	return undefined;
}

export interface ParsedInvoice {
	numero?: string;
	date?: string;
	type: 'FACTURE' | 'AVOIR';
	sellerSiret?: string;
	buyerSiret?: string;
	serviceCode?: string;
	orderReference?: string;
	ht?: number;
	tva?: number;
	ttc?: number;
	aPayer?: number;
	devise?: string;
}

const tag = (xml: string, name: string): string | undefined => {
	const m = new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>([^<]*)</(?:[\\w-]+:)?${name}>`).exec(xml);
	return m ? m[1].trim() : undefined;
};
const section = (xml: string, name: string): string => {
	const m = new RegExp(`<(?:[\\w-]+:)?${name}\\b[\\s\\S]*?</(?:[\\w-]+:)?${name}>`).exec(xml);
	return m ? m[0] : '';
};
const siretIn = (xml: string): string | undefined => /[>"](\d{14})[<"]/.exec(xml)?.[1];
const num = (v: string | undefined) => (v !== undefined && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);

/** Reads UBL or CII; undefined when the text is not an invoice of either syntax. */
export function parseInvoiceXml(xml: string): ParsedInvoice | undefined {
	if (/<(?:[\w-]+:)?CrossIndustryInvoice\b/.test(xml)) {
		const doc = section(xml, 'ExchangedDocument');
		const rawDate = tag(section(doc, 'IssueDateTime'), 'DateTimeString');
		return {
			numero: tag(doc, 'ID'),
			date: rawDate && /^\d{8}$/.test(rawDate) ? `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6)}` : undefined,
			type: tag(doc, 'TypeCode') === '381' ? 'AVOIR' : 'FACTURE',
			sellerSiret: siretIn(section(xml, 'SellerTradeParty')),
			buyerSiret: siretIn(section(xml, 'BuyerTradeParty')),
			serviceCode: tag(section(xml, 'ApplicableHeaderTradeAgreement'), 'BuyerReference'),
			orderReference: tag(section(xml, 'BuyerOrderReferencedDocument'), 'IssuerAssignedID'),
			ht: num(tag(xml, 'TaxBasisTotalAmount')),
			tva: num(tag(xml, 'TaxTotalAmount')),
			ttc: num(tag(xml, 'GrandTotalAmount')),
			aPayer: num(tag(xml, 'DuePayableAmount')),
			devise: tag(xml, 'InvoiceCurrencyCode'),
		};
	}
	const root = /<(?:[\w-]+:)?(Invoice|CreditNote)\b/.exec(xml);
	if (root) {
		const head = xml.replace(/<(?:[\w-]+:)?Accounting(?:Supplier|Customer)Party\b[\s\S]*?<\/(?:[\w-]+:)?Accounting(?:Supplier|Customer)Party>/g, '');
		return {
			numero: tag(head, 'ID'),
			date: tag(head, 'IssueDate'),
			type: root[1] === 'CreditNote' || tag(head, 'InvoiceTypeCode') === '381' ? 'AVOIR' : 'FACTURE',
			sellerSiret: siretIn(section(xml, 'AccountingSupplierParty')),
			buyerSiret: siretIn(section(xml, 'AccountingCustomerParty')),
			serviceCode: tag(head, 'BuyerReference'),
			orderReference: tag(section(xml, 'OrderReference'), 'ID'),
			ht: num(tag(xml, 'TaxExclusiveAmount')),
			tva: num(tag(section(xml, 'TaxTotal'), 'TaxAmount')),
			ttc: num(tag(xml, 'TaxInclusiveAmount')),
			aPayer: num(tag(xml, 'PayableAmount')),
			devise: tag(head, 'DocumentCurrencyCode'),
		};
	}
	return undefined;
}

function parseFile(file: InvoiceFile): ParsedInvoice | undefined {
	if (file.bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
		const xml = xmlInPdf(file.bytes);
		return xml ? parseInvoiceXml(xml) : undefined;
	}
	return parseInvoiceXml(file.bytes.toString('utf8'));
}

/** Called by consulterCR(Detaille): one step further, integration when the final state is reached. */
export function observeFlux(store: SimulatorStore, flux: FluxRecord): FluxRecord {
	if (FINAL_FLUX_STATES.includes(flux.etat)) return flux;
	flux.observations++;
	const byClock = store.fluxStateDurationMs
		? Math.floor((store.now().getTime() - flux.dateDepot.getTime()) / store.fluxStateDurationMs) + 1
		: 0;
	const steps = Math.max(flux.observations, byClock);
	if (steps <= store.fluxPendingObservations) {
		const state = PENDING_STATES[Math.min(steps - 1, PENDING_STATES.length - 1)];
		if (state !== flux.etat) {
			flux.etat = state;
			flux.dateHeureEtat = store.now();
		}
		return flux;
	}
	integrate(store, flux);
	return flux;
}

/** With `store.fluxStateDurationMs`, integrates every flux whose time is up (called before supplier searches). */
export function settleDueFlux(store: SimulatorStore): void {
	const duration = store.fluxStateDurationMs;
	if (!duration) return;
	const now = store.now().getTime();
	for (const flux of store.flux.values()) {
		if (FINAL_FLUX_STATES.includes(flux.etat)) continue;
		if (Math.floor((now - flux.dateDepot.getTime()) / duration) + 1 > store.fluxPendingObservations) integrate(store, flux);
	}
}

const XSD_ERROR: ErreurTechnique = {
	codeErreur: 'ERR_XSD_001',
	libelleErreur: "Le fichier n'est pas conforme au schéma de la syntaxe déclarée.",
	natureErreur: 'TECHNIQUE',
};

/** Integrates a flux now: creates its invoices and sets its final state and errors. */
export function integrate(store: SimulatorStore, flux: FluxRecord): void {
	const files = invoiceFiles(flux);
	const parsed = files.map((f) => ({ file: f, invoice: parseFile(f) }));
	const unreadable = files.length === 0 || parsed.some((p) => !p.invoice);
	const defaultSupplier = store.structure(flux.idFournisseurParDefaut);
	const errors: ErreurDP[] = [];
	const accepted: Array<{ file: InvoiceFile; invoice: ParsedInvoice }> = [];
	if (!unreadable) {
		for (const p of parsed) {
			const inv = p.invoice!;
			const supplier = inv.sellerSiret ? store.structureByIdentifiant(inv.sellerSiret) : defaultSupplier;
			const problem =
				(!inv.numero && 'Le numéro de facture est obligatoire.') ||
				(!inv.buyerSiret && "L'identifiant du destinataire est obligatoire.") ||
				((!supplier || !store.account.fournisseur.has(supplier.idStructureCPP)) &&
					"Le fournisseur n'est pas une structure rattachée au compte déposant.") ||
				routingProblem(() =>
					resolveRouting(store, { recipient: 1, service: 1, engagement: 1 }, inv.buyerSiret!, inv.serviceCode, inv.orderReference),
				);
			if (problem) {
				errors.push({
					numeroDP: inv.numero ?? p.file.name,
					identifiantFournisseur: inv.sellerSiret ?? defaultSupplier?.identifiant ?? '',
					identifiantDestinataire: inv.buyerSiret ?? '',
					libelleErreurDP: problem,
				});
			} else {
				accepted.push({ file: p.file, invoice: inv });
			}
		}
	}
	const computed = unreadable ? 'IN_REJETE' : errors.length === 0 ? 'IN_INTEGRE' : accepted.length ? 'IN_INTEGRE_PARTIEL' : 'IN_REJETE';
	const forced = flux.forced;
	const etat = forced?.etat ?? computed;
	flux.listeErreurTechnique = forced?.listeErreurTechnique ?? (unreadable && (!forced || etat === 'IN_REJETE') ? [XSD_ERROR] : []);
	flux.listeErreurDP = forced?.listeErreurDP ?? (etat === 'IN_INTEGRE' ? [] : errors);
	let toCreate: Array<{ file: InvoiceFile; invoice: ParsedInvoice | undefined }> = [];
	if (etat === 'IN_INTEGRE') {
		toCreate = forced ? parsed : accepted;
	} else if (etat === 'IN_INTEGRE_PARTIEL') {
		const rejected = new Set(flux.listeErreurDP.map((e) => e.numeroDP));
		toCreate = (forced ? parsed : accepted).filter((p) => !rejected.has(p.invoice?.numero ?? p.file.name));
		if (forced && !forced.listeErreurDP && toCreate.length === parsed.length && parsed.length > 0) {
			const last = toCreate.pop()!;
			flux.listeErreurDP = [
				{
					numeroDP: last.invoice?.numero ?? last.file.name,
					identifiantFournisseur: defaultSupplier?.identifiant ?? '',
					identifiantDestinataire: last.invoice?.buyerSiret ?? '',
					libelleErreurDP: 'Le code service est obligatoire pour ce destinataire.',
				},
			];
		}
	}
	for (const { file, invoice } of toCreate) createFromFile(store, flux, file, invoice);
	flux.etat = etat;
	flux.dateHeureEtat = store.now();
}

function createFromFile(store: SimulatorStore, flux: FluxRecord, file: InvoiceFile, parsed: ParsedInvoice | undefined): void {
	const supplier = (parsed?.sellerSiret && store.structureByIdentifiant(parsed.sellerSiret)) || store.structure(flux.idFournisseurParDefaut);
	const buyer = parsed?.buyerSiret ? store.structureByIdentifiant(parsed.buyerSiret) : undefined;
	const service = buyer?.services.find((s) => s.codeService === parsed?.serviceCode && s.estActif);
	const ht = parsed?.ht ?? 0;
	const tva = parsed?.tva ?? 0;
	const ttc = parsed?.ttc ?? Math.round((ht + tva) * 100) / 100;
	const invoice = store.addInvoice({
		statut: 'BROUILLON',
		historique: [],
		numeroFacture: (parsed?.numero ?? file.name.replace(/\.[^.]+$/, '')).slice(0, 35),
		typeFacture: parsed?.type ?? 'FACTURE',
		dateFacture: parsed?.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date) ? parsed.date : toDay(flux.dateDepot),
		dateDepot: flux.dateDepot,
		modeDepot: 'UPLOAD_API',
		idFournisseur: supplier?.idStructureCPP,
		idDestinataire: buyer?.idStructureCPP,
		idServiceExecutant: service?.idService ?? (buyer ? null : undefined),
		numeroBonCommande: parsed?.orderReference ?? null,
		devise: parsed?.devise ?? 'EUR',
		montantHT: ht,
		montantTVA: tva,
		montantTTC: ttc,
		montantAPayer: parsed?.aPayer ?? ttc,
		numeroFluxDepot: flux.numeroFluxDepot,
		lignesPoste: [],
		lignesTva: [],
		taille: file.bytes.length,
	});
	store.deposit(invoice, null);
	flux.invoiceIds.push(invoice.idFacture);
}

/** `POST /deposer/flux` (§3.1). Size checked on the decoded bytes (30 Mo → 20001 GDP_MSG_11.022). */
export function depositFlux(store: SimulatorStore, body: {
	fichierFlux: string;
	nomFichier: string;
	syntaxeFlux: string;
	avecSignature?: boolean;
}, bytes: Buffer): FluxRecord {
	if (bytes.length > FLUX_MAX_BYTES) throw Errors.fluxTooLarge();
	const now = store.now();
	const flux: FluxRecord = {
		numeroFluxDepot: store.newFluxNumber(),
		nomFichier: body.nomFichier,
		syntaxeFlux: body.syntaxeFlux,
		avecSignature: body.avecSignature ?? false,
		dateDepot: now,
		bytes,
		idFournisseurParDefaut: [...store.account.fournisseur][0],
		etat: PENDING_STATES[0],
		dateHeureEtat: now,
		observations: 0,
		forced: store.nextFluxOutcome,
		listeErreurDP: [],
		listeErreurTechnique: [],
		invoiceIds: [],
	};
	store.nextFluxOutcome = undefined;
	store.flux.set(flux.numeroFluxDepot, flux);
	return flux;
}
