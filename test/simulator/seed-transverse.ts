/**
 * Data the Transverses extras, Structures extras and Utilisateurs modules serve beyond the shared store:
 * attachment types (§11.9), files attached to structures, support request categories (sollicitations), and
 * one support request with a file. Built from the store on first use, so the main seed runs first.
 */
import { minimalPdf } from './factures/documents';
import type { SimulatorStore } from './store';

export type StructureObject = 'STRUCTURE_PIECEJOINTE' | 'STRUCTURE_MANDAT' | 'STRUCTURE_COORDONNEE_BANCAIRE';

export interface StructureFile {
	pieceJointeId: number;
	idStructure: number;
	objet: StructureObject;
	designation: string;
	typeCode: string;
	extension: string;
	bytes: Buffer;
}

/** recuperer/typespj: one or two types per object kind (typeObjet values of §11.9). */
export const ATTACHMENT_TYPES = [
	{ idTypePieceJointe: 1, codeTypePieceJointe: 'KBIS', libelleTypePieceJointe: 'Extrait Kbis', typeObjet: 'STRUCTURE' },
	{ idTypePieceJointe: 2, codeTypePieceJointe: 'STATUTS', libelleTypePieceJointe: 'Statuts', typeObjet: 'STRUCTURE' },
	{ idTypePieceJointe: 3, codeTypePieceJointe: 'RIB', libelleTypePieceJointe: "Relevé d'identité bancaire", typeObjet: 'CB' },
	{ idTypePieceJointe: 4, codeTypePieceJointe: 'MANDAT', libelleTypePieceJointe: 'Mandat de facturation', typeObjet: 'MANDAT' },
	{ idTypePieceJointe: 5, codeTypePieceJointe: 'PJ_UTILISATEUR', libelleTypePieceJointe: 'Pièce jointe utilisateur', typeObjet: 'UTILISATEUR' },
	{ idTypePieceJointe: 6, codeTypePieceJointe: 'PJ_EJ', libelleTypePieceJointe: "Pièce jointe d'engagement", typeObjet: 'EJ' },
	{ idTypePieceJointe: 7, codeTypePieceJointe: 'PJ_TRANSVERSE', libelleTypePieceJointe: 'Pièce jointe', typeObjet: 'TRANSVERSE' },
	{ idTypePieceJointe: 8, codeTypePieceJointe: 'DECOMPTE', libelleTypePieceJointe: 'Décompte de travaux', typeObjet: 'FACTURE_TRAVAUX' },
	{ idTypePieceJointe: 9, codeTypePieceJointe: 'PJ_FACTURE', libelleTypePieceJointe: 'Pièce jointe de facture', typeObjet: 'FACTURE' },
	{ idTypePieceJointe: 10, codeTypePieceJointe: 'PJ_SOLLICITATION', libelleTypePieceJointe: 'Pièce jointe de sollicitation', typeObjet: 'SOLLICITATION' },
];
/** Files uploaded with ajouter/fichier land on the account as "transverse" attachments. */
export const ACCOUNT_FILE_TYPE = ATTACHMENT_TYPES[6];

export const CATEGORIES = [
	{ idTechniqueCategorie: 1, codeCategorie: 'FACTURATION', libelleCategorie: 'Facturation', estActif: true },
	{ idTechniqueCategorie: 2, codeCategorie: 'RACCORDEMENT', libelleCategorie: 'Raccordement EDI et API', estActif: true },
	{ idTechniqueCategorie: 3, codeCategorie: 'COMPTE', libelleCategorie: 'Gestion de compte', estActif: true },
	{ idTechniqueCategorie: 4, codeCategorie: 'ANCIEN_PORTAIL', libelleCategorie: 'Ancien portail', estActif: false },
];

export const SUBCATEGORIES = [
	{ idTechniqueCategorie: 1, code: 'FACT_REJET', libelle: 'Facture rejetée', estActif: true },
	{ idTechniqueCategorie: 1, code: 'FACT_STATUT', libelle: 'Statut de facture', estActif: true },
	{ idTechniqueCategorie: 2, code: 'API_PISTE', libelle: 'Accès API PISTE', estActif: true },
	{ idTechniqueCategorie: 2, code: 'EDI_FLUX', libelle: 'Flux EDI', estActif: true },
	{ idTechniqueCategorie: 3, code: 'MOT_DE_PASSE', libelle: 'Mot de passe', estActif: true },
	{ idTechniqueCategorie: 4, code: 'ARCHIVES', libelle: 'Archives', estActif: false },
].map((s, i) => ({ ...s, dateCreation: '2019-01-15 09:00', dateDerniereModification: `2024-0${(i % 9) + 1}-01 10:00` }));

export interface Sollicitation {
	idSollicitation: number;
	pieces: Map<string, Buffer>;
}

export interface TransverseState {
	structureFiles: StructureFile[];
	sollicitations: Map<number, Sollicitation>;
}

/** The first support request of the account, with the screenshot the user attached to it. */
export const SEED_SOLLICITATION = { idSollicitation: 4_200_001, piece: 'capture_rejet.pdf' };

export function seedTransverse(store: SimulatorStore): TransverseState {
	const structureFiles: StructureFile[] = [];
	const attached = new Set([...store.account.fournisseur, ...store.account.destinataire, ...store.account.valideur]);
	for (const id of attached) {
		const s = store.structure(id);
		if (!s) continue;
		structureFiles.push({
			pieceJointeId: store.nextLinkId(),
			idStructure: id,
			objet: 'STRUCTURE_PIECEJOINTE',
			designation: `Kbis ${s.raisonSociale}`.slice(0, 50),
			typeCode: 'KBIS',
			extension: 'PDF',
			bytes: minimalPdf('Extrait Kbis', [s.raisonSociale, `SIRET ${s.identifiant}`]),
		});
		if (s.coordonneesBancaires.length) {
			const bank = s.coordonneesBancaires[0];
			structureFiles.push({
				pieceJointeId: store.nextLinkId(),
				idStructure: id,
				objet: 'STRUCTURE_COORDONNEE_BANCAIRE',
				designation: `RIB ${bank.nomCoordonneeBancaire}`.slice(0, 50),
				typeCode: 'RIB',
				extension: 'PDF',
				bytes: minimalPdf("Relevé d'identité bancaire", [s.raisonSociale, `IBAN ${bank.iban}`, `BIC ${bank.bic}`]),
			});
		}
	}
	const sollicitations = new Map<number, Sollicitation>([
		[
			SEED_SOLLICITATION.idSollicitation,
			{
				idSollicitation: SEED_SOLLICITATION.idSollicitation,
				pieces: new Map([[SEED_SOLLICITATION.piece, minimalPdf('Sollicitation 4200001', ['Capture du rejet'])]]),
			},
		],
	]);
	return { structureFiles, sollicitations };
}
