/**
 * Commitments (engagements juridiques) of the simulator and their lifecycle. The Engagements API of 16/07/2025
 * has no public Swagger (docs/api-notes.md §8, §16.3); this model is the one the Chorus Pro Engagements node sends:
 *
 *   BROUILLON --valider--> COMMANDE --cloturer--> CLOTURE --rouvrir--> COMMANDE
 *   BROUILLON | COMMANDE --annuler--> ANNULE
 *
 * COMMANDE is the only state seen on the real platform (§11.6); the others are the simulator's plausible
 * completion. Every other (state, operation) pair is refused with a business error.
 */
import { minimalPdf } from './factures/documents';
import type { SimulatorStore } from './store';

export type CommitmentState = 'BROUILLON' | 'COMMANDE' | 'CLOTURE' | 'ANNULE';

export const COMMITMENT_TRANSITIONS: Record<string, Partial<Record<CommitmentState, CommitmentState>>> = {
	valider: { BROUILLON: 'COMMANDE' },
	cloturer: { COMMANDE: 'CLOTURE' },
	rouvrir: { CLOTURE: 'COMMANDE' },
	annuler: { BROUILLON: 'ANNULE', COMMANDE: 'ANNULE' },
};

export interface CommitmentFile {
	idPieceJointe: number;
	nomFichier: string;
	typeMime: string;
	extension: string;
	bytes: Buffer;
}

export interface Commitment {
	idEngagementJuridique: number;
	numeroEngagementJuridique: string;
	libelleTypeEngagementJuridique: string;
	idStructureEmettrice: number;
	idServiceEmetteur: number | null;
	structureReceptriceEngagementJuridique: string;
	typeIdentifiantStructureReceptrice: string;
	/** Also the notification date the legacy search filters on (periodeDateNotificationEJDu/Au). */
	dateEngagementJuridique: string;
	/** The public contract the commitment belongs to (numeroMarcheEngagementJuridique in the searches). */
	numeroMarche: string | null;
	montantHT: number;
	montantTTC: number | null;
	devise: string;
	objet: string | null;
	lignesPoste: Array<Record<string, unknown>>;
	etat: CommitmentState;
	dateCreation: Date;
	historiqueStatuts: Array<{ statut: CommitmentState; date: Date; commentaire: string | null }>;
	historiqueActions: Array<{ action: string; date: Date; utilisateur: string }>;
	piecesJointes: CommitmentFile[];
}

export interface EngagementState {
	commitments: Map<number, Commitment>;
	nextId: number;
	nextFileId: number;
}

/** A commitment document, as the platform would render it. */
export function commitmentPdf(c: Commitment): Buffer {
	return minimalPdf(`Engagement juridique ${c.numeroEngagementJuridique}`, [
		`Type : ${c.libelleTypeEngagementJuridique}`,
		`Fournisseur : ${c.structureReceptriceEngagementJuridique}`,
		`Montant HT : ${c.montantHT.toFixed(2)} ${c.devise}`,
		`Etat : ${c.etat}`,
	]);
}

/**
 * One commitment per number the structures already know (`Structure.engagements`, used by factures soumettre
 * to check `numeroBonCommande`), issued by that structure to the first private structure, state COMMANDE, with
 * one attached file.
 */
export function seedCommitments(store: SimulatorStore): EngagementState {
	const state: EngagementState = { commitments: new Map(), nextId: 3_100_000_001, nextFileId: 8_800_000_001 };
	const supplier = [...store.structures.values()].find((s) => s.typeStructure === 'PRIVEE');
	const at = store.now();
	for (const buyer of store.structures.values()) {
		for (const [k, numero] of buyer.engagements.entries()) {
			if (!supplier) break;
			const commitment: Commitment = {
				idEngagementJuridique: state.nextId++,
				numeroEngagementJuridique: numero,
				libelleTypeEngagementJuridique: 'BON_DE_COMMANDE',
				idStructureEmettrice: buyer.idStructureCPP,
				idServiceEmetteur: buyer.services[0]?.idService ?? null,
				structureReceptriceEngagementJuridique: supplier.identifiant,
				typeIdentifiantStructureReceptrice: supplier.typeIdentifiant,
				// Distinct dates, contracts and amounts, so that each search filter selects something.
				dateEngagementJuridique: `2025-0${k + 1}-20`,
				numeroMarche: k === 0 ? '2025-M-0042' : null,
				montantHT: 12_500 * (k + 1),
				montantTTC: 15_000 * (k + 1),
				devise: 'EUR',
				objet: 'Fournitures et maintenance 2025',
				lignesPoste: [{ numeroLigne: 1, designation: 'Maintenance annuelle', quantite: 1, montantHT: 12_500 }],
				etat: 'COMMANDE',
				dateCreation: at,
				historiqueStatuts: [
					{ statut: 'BROUILLON', date: at, commentaire: null },
					{ statut: 'COMMANDE', date: at, commentaire: null },
				],
				historiqueActions: [
					{ action: 'CREATION', date: at, utilisateur: 'Service achats' },
					{ action: 'VALIDATION', date: at, utilisateur: 'Service achats' },
				],
				piecesJointes: [
					{
						idPieceJointe: state.nextFileId++,
						nomFichier: 'devis_signe.pdf',
						typeMime: 'application/pdf',
						extension: 'PDF',
						bytes: minimalPdf('Devis signé', [numero]),
					},
				],
			};
			state.commitments.set(commitment.idEngagementJuridique, commitment);
		}
	}
	return state;
}

export function commitmentByNumber(store: SimulatorStore, numero: string): Commitment | undefined {
	for (const c of store.engagements.commitments.values()) if (c.numeroEngagementJuridique === numero) return c;
	return undefined;
}
