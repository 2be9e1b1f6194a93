/**
 * Chorus Pro Engagements node through n8n-core's real ExecuteContext against the simulator: every operation
 * runs at least once (REST paths with path and query parameters, GET/POST/PUT), the commitment lifecycle
 * refuses invalid transitions, files go in and come back byte for byte, and bad input is refused before any call.
 */
import { ChorusProEngagements } from '../../nodes/ChorusProEngagements/ChorusProEngagements.node';
import { engagementsOperations } from '../../nodes/ChorusProEngagements/operations';
import { binaryBuffer, binaryItem, CredentialStore, runNode } from '../harness/run';
import { DEMO_IDS } from '../simulator/seed';
import { commitmentByNumber, commitmentPdf } from '../simulator/seed-engagements';
import { registerEngagements } from '../simulator/apis/engagements';
import { useSimulator } from './fixture';

const PREFIX = '/cpro/engagements/v1';
const LEGACY = '/cpro/engagementsJuridiques/v1';
const node = new ChorusProEngagements();
const { sim, credentials, json: run, items: runItems, sent, itRanEveryOperation } = useSimulator(node, { prefix: PREFIX });

const NEW_NUMBER = 'EJ-2025-000999';
let createdId: number;

describe('Engagement (Commitment)', () => {
	it('checks whether numbers exist with a GET on the referential path', async () => {
		const [known] = await run('commitment', 'checkExists', { numero: DEMO_IDS.engagements[0] });
		const request = sent(`/engagement/referentiel/${DEMO_IDS.engagements[0]}/existence`);
		expect(request.method).toBe('GET');
		expect(known).toEqual({ numeroEngagementJuridique: DEMO_IDS.engagements[0], existe: true });
		const [unknown] = await run('commitment', 'checkExists', { numero: 'EJ/2025 404' });
		expect(sent('/engagement/referentiel/EJ%2F2025%20404/existence').method).toBe('GET');
		expect(unknown.existe).toBe(false);
	});

	it('searches commitments with the filters of the AIFE example, paging in parametresRecherche', async () => {
		const found = await run('commitment', 'search', {
			returnAll: true,
			additionalFields: { etatCourantEngagementJuridique: 'COMMANDE', codeEngagementJuridique: 'BON_DE_COMMANDE' },
			sort: { column: 'DateCreationEJ', direction: 'Descendant' },
		});
		expect(sent('/engagement/recherche')).toMatchObject({
			method: 'POST',
			body: {
				codeEngagementJuridique: 'BON_DE_COMMANDE',
				etatCourantEngagementJuridique: 'COMMANDE',
				parametresRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 1000, triColonne: 'DateCreationEJ', triSens: 'Descendant' },
			},
		});
		expect(found.map((c) => c.numeroEngagementJuridique).sort()).toEqual([...DEMO_IDS.engagements].sort());

		// communaute.chorus-pro.gouv.fr/rechercher-engagement-juridique: contract number, notification period, TTC range.
		const [second] = DEMO_IDS.engagements.slice(1);
		const narrowed = await run('commitment', 'search', {
			limit: 10,
			additionalFields: {
				periodeDateNotificationEJDu: '2025-02-01',
				periodeDateNotificationEJAu: '2025-02-28',
				montantTTCMin: 20000,
				montantTTCMax: 40000,
			},
		});
		expect(sent('/engagement/recherche').body).toEqual({
			periodeDateNotificationEJDu: '2025-02-01',
			periodeDateNotificationEJAu: '2025-02-28T23:59:59',
			montantTTCMin: 20000,
			montantTTCMax: 40000,
			parametresRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 10 },
		});
		expect(narrowed.map((c) => c.numeroEngagementJuridique)).toEqual([second]);
		const byContract = await run('commitment', 'search', { limit: 10, additionalFields: { numeroMarcheEngagementJuridique: '2025-M-0042' } });
		expect(byContract.map((c) => c.numeroEngagementJuridique)).toEqual([DEMO_IDS.engagements[0]]);
	});

	it('offers no filter that no source shows (idStructureEmettrice, libelleTypeEngagementJuridique)', () => {
		for (const operation of ['search', 'searchLegacy']) {
			const names = engagementsOperations.find((op) => op.operation === operation)!.fields.map((f) => f.name);
			expect(names).not.toContain('idStructureEmettrice');
			expect(names).not.toContain('libelleTypeEngagementJuridique');
		}
	});

	it('searches with the legacy service, the body OCA sends in production', async () => {
		// OCA/l10n-france l10n_fr_chorus_account/models/account_move.py: POST engagementsJuridiques/v1/rechercher.
		const found = await run('commitment', 'searchLegacy', {
			numeroEngagementJuridique: DEMO_IDS.engagements[0],
			limit: 10,
			additionalFields: { structureReceptriceEngagementJuridique: DEMO_IDS.supplier.siret, etatCourantEngagementJuridique: 'COMMANDE' },
		});
		expect(sent('/rechercher', LEGACY)).toMatchObject({
			method: 'POST',
			body: {
				numeroEngagementJuridique: DEMO_IDS.engagements[0],
				structureReceptriceEngagementJuridique: DEMO_IDS.supplier.siret,
				etatCourantEngagementJuridique: 'COMMANDE',
			},
		});
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ numeroEngagementJuridique: DEMO_IDS.engagements[0], libelleEtatCourantEJ: 'COMMANDE' });
	});

	it('gets a commitment by its number with the legacy consulterDetail', async () => {
		// communaute.chorus-pro.gouv.fr/show-commiment-details: { "numeroEngagementJuridique": "…" }.
		const [detail] = await run('commitment', 'getByNumberLegacy', { numeroEngagementJuridique: DEMO_IDS.engagements[0] });
		expect(sent('/consulterDetail', LEGACY)).toMatchObject({ method: 'POST', body: { numeroEngagementJuridique: DEMO_IDS.engagements[0] } });
		expect(detail).toMatchObject({ numeroEngagementJuridique: DEMO_IDS.engagements[0], etatCourantEngagement: 'COMMANDE' });
		expect(detail.codeRetour).toBeUndefined();
		expect(Array.isArray(detail.demandePaiement)).toBe(true);
	});

	it('a credential override of the Engagements base path changes the path the platform receives', async () => {
		const custom = '/cpro/engagements-2025/v2';
		registerEngagements(sim.router, sim.store, custom);
		const overridden = new CredentialStore({ ...credentials.data, engagementsPath: `${custom}/` });
		const [output] = await runNode(node, {
			parameters: { resource: 'commitment', operation: 'checkExists', numero: DEMO_IDS.engagements[0] },
			credentials: overridden,
		});
		expect(sim.requests[sim.requests.length - 1].path).toBe(`${custom}/engagement/referentiel/${DEMO_IDS.engagements[0]}/existence`);
		expect(output[0].json.existe).toBe(true);
	});

	it('creates a draft, validates it, updates it, and follows its histories', async () => {
		const [created] = await run('commitment', 'create', {
			numeroEngagementJuridique: NEW_NUMBER,
			libelleTypeEngagementJuridique: 'BON_DE_COMMANDE',
			idStructureEmettrice: DEMO_IDS.buyerWithEngagement.idStructureCPP,
			structureReceptriceEngagementJuridique: DEMO_IDS.supplier.siret,
			dateEngagementJuridique: '2025-07-01',
			montantHT: 4800,
			additionalFields: { objet: 'Mobilier', lignesPoste: '[{"numeroLigne":1,"designation":"Bureaux","quantite":4,"montantHT":4800}]' },
		});
		expect(sent('/engagement')).toMatchObject({
			method: 'POST',
			body: {
				numeroEngagementJuridique: NEW_NUMBER,
				libelleTypeEngagementJuridique: 'BON_DE_COMMANDE',
				idStructureEmettrice: DEMO_IDS.buyerWithEngagement.idStructureCPP,
				structureReceptriceEngagementJuridique: DEMO_IDS.supplier.siret,
				dateEngagementJuridique: '2025-07-01',
				montantHT: 4800,
				objet: 'Mobilier',
				lignesPoste: [{ numeroLigne: 1, designation: 'Bureaux', quantite: 4, montantHT: 4800 }],
			},
		});
		expect(created.etatCourantEngagementJuridique).toBe('BROUILLON');
		createdId = created.idEngagementJuridique as number;

		// A second create with the same number is refused by the platform, not sent twice by the node.
		await expect(
			run('commitment', 'create', {
				numeroEngagementJuridique: NEW_NUMBER,
				idStructureEmettrice: DEMO_IDS.buyerWithEngagement.idStructureCPP,
				structureReceptriceEngagementJuridique: DEMO_IDS.supplier.siret,
				dateEngagementJuridique: '2025-07-01',
				montantHT: 1,
			}),
		).rejects.toThrow(/20003/);

		const [validated] = await run('commitment', 'changeStatus', { id: createdId, statusOperation: 'valider', additionalFields: { commentaire: 'Budget OK' } });
		expect(sent(`/engagement/${createdId}/statuts/valider`)).toMatchObject({ method: 'POST', body: { commentaire: 'Budget OK' } });
		expect(validated.etatCourantEngagementJuridique).toBe('COMMANDE');
		// A validated commitment is a purchase order number the recipient structure accepts on invoices.
		expect(sim.store.structure(DEMO_IDS.buyerWithEngagement.idStructureCPP)?.engagements).toContain(NEW_NUMBER);

		await expect(run('commitment', 'changeStatus', { id: createdId, statusOperation: 'rouvrir' })).rejects.toThrow(/20004/);

		const [updated] = await run('commitment', 'update', { idEngagementJuridique: createdId, additionalFields: { montantHT: 5200, devise: 'EUR' } });
		expect(sent('/engagement')).toMatchObject({ method: 'PUT', body: { idEngagementJuridique: createdId, montantHT: 5200, devise: 'EUR' } });
		expect(updated.montantHT).toBe(5200);

		const [detail] = await run('commitment', 'get', { id: createdId });
		expect(sent(`/engagement/${createdId}`).method).toBe('GET');
		expect(detail).toMatchObject({ numeroEngagementJuridique: NEW_NUMBER, etatCourantEngagementJuridique: 'COMMANDE', montantHT: 5200 });
		expect(detail.codeRetour).toBeUndefined();

		const statuses = await run('commitment', 'getStatusHistory', { id: createdId });
		expect(sent(`/engagement/${createdId}/statuts`).method).toBe('GET');
		expect(statuses.map((s) => s.statut)).toEqual(['BROUILLON', 'COMMANDE']);
		const actions = await run('commitment', 'getActionHistory', { id: createdId });
		expect(sent(`/engagement/${createdId}/actions`).method).toBe('GET');
		expect(actions.map((a) => a.action)).toEqual(['CREATION', 'VALIDER', 'MODIFICATION']);

		await run('commitment', 'changeStatus', { id: createdId, statusOperation: 'cloturer' });
		await expect(run('commitment', 'update', { idEngagementJuridique: createdId, additionalFields: { montantHT: 1 } })).rejects.toThrow(/20004/);
		expect(sim.store.engagements.commitments.get(createdId)?.montantHT).toBe(5200);
	});

	it('refuses bad input before any HTTP call', async () => {
		const before = sim.counts();
		await expect(
			run('commitment', 'create', {
				numeroEngagementJuridique: 'E'.repeat(51),
				idStructureEmettrice: 1,
				structureReceptriceEngagementJuridique: 'x',
				dateEngagementJuridique: '2025-07-01',
				montantHT: 1,
			}),
		).rejects.toThrow(/Commitment Number.*item 1.*at most 50/);
		await expect(
			run('commitment', 'create', {
				numeroEngagementJuridique: 'EJ-1',
				idStructureEmettrice: 1,
				structureReceptriceEngagementJuridique: 'x',
				dateEngagementJuridique: '2025-02-30',
				montantHT: 1,
			}),
		).rejects.toThrow(/Commitment Date.*item 1.*not a valid date/);
		await expect(run('commitment', 'update', { idEngagementJuridique: 5 })).rejects.toThrow(/Nothing to update.*item 1/);
		await expect(run('commitment', 'get', { id: 'abc' })).rejects.toThrow(/Commitment ID.*item 1.*whole number/);
		await expect(run('commitment', 'create', {
			numeroEngagementJuridique: 'EJ-2',
			idStructureEmettrice: 1,
			structureReceptriceEngagementJuridique: 'x',
			dateEngagementJuridique: '2025-07-01',
			montantHT: 1,
			additionalFields: { lignesPoste: '[{' },
		})).rejects.toThrow(/Lines \(JSON\).*not valid JSON/);
		expect(sim.counts()).toBe(before);
	});
});

describe('Commitment Attachment and Health', () => {
	it('attaches a binary file to a commitment and downloads it back, byte for byte', async () => {
		const seeded = commitmentByNumber(sim.store, DEMO_IDS.engagements[0])!;
		const content = Buffer.from('Quantité;Prix\n4;1200\n', 'utf8');
		const [added] = await run('commitmentAttachment', 'add', { idEngagement: seeded.idEngagementJuridique }, [
			await binaryItem(content, 'bordereau.csv', 'text/csv'),
		]);
		expect(sent('/piece-jointe')).toMatchObject({
			method: 'POST',
			body: { idEngagement: seeded.idEngagementJuridique, fichier: content.toString('base64'), nomFichier: 'bordereau.csv', typeMime: 'text/csv', extension: 'CSV' },
		});
		const id = added.idPieceJointe as number;

		const [file] = await runItems('commitmentAttachment', 'download', { id });
		expect(sent(`/piece-jointe/${id}`).method).toBe('GET');
		expect((await binaryBuffer(file)).equals(content)).toBe(true);
		expect(file.json).toMatchObject({ fileName: 'bordereau.csv', mimeType: 'text/csv', fileSize: content.length });
		expect(file.json.fichier).toBeUndefined();

		const before = sim.counts();
		await expect(run('commitmentAttachment', 'add', { idEngagement: seeded.idEngagementJuridique }, [await binaryItem('x', 'run.bat', 'text/plain')])).rejects.toThrow(
			/extension "BAT"/,
		);
		expect(sim.counts()).toBe(before);
	});

	it('downloads the commitment document with the id as query parameter', async () => {
		const seeded = commitmentByNumber(sim.store, DEMO_IDS.engagements[1])!;
		const [file] = await runItems('commitmentAttachment', 'downloadCommitment', { idEngagement: seeded.idEngagementJuridique });
		const request = sent('/piece-jointe/');
		expect(request).toMatchObject({ method: 'GET', query: `idEngagement=${seeded.idEngagementJuridique}` });
		expect((await binaryBuffer(file)).equals(commitmentPdf(seeded))).toBe(true);
		expect(file.json).toMatchObject({ fileName: `${DEMO_IDS.engagements[1]}.pdf`, mimeType: 'application/pdf' });
	});

	it('checks the API health', async () => {
		const [health] = await run('health', 'check');
		expect(sent('/engagement/healthcheck').method).toBe('GET');
		expect(health).toMatchObject({ status: 'UP' });
	});
});

itRanEveryOperation(engagementsOperations);
