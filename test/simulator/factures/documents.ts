/**
 * Files the platform hands out: a real (minimal, valid) PDF per invoice, a "pivot" XML per invoice, ZIP
 * archives for several invoices (built here: store method + CRC-32, readable by any unzip), and the
 * flux deposit report PDF of `consulterCR`.
 *
 * The pivot XML layout is not public (docs/api-notes.md §16.3 gap 7); the one produced here carries the invoice's main
 * data under a `CPPFacturePivot` root so that a client can at least check it is XML of the right invoice.
 */
import { toDay, toMinute } from '../dates';
import type { Invoice, SimulatorStore } from '../store';

/** A one-page PDF 1.4 showing `lines` in Helvetica, with a correct xref table. */
export function minimalPdf(title: string, lines: string[]): Buffer {
	const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const text = [title, '', ...lines]
		.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 18} Td (${escape(line)}) Tj ET`)
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
	];
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(Buffer.byteLength(out, 'latin1'));
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

export function invoicePdf(store: SimulatorStore, invoice: Invoice): Buffer {
	const supplier = store.structure(invoice.idFournisseur);
	const buyer = store.structure(invoice.idDestinataire);
	return minimalPdf(`${invoice.typeFacture === 'AVOIR' ? 'Avoir' : 'Facture'} ${invoice.numeroFacture}`, [
		`Date : ${invoice.dateFacture}`,
		`Fournisseur : ${supplier?.raisonSociale ?? ''} (SIRET ${supplier?.identifiant ?? ''})`,
		`Destinataire : ${buyer?.raisonSociale ?? ''} (SIRET ${buyer?.identifiant ?? ''})`,
		`Montant HT : ${invoice.montantHT.toFixed(2)} ${invoice.devise}`,
		`TVA : ${invoice.montantTVA.toFixed(2)} ${invoice.devise}`,
		`Montant TTC : ${invoice.montantTTC.toFixed(2)} ${invoice.devise}`,
		`Identifiant Chorus Pro : ${invoice.idFacture}`,
	]);
}

const xml = (s: unknown) =>
	String(s ?? '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export function invoicePivotXml(store: SimulatorStore, invoice: Invoice): Buffer {
	const supplier = store.structure(invoice.idFournisseur);
	const buyer = store.structure(invoice.idDestinataire);
	const service = store.service(invoice.idDestinataire, invoice.idServiceExecutant);
	const lines = invoice.lignesPoste
		.map(
			(l) =>
				`    <LignePoste><Numero>${l.numero}</Numero><Denomination>${xml(l.denomination)}</Denomination>` +
				`<Quantite>${l.quantite}</Quantite><MontantUnitaireHT>${l.montantUnitaireHT}</MontantUnitaireHT>` +
				`<TauxTva>${xml(l.tauxTva)}</TauxTva></LignePoste>`,
		)
		.join('\n');
	return Buffer.from(
		`<?xml version="1.0" encoding="UTF-8"?>
<CPPFacturePivot>
  <IdFacture>${invoice.idFacture}</IdFacture>
  <NumeroFacture>${xml(invoice.numeroFacture)}</NumeroFacture>
  <TypeFacture>${invoice.typeFacture}</TypeFacture>
  <DateFacture>${invoice.dateFacture}</DateFacture>
  <DateDepot>${toDay(invoice.dateDepot)}</DateDepot>
  <CadreFacturation>${invoice.cadreFacturation}</CadreFacturation>
  <Fournisseur><Identifiant>${xml(supplier?.identifiant)}</Identifiant><RaisonSociale>${xml(supplier?.raisonSociale)}</RaisonSociale></Fournisseur>
  <Destinataire><Identifiant>${xml(buyer?.identifiant)}</Identifiant><RaisonSociale>${xml(buyer?.raisonSociale)}</RaisonSociale><CodeServiceExecutant>${xml(service?.codeService)}</CodeServiceExecutant></Destinataire>
  <References><Devise>${invoice.devise}</Devise><TypeTva>${invoice.typeTva}</TypeTva><NumeroMarche>${xml(invoice.numeroMarche)}</NumeroMarche><NumeroBonCommande>${xml(invoice.numeroBonCommande)}</NumeroBonCommande><ModePaiement>${invoice.modePaiement}</ModePaiement></References>
  <LignesPoste>
${lines}
  </LignesPoste>
  <Montants><MontantHT>${invoice.montantHT}</MontantHT><MontantTVA>${invoice.montantTVA}</MontantTVA><MontantTTC>${invoice.montantTTC}</MontantTTC><MontantAPayer>${invoice.montantAPayer}</MontantAPayer></Montants>
  <Statut>${invoice.statut}</Statut>
</CPPFacturePivot>
`,
		'utf8',
	);
}

/** Size reported for an invoice (`taille`) and used for the 120 Mo download limit. */
export function invoiceSize(store: SimulatorStore, invoice: Invoice): number {
	return invoice.taille ?? invoicePdf(store, invoice).length;
}

/** A flux deposit report (`consulterCR.fichierCR`). */
export function fluxReportPdf(numeroFluxDepot: string, etat: string, nomFichier: string, at: Date): Buffer {
	return minimalPdf('Compte rendu de depot de flux', [
		`Flux : ${numeroFluxDepot}`,
		`Fichier : ${nomFichier}`,
		`Etat : ${etat}`,
		`Date : ${toMinute(at)}`,
	]);
}

// ---- ZIP (stored entries, CRC-32) --------------------------------------------------------------------

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(data: Buffer): number {
	let c = 0xffffffff;
	for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive of `entries` (method 0 = stored; DOS date 1980-01-01 so the bytes are reproducible). */
export function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const crc = crc32(entry.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt16LE(0, 10); // time
		local.writeUInt16LE(0x21, 12); // date 1980-01-01
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(entry.data.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(0, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(0x21, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(entry.data.length, 20);
		central.writeUInt32LE(entry.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, entry.data);
		centrals.push(central, name);
		offset += local.length + name.length + entry.data.length;
	}
	const centralSize = centrals.reduce((n, b) => n + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...centrals, end]);
}
