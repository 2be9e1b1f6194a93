/**
 * Search criteria and sort columns of the Factures searches (docs/api-notes.md §3.8, §3.12, §3.18, §3.23, §11.10).
 * One pass of filtering and one sort per request: fine for 10,000 invoices.
 */
import { parseLenientDate } from '../dates';
import type { Invoice, SimulatorStore } from '../store';

type Predicate = (invoice: Invoice) => boolean;

/** Collects the predicates of one request; absent criteria (undefined / null / '') add nothing. */
export class Criteria {
	private readonly predicates: Predicate[] = [];

	static given(value: unknown): boolean {
		return value !== undefined && value !== null && value !== '';
	}

	add(predicate: Predicate): this {
		this.predicates.push(predicate);
		return this;
	}

	equals<T>(value: T | undefined | null, read: (i: Invoice) => T | null): this {
		if (Criteria.given(value)) this.predicates.push((i) => read(i) === value);
		return this;
	}

	oneOf<T>(values: T[] | undefined | null, read: (i: Invoice) => T | null): this {
		if (Array.isArray(values) && values.length > 0) {
			const set = new Set<unknown>(values);
			this.predicates.push((i) => set.has(read(i)));
		}
		return this;
	}

	range(min: unknown, max: unknown, read: (i: Invoice) => number): this {
		if (typeof min === 'number') this.predicates.push((i) => read(i) >= min);
		if (typeof max === 'number') this.predicates.push((i) => read(i) <= max);
		return this;
	}

	/** Inclusive period; date-only bounds cover the whole Paris day ("…Au" = end of that day). */
	period(from: unknown, to: unknown, read: (i: Invoice) => number): this {
		const start = typeof from === 'string' ? parseLenientDate(from) : undefined;
		const end = typeof to === 'string' ? parseLenientDate(to, true) : undefined;
		if (start !== undefined) this.predicates.push((i) => read(i) >= start);
		if (end !== undefined) this.predicates.push((i) => read(i) <= end);
		return this;
	}

	apply(invoices: Iterable<Invoice>): Invoice[] {
		const out: Invoice[] = [];
		for (const invoice of invoices) if (this.predicates.every((p) => p(invoice))) out.push(invoice);
		return out;
	}
}

/** `dateFacture` ("YYYY-MM-DD") as epoch ms at Paris midnight, cached per string. */
const dayCache = new Map<string, number>();
export function invoiceDay(invoice: Invoice): number {
	let t = dayCache.get(invoice.dateFacture);
	if (t === undefined) {
		t = parseLenientDate(invoice.dateFacture) ?? 0;
		dayCache.set(invoice.dateFacture, t);
	}
	return t;
}

/** Matching on a structure id, or on its SIREN when `bySiren` (rechercheSiren… flags). */
export function sameStructure(store: SimulatorStore, wanted: number, actual: number, bySiren: boolean): boolean {
	if (wanted === actual) return true;
	if (!bySiren) return false;
	const a = store.structure(wanted)?.identifiant.slice(0, 9);
	return a !== undefined && a === store.structure(actual)?.identifiant.slice(0, 9);
}

/** Sort columns shared by the Factures searches (names of the §11.10 enums). Unlisted columns sort by id. */
export function invoiceColumns(store: SimulatorStore): Record<string, (i: Invoice) => unknown> {
	const supplier = (i: Invoice) => store.structure(i.idFournisseur);
	const buyer = (i: Invoice) => store.structure(i.idDestinataire);
	const service = (i: Invoice) => store.service(i.idDestinataire, i.idServiceExecutant);
	return {
		IdFacture: (i) => i.idFacture,
		TypeDemandePaiement: (i) => i.typeDemandePaiement,
		IdFournisseur: (i) => i.idFournisseur,
		CodeFournisseur: (i) => supplier(i)?.identifiant,
		IdentifiantFournisseur: (i) => supplier(i)?.identifiant,
		TypeIdentifiantFournisseur: (i) => supplier(i)?.typeIdentifiant,
		Fournisseur: (i) => supplier(i)?.raisonSociale,
		DesignationFournisseur: (i) => supplier(i)?.raisonSociale,
		IdDestinataire: (i) => i.idDestinataire,
		CodeDestinataire: (i) => buyer(i)?.identifiant,
		IdentifiantDestinataire: (i) => buyer(i)?.identifiant,
		Destinataire: (i) => buyer(i)?.raisonSociale,
		DesignationDestinataire: (i) => buyer(i)?.raisonSociale,
		IdServiceExecutant: (i) => i.idServiceExecutant,
		CodeServiceExecutant: (i) => service(i)?.codeService,
		NomServiceExecutant: (i) => service(i)?.libelleService,
		TypeFacture: (i) => i.typeFacture,
		TypeFactureTravaux: (i) => i.typeFactureTravaux,
		NumeroFacture: (i) => i.numeroFacture,
		DateFacture: (i) => i.dateFacture,
		DateDepot: (i) => i.dateDepot.getTime(),
		MontantHT: (i) => i.montantHT,
		MontantTTC: (i) => i.montantTTC,
		MontantAPayer: (i) => i.montantAPayer,
		Devise: (i) => i.devise,
		Statut: (i) => i.statut,
		NumeroMarche: (i) => i.numeroMarche,
		NumeroBonCommande: (i) => i.numeroBonCommande,
		NumeroEngagement: (i) => i.numeroBonCommande,
		FactureTelechargeeParDestinataire: (i) => i.factureTelechargeeParDestinataire,
		NumeroFluxDepot: (i) => i.numeroFluxDepot,
		NumeroFactureOrigine: (i) => i.numeroFactureOrigine,
		ModeDepot: (i) => i.modeDepot,
		IdValideur: (i) => i.idValideur1,
		DateValidation1: (i) => i.dateValidation1?.getTime(),
	};
}
