/**
 * API Utilisateurs — `/cpro/utilisateurs/v1` (docs/api-notes.md §7): monCompte/recuperer/rattachements, the structures
 * and services the technical account is attached to, one entry per (structure, role). No Swagger exists; the
 * body model follows docs/api-notes.md §7.
 */
import { toMinute } from '../dates';
import { ok, paginate, readPage } from '../envelope';
import { int64, object, PAGINATION } from '../modelKit';
import type { Router } from '../router';
import type { Role, SimulatorStore } from '../store';

const ROLE_NAMES: Record<Role, string> = { fournisseur: 'FOURNISSEUR', destinataire: 'DESTINATAIRE', valideur: 'VALIDEUR' };

export function register(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'utilisateurs', prefix: '/cpro/utilisateurs/v1' });

	api.post(
		'/monCompte/recuperer/rattachements',
		({ body }) => {
			const links = (Object.keys(ROLE_NAMES) as Role[]).flatMap((role) =>
				[...store.account[role]].flatMap((id) => {
					const s = store.structure(id);
					return s ? [{ role, s }] : [];
				}),
			);
			const { items, counters } = paginate(links, readPage(body.parametresRecherche));
			return ok({
				listeStructureRattachement: items.map(({ role, s }) => ({
					designationStructure: s.raisonSociale,
					idRattachementStructure: s.idStructureCPP * 10 + Object.keys(ROLE_NAMES).indexOf(role),
					idStructure: s.idStructureCPP,
					identifiantStructure: s.identifiant,
					roleUtilisateur: ROLE_NAMES[role],
					statutRattachementStructure: 'VALIDEE',
					statutUtilisateur: 'ACTIF',
					typeIdentifiantStructure: s.typeIdentifiant,
					listeServicesRattache: s.services.map((v) => ({
						codeService: v.codeService,
						dateDbtService: toMinute(v.dateDebut),
						dateFinService: v.dateFin ? toMinute(v.dateFin) : null,
						estActif: v.estActif,
						idRattachementService: v.idService * 10 + 1,
						idService: v.idService,
						libelleService: v.libelleService,
						statutRattachementService: 'VALIDEE',
						statutService: v.estActif ? 'ACTIF' : 'INACTIF',
					})),
				})),
				parametresRetour: counters,
			});
		},
		{ schema: object({ idUtilisateurCourant: int64, parametresRecherche: PAGINATION }) },
	);
}
