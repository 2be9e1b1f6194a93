/**
 * Chorus Pro Transverse node (Transverses, Structures, Utilisateurs APIs) through n8n-core's real ExecuteContext
 * and LoadOptionsContext against the simulator: every operation runs at least once, with the request the
 * simulator received, binary data in and out compared byte for byte, and bad input refused before any call.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChorusProTransverse } from '../../nodes/ChorusProTransverse/ChorusProTransverse.node';
import { transverseOperations } from '../../nodes/ChorusProTransverse/operations';
import { referentialOperations } from '../../nodes/ChorusProTransverse/operations/referential';
import { binaryBuffer, binaryItem, CredentialStore, loadOptions, runNode } from '../harness/run';
import { invoicePdf, minimalPdf } from '../simulator/factures/documents';
import { DEMO_IDS } from '../simulator/seed';
import { commitmentByNumber, commitmentPdf } from '../simulator/seed-engagements';
import { SEED_SOLLICITATION, transverseState } from '../simulator/seed-transverse';
import { startSimulator, type RecordedRequest, type Simulator } from '../simulator/server';

const TRANSVERSES = '/cpro/transverses/v1';
const STRUCTURES = '/cpro/structures/v1';
const node = new ChorusProTransverse();
const ran = new Set<string>();
let sim: Simulator;
let credentials: CredentialStore;

async function runItems(resource: string, operation: string, parameters: INodeParameters = {}, items?: INodeExecutionData[]) {
	ran.add(`${resource}:${operation}`);
	const [output] = await runNode(node, { parameters: { resource, operation, ...parameters }, credentials, items });
	return output;
}

async function run(resource: string, operation: string, parameters: INodeParameters = {}, items?: INodeExecutionData[]) {
	return (await runItems(resource, operation, parameters, items)).map((item) => item.json);
}

function sent(fullPath: string): RecordedRequest {
	const found = sim.requests.filter((r) => r.path === fullPath);
	expect(found.length).toBeGreaterThan(0);
	return found[found.length - 1];
}

beforeAll(async () => {
	sim = await startSimulator();
	credentials = new CredentialStore(sim.credentialData());
});

afterAll(async () => {
	await sim.close();
});

describe('Attachment', () => {
	it('uploads a binary file: base64, name, MIME type and upper-case extension; the stored bytes are equal', async () => {
		const pdf = minimalPdf('Annexe', ['ligne']);
		const longName = `${'annexe-technique-du-marche-de-travaux-'.repeat(2)}2025.pdf`;
		const [answer] = await run('attachment', 'addFile', {}, [await binaryItem(pdf, longName, 'application/pdf')]);
		const body = sent(`${TRANSVERSES}/ajouter/fichier`).body as Record<string, string>;
		expect(body).toEqual({
			pieceJointeFichier: pdf.toString('base64'),
			pieceJointeNom: expect.stringMatching(/\.pdf$/),
			pieceJointeTypeMime: 'application/pdf',
			pieceJointeExtension: 'PDF',
		});
		expect(body.pieceJointeNom).toHaveLength(50);
		const stored = sim.store.files.get(answer.pieceJointeId as number);
		expect(stored?.bytes.equals(pdf)).toBe(true);

		const mine = await run('attachment', 'searchMyAccount', { returnAll: true, additionalFields: { pieceJointeDesignation: 'annexe-technique' } });
		expect(sent(`${TRANSVERSES}/rechercher/pj/moncompte`).body).toEqual({
			pieceJointeDesignation: 'annexe-technique',
			parametresRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});
		expect(mine.map((f) => f.pieceJointeId)).toEqual([answer.pieceJointeId]);
	});

	it('refuses a file with a forbidden extension or over 10 MB before any call', async () => {
		const before = sim.counts();
		await expect(run('attachment', 'addFile', {}, [await binaryItem('MZ', 'tool.exe', 'application/octet-stream')])).rejects.toThrow(
			/extension "EXE"/,
		);
		const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
		await expect(run('attachment', 'addFile', {}, [await binaryItem(big, 'big.txt', 'text/plain')])).rejects.toThrow(/10 MB per file/);
		await expect(run('attachment', 'addFile', { additionalFields: { pieceJointeNom: 'x'.repeat(51) } }, [await binaryItem('a', 'a.txt', 'text/plain')])).rejects.toThrow(
			/File Name.*at most 50/,
		);
		expect(sim.counts()).toBe(before);
	});

	it('searches the files of a structure', async () => {
		const files = await run('attachment', 'searchStructure', { idStructureCPP: DEMO_IDS.supplier.idStructureCPP, limit: 10 });
		expect(sent(`${TRANSVERSES}/rechercher/pj/structure`).body).toEqual({
			idStructureCPP: DEMO_IDS.supplier.idStructureCPP,
			parametresRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 10 },
		});
		expect(files.map((f) => f.pieceJointeTypeCode)).toEqual(['KBIS', 'RIB']);
	});

	it('downloads the files of a payment request, a commitment, a request and a structure, byte for byte', async () => {
		const invoice = [...sim.store.invoices.values()].find((i) => sim.store.account.fournisseur.has(i.idFournisseur))!;
		const [paymentRequest] = await runItems('attachment', 'download', {
			objetPieceJointe: 'DEMANDE_PAIEMENT',
			listeFacture: String(invoice.idFacture),
			format: 'PDF',
		});
		expect(sent(`${TRANSVERSES}/telecharger/pieceJointe`).body).toEqual({
			objetPieceJointe: 'DEMANDE_PAIEMENT',
			demandePaiement: { listeFacture: [{ idFacture: invoice.idFacture }], format: 'PDF' },
		});
		expect((await binaryBuffer(paymentRequest)).equals(invoicePdf(sim.store, invoice))).toBe(true);
		expect(paymentRequest.json).toMatchObject({ fileName: `demande_paiement_${invoice.idFacture}.pdf`, mimeType: 'application/pdf' });
		expect(paymentRequest.json.pieceJointe).toBeUndefined();

		const numero = DEMO_IDS.engagements[0];
		const [commitment] = await runItems('attachment', 'download', { objetPieceJointe: 'ENGAGEMENT_JURIDIQUE', numeroEngagementJuridique: numero });
		expect(sent(`${TRANSVERSES}/telecharger/pieceJointe`).body).toEqual({
			objetPieceJointe: 'ENGAGEMENT_JURIDIQUE',
			engagementJuridique: { numeroEngagementJuridique: numero },
		});
		expect((await binaryBuffer(commitment)).equals(commitmentPdf(commitmentByNumber(sim.store, numero)!))).toBe(true);

		const [request] = await runItems('attachment', 'download', { objetPieceJointe: 'SOLLICITATION', idSollicitation: SEED_SOLLICITATION.idSollicitation });
		const piece = transverseState(sim.store).sollicitations.get(SEED_SOLLICITATION.idSollicitation)!.pieces.get(SEED_SOLLICITATION.piece)!;
		expect((await binaryBuffer(request)).equals(piece)).toBe(true);

		const [rib] = await runItems('attachment', 'download', {
			objetPieceJointe: 'STRUCTURE_COORDONNEE_BANCAIRE',
			idStructure: DEMO_IDS.supplier.idStructureCPP,
		});
		expect(sent(`${TRANSVERSES}/telecharger/pieceJointe`).body).toEqual({
			objetPieceJointe: 'STRUCTURE_COORDONNEE_BANCAIRE',
			structure: { idStructure: DEMO_IDS.supplier.idStructureCPP },
		});
		const ribFile = transverseState(sim.store).structureFiles.find((f) => f.objet === 'STRUCTURE_COORDONNEE_BANCAIRE')!;
		expect((await binaryBuffer(rib)).equals(ribFile.bytes)).toBe(true);

		// A sub-object field that does not apply to the chosen object is not sent, and one that does is required.
		const before = sim.counts();
		await expect(run('attachment', 'download', { objetPieceJointe: 'ENGAGEMENT_JURIDIQUE' })).rejects.toThrow(
			/"Commitment Number" is required \(item 1\)/,
		);
		expect(sim.counts()).toBe(before);
	});
});

describe('Recipient, Recipient Directory, Structure, My Account', () => {
	it('searches recipients by SIRET', async () => {
		const found = await run('recipient', 'search', { identifiant: DEMO_IDS.buyerWithService.siret, limit: 5 });
		expect(sent(`${TRANSVERSES}/rechercher/destinataire`).body).toEqual({
			identifiant: DEMO_IDS.buyerWithService.siret,
			parametresRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 5 },
		});
		expect(found).toEqual([expect.objectContaining({ idStructureCPP: DEMO_IDS.buyerWithService.idStructureCPP, siret: DEMO_IDS.buyerWithService.siret })]);
	});

	it('refuses a SIRET with a typo in the recipient search, instead of finding no recipient', async () => {
		const siret = DEMO_IDS.buyerWithService.siret;
		const typo = `${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`;
		const before = sim.counts();
		await expect(run('recipient', 'search', { identifiant: typo, limit: 5 })).rejects.toThrow(
			/Invalid value for "Identifier" \(item 1\): this is not a valid SIRET \(its check digit does not match\)/,
		);
		await expect(run('recipient', 'search', { identifiant: siret.slice(0, 13), limit: 5 })).rejects.toThrow(/SIRET \(14 digits\) or a SIREN/);
		expect(sim.counts()).toBe(before);
	});

	it('downloads the recipient directory as a ZIP with the public structures', async () => {
		const [item] = await runItems('recipientDirectory', 'download');
		expect(sent(`${TRANSVERSES}/telecharger/annuaire/destinataire`).body).toEqual({});
		const bytes = await binaryBuffer(item);
		expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
		expect(item.json).toMatchObject({ fileName: 'annuaire_destinataires.zip', mimeType: 'application/zip', fileSize: bytes.length });
		expect(bytes.toString('latin1')).toContain(DEMO_IDS.buyerWithEngagement.siret);
	});

	it('searches structures, gets one, its services and one service (Structures Swagger bodies)', async () => {
		const found = await run('structure', 'search', {
			identifiantStructure: DEMO_IDS.buyerWithService.siret,
			limit: 10,
			additionalFields: { typeStructure: 'PUBLIQUE', statutStructure: 'ACTIF' },
			sort: { column: 'DesignationStructure', direction: 'Ascendant' },
		});
		expect(sent(`${STRUCTURES}/rechercher`).body).toEqual({
			structure: { identifiantStructure: DEMO_IDS.buyerWithService.siret, typeStructure: 'PUBLIQUE', statutStructure: 'ACTIF' },
			parametres: { pageResultatDemandee: 1, nbResultatsParPage: 10, triColonne: 'DesignationStructure', triSens: 'Ascendant' },
		});
		expect(found).toEqual([expect.objectContaining({ idStructureCPP: DEMO_IDS.buyerWithService.idStructureCPP, statut: 'ACTIVE' })]);

		const [structure] = await run('structure', 'get', { idStructureCPP: DEMO_IDS.buyerWithService.idStructureCPP });
		expect(sent(`${STRUCTURES}/consulter`).body).toEqual({ idStructureCPP: DEMO_IDS.buyerWithService.idStructureCPP });
		expect(structure.parametres).toMatchObject({ codeServiceDoitEtreRenseigne: true });

		const services = await run('structure', 'searchServices', { idStructure: DEMO_IDS.buyerWithService.idStructureCPP, returnAll: true });
		expect(sent(`${STRUCTURES}/rechercher/services`).body).toEqual({
			idStructure: DEMO_IDS.buyerWithService.idStructureCPP,
			parametresRechercherServicesStructure: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});
		expect(services.map((s) => s.codeService)).toEqual(['FACTURES_PUBLIQUES', 'DST-INFO', 'ANCIEN-SVC']);

		const [service] = await run('structure', 'getService', { idStructure: DEMO_IDS.buyerWithService.idStructureCPP, idService: '1048577' });
		expect(sent(`${STRUCTURES}/consulter/service`).body).toEqual({ idStructure: DEMO_IDS.buyerWithService.idStructureCPP, idService: 1_048_577 });
		expect(service.informationsGenerales).toMatchObject({ codeService: 'DST-INFO' });
	});

	it("lists a user's links to a structure, and refuses a call without a structure before sending it", async () => {
		const links = await run('structure', 'listUserLinks', { returnAll: true, idStructure: DEMO_IDS.supplier.idStructureCPP });
		expect(sent(`${STRUCTURES}/lister/rattachementsutilisateur`).body).toEqual({
			idStructure: DEMO_IDS.supplier.idStructureCPP,
			parametresListerRattachementsStructureUtilisateur: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});
		expect(links).toEqual([expect.objectContaining({ codeService: 'VENTES', statutRattachement: 'VALIDEE' })]);
		const before = sim.counts();
		await expect(run('structure', 'listUserLinks', { returnAll: true })).rejects.toThrow(/Structure ID.*Structure Identifier.*item 1/);
		expect(sim.counts()).toBe(before);
	});

	it('lists the active structures of the account per role and the INSEE data of a SIRET', async () => {
		for (const [operation, path] of [
			['getActiveForRecipient', '/recuperer/structures/actives/destinataire'],
			['getActiveForWorksInvoices', '/recuperer/structures/actives/facturetravaux'],
			['getActiveForSupplier', '/recuperer/structures/actives/fournisseur'],
		]) {
			const list = await run('structure', operation);
			expect(sent(`${TRANSVERSES}${path}`).body).toEqual({});
			expect(list.length).toBeGreaterThan(0);
			expect(list[0]).toHaveProperty('idStructureCPP');
		}
		const [insee] = await run('structure', 'getSiretInformation', { siretStructure: DEMO_IDS.supplier.siret });
		expect(sent(`${TRANSVERSES}/consulter/information/siret`).body).toEqual({ siretStructure: DEMO_IDS.supplier.siret });
		expect(insee).toMatchObject({ siret: DEMO_IDS.supplier.siret, raisonSociale: DEMO_IDS.supplier.name });

		const before = sim.counts();
		await expect(run('structure', 'getSiretInformation', { siretStructure: '8451234540001' })).rejects.toThrow(/SIRET.*item 1.*14 digits/);
		expect(sim.counts()).toBe(before);
	});

	it("lists my account's structure links (Utilisateurs API)", async () => {
		const links = await run('myAccount', 'getStructureLinks', { returnAll: true });
		expect(sent('/cpro/utilisateurs/v1/monCompte/recuperer/rattachements').body).toEqual({
			parametresRecherche: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});
		expect(links.map((l) => `${l.idStructure}:${l.roleUtilisateur}`).sort()).toEqual(
			[`${DEMO_IDS.supplier.idStructureCPP}:FOURNISSEUR`, `${DEMO_IDS.buyerWithService.idStructureCPP}:DESTINATAIRE`, `${DEMO_IDS.supplier.idStructureCPP}:VALIDEUR`].sort(),
		);
	});
});

describe('Referential', () => {
	const parameters: Record<string, INodeParameters> = {
		getBillingFrameworks: { additionalFields: { typeDemandePaiement: 'FACTURE_TRAVAUX' } },
		getFluxSyntaxes: { formatFlux: 'IN_DP_E2_FACTURX' },
		getValidBankAccounts: { idStructure: DEMO_IDS.supplier.idStructureCPP },
		getInvoiceToValidateRefusalReasons: { codeCadreFacturationAValider: 'A9_FACTURE_SOUSTRAITANT' },
		getStatesByPaymentRequestType: { typeDemandePaiement: 'FACTURE' },
		getPossibleStatuses: { statutCourant: 'MISE_A_DISPOSITION' },
		getAttachmentTypes: { additionalFields: { typeObjet: 'CB' } },
		getCurrencies: { additionalFields: { codeLangue: 'EN' } },
		searchRequestCategories: { returnAll: true, additionalFields: { estActif: true } },
		searchRequestSubcategories: { returnAll: true, additionalFields: { idTechniqueCategorie: 1 } },
	};

	it.each(referentialOperations.map((op) => [op.operation, op.path] as const))('%s answers one item per element (%s)', async (operation, path) => {
		const items = await run('referential', operation, parameters[operation] ?? {});
		const request = sent(`${TRANSVERSES}${path}`);
		expect(request.method).toBe('POST');
		const { returnAll: _all, additionalFields, ...top } = parameters[operation] ?? {};
		expect(request.body).toMatchObject({ ...top, ...(additionalFields as object) });
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].codeRetour).toBeUndefined();
	});

	it('gets exactly the values the simulator lists', async () => {
		expect((await run('referential', 'getFluxSyntaxes', { formatFlux: 'IN_DP_E2_FACTURX' })).map((i) => i.syntaxeFlux)).toEqual(['IN_DP_E2_CII_FACTURX']);
		expect((await run('referential', 'getAttachmentTypes', { additionalFields: { typeObjet: 'CB' } })).map((i) => i.codeTypePieceJointe)).toEqual(['RIB']);
		const subcategories = await run('referential', 'searchRequestSubcategories', { returnAll: true, additionalFields: { idTechniqueCategorie: 1 } });
		expect(sent(`${TRANSVERSES}/rechercher/sousCategorieSollicitation`).body).toEqual({
			idTechniqueCategorie: 1,
			pagination: { pageResultatDemandee: 1, nbResultatsParPage: 1000 },
		});
		expect(subcategories).toHaveLength(1);
	});

	it('an answer whose list has another key than the unpublished one comes out as is, never as an empty success', async () => {
		// `listeSyntaxeFlux` and `listeTypeStructure` appear in no source: if Chorus Pro names the list otherwise,
		// the user gets the answer (without codeRetour/libelle) instead of nothing.
		const answer = { codeRetour: 0, libelle: 'TRA_MSG_00.000', listeSyntaxe: [{ syntaxeFlux: 'IN_DP_E2_CII_FACTURX' }] };
		sim.faults.add({ path: '/recuperer/syntaxeflux', body: JSON.stringify(answer) });
		expect(await run('referential', 'getFluxSyntaxes', { formatFlux: 'IN_DP_E2_FACTURX' })).toEqual([
			{ listeSyntaxe: [{ syntaxeFlux: 'IN_DP_E2_CII_FACTURX' }] },
		]);
		// Same rule for the paginated searches (shared pagination code).
		const page = { codeRetour: 0, libelle: 'TRA_MSG_00.000', categories: [{ code: 'X' }], parametresRetour: { pages: 1, total: 1 } };
		sim.faults.add({ path: '/rechercher/categorieSollicitation', body: JSON.stringify(page) });
		expect(await run('referential', 'searchRequestCategories', { returnAll: true })).toEqual([
			{ categories: [{ code: 'X' }], parametresRetour: { pages: 1, total: 1 } },
		]);
		// An answer with no list at all is still an empty result (answers may leave an empty list out).
		sim.faults.add({ path: '/recuperer/typestructure', body: JSON.stringify({ codeRetour: 0, libelle: 'TRA_MSG_00.000' }) });
		expect(await run('referential', 'getStructureTypes')).toEqual([]);
	});
});

describe('Flux Report and Health', () => {
	it('gets the detailed report and the PDF deposit report of a flux', async () => {
		const flux = [...sim.store.flux.values()][0];
		const [report] = await run('fluxReport', 'getFluxReport', { numeroFluxDepot: flux.numeroFluxDepot });
		expect(sent(`${TRANSVERSES}/consulterCRDetaille`).body).toEqual({ numeroFluxDepot: flux.numeroFluxDepot });
		expect(report).toMatchObject({ numeroFluxDepot: flux.numeroFluxDepot, etatCourantDepotFlux: expect.any(String) });

		const [pdf] = await runItems('fluxReport', 'getDepositReport', { numeroFluxDepot: flux.numeroFluxDepot, additionalFields: { dateDepot: '2025-03-16T10:02:11' } });
		// Paris time typed without offset, sent with the Paris offset (winter: +01:00), as the public clients send it.
		expect(sent(`${TRANSVERSES}/consulterCR`).body).toEqual({ numeroFluxDepot: flux.numeroFluxDepot, dateDepot: '2025-03-16T10:02:11+01:00' });
		expect((await binaryBuffer(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.json).toMatchObject({ fileName: `CR_${flux.numeroFluxDepot}.pdf`, etatCourantFlux: expect.any(String) });
		expect(pdf.json.fichierCR).toBeUndefined();
	});

	it('checks the API with a GET and no envelope', async () => {
		const [health] = await run('health', 'check');
		const request = sent(`${TRANSVERSES}/health-check`);
		expect(request.method).toBe('GET');
		expect(health).toMatchObject({ statusCodeValue: 200, statusCode: 'OK' });
	});
});

describe('loadOptions', () => {
	it('lists currencies, VAT rates and billing frameworks through the credential', async () => {
		const currencies = await loadOptions(node, 'getCurrencies', { credentials });
		expect(currencies).toContainEqual({ name: 'Euro (EUR)', value: 'EUR' });
		const vat = await loadOptions(node, 'getVatRates', { credentials });
		expect(vat).toContainEqual(expect.objectContaining({ value: 'TVA5', description: '20 %' }));
		const frameworks = await loadOptions(node, 'getBillingFrameworks', { credentials });
		expect(frameworks.map((f) => f.value)).toContain('A1_FACTURE_FOURNISSEUR');
	});
});

it('ran every operation of the node against the simulator', () => {
	expect(transverseOperations.map((op) => `${op.resource}:${op.operation}`).filter((key) => !ran.has(key))).toEqual([]);
});
