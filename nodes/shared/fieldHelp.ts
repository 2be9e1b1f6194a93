import type { Field } from './operation';

/**
 * Help text of the generated parameters: one plain sentence for an accountant, the API key in parentheses for
 * whoever reads the Chorus Pro documentation. Operations may give their own sentence (`Field.description`);
 * where they give nothing or only the API key, the sentence comes from this vocabulary (by parameter name), or
 * is said from the label.
 */
const HELP: Readonly<Record<string, string>> = {
	adresse: 'Street and number of the address',
	adresseCodePays: 'Two-letter country code of the address, e.g. FR',
	adresseCodePostal: 'Postcode of the address',
	adresseVille: 'City of the address',
	adresseEmailConnexionUtilisateur: 'Email address the user logs in to Chorus Pro with',
	avecSansService: 'Whether the recipient structure must have services, must have none, or either',
	cadreFacturation: 'The billing framework: the kind of invoice or statement and who issues it',
	codeCadreFacturation: 'The billing framework: the kind of invoice or statement and who issues it',
	codeCadreFacturationTravaux: 'The billing framework of the works invoice',
	code: 'Code of the subcategory',
	codeCategorie: 'Code of the category',
	codePostal: 'Postcode of the address',
	codeService: 'Code of the service, as its structure defined it',
	codeServiceExecutant: 'Code of the recipient service that handles the invoice',
	codeServiceValideur: 'Code of the validator service',
	commentaire: 'Free comment, kept with the invoice',
	complementAdresse1: 'Second line of the address',
	complementAdresse2: 'Third line of the address',
	dateDebutActivation: 'Date from which the link is active',
	dateFinActivation: 'Date until which the link is active',
	dateDebutPeriode: 'First day of the period the invoice covers',
	dateFinPeriode: 'Last day of the period the invoice covers',
	dateDepot: 'Date the invoice was deposited on Chorus Pro',
	dateEngagementJuridique: 'Date of the legal commitment (purchase order or contract)',
	dateFacture: 'Date written on the invoice',
	dateFactureTravaux: 'Date written on the works invoice',
	description: 'Free text that describes it',
	dpOuDpArchive: 'Whether to search live payment requests or archived ones',
	estMOAUniquement: 'Whether the structure acts only as project owner',
	etatCourantEngagementJuridique: 'Current state of the legal commitment',
	format: 'Format of the file to produce',
	formatFlux: 'Format of the deposited flux',
	idCoordonneeBancaire: 'Chorus Pro ID of the bank account to be paid on',
	identifiantDestinataire: 'SIRET of the buyer the invoice is addressed to',
	libelle: 'Name or label, as shown in Chorus Pro',
	libelleCategorie: 'Label of the category',
	libelleStructure: 'Name of the structure',
	libelleTypeEngagementJuridique: 'Type of the legal commitment',
	listeTypeFacture: 'Only these invoice types',
	listeTypeFactureTravaux: 'Only these works invoice types',
	modeDepot: 'How the invoice was deposited on Chorus Pro',
	modePaiement: 'How the invoice is to be paid',
	montantAPayer: 'Amount left to pay, in the invoice currency',
	montantHT: 'Amount excluding VAT, in the invoice currency',
	montantTTC: 'Amount including VAT, in the invoice currency',
	montantHtTotal: 'Total amount excluding VAT, in the invoice currency',
	montantTtcTotal: 'Total amount including VAT, in the invoice currency',
	montantTVA: 'Total VAT amount, in the invoice currency',
	montantRemiseGlobaleTTC: 'Discount on the whole invoice, VAT included',
	motifRemiseGlobaleTTC: 'Reason for the discount on the whole invoice',
	nbResultatsMaximum: 'Most results Chorus Pro may return for this search',
	nomStructure: 'Last name, for a structure that is a private individual',
	prenomStructure: 'First name, for a structure that is a private individual',
	nomVilleCodePostal: 'Part of the name, city or postcode of the structure',
	numeroBonCommande: 'Number of the purchase order the invoice refers to',
	numeroDpMandat: 'Number of the payment order (mandat) of the payment request',
	numeroEngagement: 'Number of the legal commitment (purchase order or contract) the invoice refers to',
	numeroEngagementJuridique: 'Number of the legal commitment (purchase order or contract)',
	numeroFacture: 'Number the supplier gave the invoice',
	numeroFactureOrigine: 'Number of the original invoice this credit note or invoice corrects',
	numeroFactureTravaux: 'Number the supplier gave the works invoice',
	numeroFluxDepot: 'Number of the flux the invoice was deposited in',
	numeroMarche: 'Number of the public contract the invoice refers to',
	pieceJointeSollicitation: 'Attachment of the support request',
	raisonSocialeStructure: 'Company name of the structure',
	siretStructure: 'SIRET of the structure (14 digits)',
	statutCourant: 'Current status of the invoice',
	statutStructure: 'Status of the structure',
	syntaxeFlux: 'Format of the invoice file (UBL, CII, Factur-X…)',
	telephone: 'Phone number to reach it',
	typeDemandePaiement: 'Type of payment request',
	typeFacture: 'Invoice or credit note',
	typeFactureTravaux: 'Type of works invoice or statement',
	typeIdentifiantStructure: 'Kind of identifier the structure has (SIRET for a French company)',
	typeObjet: 'Kind of object the list is for',
	typeStructure: 'Whether the structure is public or private',
	typeTva: 'How VAT is due: on debits, on receipts, exempt or none',
	ville: 'City of the address',
	action: 'What the validator does with the invoice',
	devise: 'Currency of the amounts, an ISO 4217 code such as EUR',
	direction: 'Order of the results: ascending or descending',
};

/** "Executing Service ID" → "executing service ID": words in capitals (SIRET, VAT, ID) keep them. */
function lowerLabel(label: string): string {
	return label
		.split(' ')
		.map((word) => (/^[A-Z][a-z]/.test(word) ? word.toLowerCase() : word))
		.join(' ');
}

/** A description that is only the API key, e.g. `numeroFacture` or `structure.idStructure (inclusive)`. */
export function isOnlyApiKey(description: string | undefined): boolean {
	return description === undefined || /^[A-Za-z][\w.]*(?: \([^)]*\))?$/.test(description.trim());
}

/** The sentence when neither the operation nor the vocabulary has one, said from the label. */
function fromLabel(field: Field, filter: boolean): string {
	const label = field.label;
	if (/ (From|Min)$/.test(label)) {
		const what = lowerLabel(label.replace(/ (From|Min)$/, ''));
		return field.type === 'number' ? `Only results whose ${what} is at least this amount` : `Only results whose ${what} is on or after this date`;
	}
	if (/ (To|Max)$/.test(label)) {
		const what = lowerLabel(label.replace(/ (To|Max)$/, ''));
		return field.type === 'number' ? `Only results whose ${what} is at most this amount` : `Only results whose ${what} is on or before this date (the whole day included)`;
	}
	if (/ ID$/.test(label)) return `Chorus Pro ID of the ${lowerLabel(label.replace(/ ID$/, ''))}`;
	return filter ? `Only results with this ${lowerLabel(label)}` : `The ${lowerLabel(label)}`;
}

/** The help sentence of a field; `filter` when it narrows a search. */
export function fieldHelp(field: Field, filter: boolean): string {
	const given = field.description;
	if (!isOnlyApiKey(given)) return given as string;
	const sentence = HELP[field.name] ?? fromLabel(field, filter);
	// Keep what the operation said (the API key, "inclusive"…) after the sentence.
	const [, key, extra] = /^([\w.]+)(?: \(([^)]*)\))?$/.exec(given?.trim() ?? '') ?? [];
	const apiKey = key ?? field.key ?? field.name;
	return `${sentence} (${extra ? `${apiKey}, ${extra}` : apiKey})`;
}

/** Help of a search filter of the PPF-style APIs: what it matches, then its details and API key. */
export function filterHelp(label: string, details: Array<string | undefined>, exact: boolean): string {
	const sentence = `Only results whose ${lowerLabel(label)} ${exact ? 'is exactly' : 'contains'} this value`;
	return `${sentence} (${[...new Set(details.filter(Boolean))].join('; ')})`;
}
