/**
 * Structures route beyond `structures.ts`: lister/rattachementsutilisateur (reference §6.5, official Swagger —
 * the body is checked against `ListerRattachementsStructureUtilisateurParam`). The simulator's only user is
 * the technical account's: its links to a structure are the structure's active services when the account is
 * attached to the structure (VALIDEE), none otherwise.
 */
import { toIsoParis } from '../dates';
import { BusinessError, ok, paginate, readPage, sortBy } from '../envelope';
import { addIfAbsent } from '../modelKit';
import type { Router } from '../router';
import type { SimulatorStore } from '../store';

/** [sim] codes: the platform's texts for this operation are not public. */
const fail = {
	noStructure: () => new BusinessError(20001, 'GCU_MSG_05.003 - La structure doit être renseignée (idStructure ou identifiantStructure).'),
	unknownStructure: (id: unknown) => new BusinessError(20001, `GCU_MSG_05.001 - La structure ${String(id)} est inconnue.`),
	unknownUser: () => new BusinessError(20002, "GCU_MSG_05.004 - L'utilisateur est inconnu."),
};

export function register(router: Router, store: SimulatorStore): void {
	const api = router.api({ name: 'structures', prefix: '/cpro/structures/v1', swagger: 'structures' });

	addIfAbsent(router, api, 'POST', '/lister/rattachementsutilisateur', ({ body }) => {
		if (body.idStructure === undefined && !body.identifiantStructure) throw fail.noStructure();
		const s =
			body.idStructure !== undefined
				? store.structure(body.idStructure)
				: store.structureByIdentifiant(body.identifiantStructure, body.typeIdentifiantStructure);
		if (!s) throw fail.unknownStructure(body.idStructure ?? body.identifiantStructure);
		const user = store.account.user;
		if (
			(body.idUtilisateur !== undefined && body.idUtilisateur !== user.idUtilisateur) ||
			(body.adresseEmailConnexionUtilisateur !== undefined && body.adresseEmailConnexionUtilisateur !== user.email)
		) {
			throw fail.unknownUser();
		}
		const attached = ['fournisseur', 'destinataire', 'valideur'].some((role) =>
			store.account[role as 'fournisseur'].has(s.idStructureCPP),
		);
		const services = attached ? s.services.filter((v) => v.estActif) : [];
		const page = readPage(body.parametresListerRattachementsStructureUtilisateur);
		const sorted = sortBy(
			services,
			page,
			{ CodeService: (v) => v.codeService, NomService: (v) => v.libelleService, StatutRattachement: () => 'VALIDEE' },
			(v) => v.idService,
		);
		const { items, counters } = paginate(sorted, page);
		return ok({
			designationStructure: s.raisonSociale,
			idStructure: s.idStructureCPP,
			identifiantStructure: s.identifiant,
			premierService: items.length > 0 && items[0].idService === services[0]?.idService,
			listeServices: items.map((v) => ({
				codeService: v.codeService,
				commentaire: null,
				dateDebut: toIsoParis(v.dateDebut),
				dateFin: v.dateFin ? toIsoParis(v.dateFin) : null,
				idRattachement: v.idService * 10 + 1,
				idService: v.idService,
				nomService: v.libelleService,
				statutRattachement: 'VALIDEE',
			})),
			parametresRetour: counters,
		});
	});
}
