import { MB } from './validation';

/** Limits of the platform (docs/api-notes.md §13.2, §2.2), checked before sending. */
export const LIMITS = {
	/** deposer/flux: 30 Mo per flux deposited through the API (DGFiP spec). */
	fluxBytes: 30 * MB,
	/** deposer/pdf and transverses ajouter/fichier: 10 Mo per file. */
	pdfBytes: 10 * MB,
	attachmentBytes: 10 * MB,
	/** telecharger/groupe answers 413 above 120 Mo. */
	downloadBytes: 120 * MB,
	/** G2B flux: 100 Mo per file inside a flux, at most 500 invoices per flux. */
	g2bFileBytes: 100 * MB,
	g2bInvoicesPerFlux: 500,
	/** Attachment names: 50 characters (ajouter/fichier). */
	attachmentNameLength: 50,
	/** Invoice number: 20 characters in B2G. */
	invoiceNumberLength: 20,
	/** Commitment (engagement) number: 50 characters. */
	commitmentNumberLength: 50,
	/**
	 * Largest page we ask for. Our API notes (docs/api-notes.md) record no maximum; Pastell, a production client, pages by 1,000
	 * and AIFE recommends small downloads, so 1,000 is the largest page known to work.
	 */
	maxPageSize: 1000,
	/** AIFE recommends about 10 invoices per telecharger/groupe call. */
	invoicesPerDownload: 10,
	/** E-signature publishes no size limit: documents get the largest one of the annex (30 Mo per flux). */
	signedDocumentBytes: 30 * MB,
	/** A certificate is a few KB; anything near 1 MB is not one. */
	certificateBytes: 1 * MB,
} as const;

/** Attachment extensions Chorus Pro accepts (docs/api-notes.md §13.2). */
export const ATTACHMENT_EXTENSIONS = [
	'BMP', 'GIF', 'FAX', 'ODT', 'PPT', 'TIFF', 'XLS', 'BZ2', 'GZ', 'JPEG', 'P7S', 'RTF', 'TXT', 'XML', 'CSV', 'GZIP',
	'JPG', 'PDF', 'SVG', 'XHTML', 'XLSX', 'DOC', 'HTM', 'ODP', 'PNG', 'TGZ', 'XLC', 'ZIP', 'DOCX', 'HTML', 'ODS', 'PPS',
	'TIF', 'XLM', 'PPTX', 'XSD', 'XSL',
] as const;
