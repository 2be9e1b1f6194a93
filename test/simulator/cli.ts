/**
 * `npm run simulator [-- --port 8080]` (or SIM_PORT=8080): the simulator with demo data, standalone, for a
 * local n8n. Prints the URLs, the credential values and the demo ids; runs until Ctrl+C / SIGTERM.
 */
import { DEMO_IDS, SIM_CREDENTIALS, startSimulator } from './server';

function portFromArgs(): number {
	const args = process.argv.slice(2);
	const i = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
	const value = i < 0 ? process.env.SIM_PORT : args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
	const port = Number(value ?? 0);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Invalid port: ${value}`);
		process.exit(2);
	}
	return port;
}

async function main(): Promise<void> {
	const sim = await startSimulator({ port: portFromArgs(), seed: 'demo' });
	const d = DEMO_IDS;
	const invoices = [...sim.store.invoices.values()];
	const line = (label: string, value: string | number) => `  ${label.padEnd(28)} ${value}`;
	console.log(
		[
			'',
			'Chorus Pro / PISTE simulator (demo data) — listening on 127.0.0.1 only',
			'',
			line('API base URL', sim.url),
			line('Token URL', sim.tokenUrl),
			'',
			'n8n credential "Chorus Pro API" → Environment: Custom',
			line('API Base URL', sim.url),
			line('Token URL', sim.tokenUrl),
			line('PISTE Client ID', SIM_CREDENTIALS.clientId),
			line('PISTE Client Secret', SIM_CREDENTIALS.clientSecret),
			line('Technical Account Login', SIM_CREDENTIALS.login),
			line('Technical Account Password', SIM_CREDENTIALS.password),
			'',
			'The technical account is attached to the supplier (to send invoices), to the first buyer (to receive',
			'and process them) and validates sub-contracting invoices (A9): one credential plays every role.',
			'',
			'Structures (idStructureCPP / SIRET):',
			line('Supplier', `${d.supplier.idStructureCPP} / ${d.supplier.siret}  ${d.supplier.name}`),
			line('Buyer (service required)', `${d.buyerWithService.idStructureCPP} / ${d.buyerWithService.siret}  ${d.buyerWithService.name}`),
			line('  services', 'FACTURES_PUBLIQUES, DST-INFO (ANCIEN-SVC inactive)'),
			line('Buyer (commitment required)', `${d.buyerWithEngagement.idStructureCPP} / ${d.buyerWithEngagement.siret}  ${d.buyerWithEngagement.name}`),
			line('  services', 'ACHATS (commitment required), PHARMACIE'),
			line('  commitment numbers', d.engagements.join(', ')),
			line('Partner (A9 sub-contractor)', `${d.partner.idStructureCPP} / ${d.partner.siret}  ${d.partner.name}`),
			'',
			'Invoices (idFacture  numero  status  recipient):',
			...invoices.map((i) =>
				`  ${i.idFacture}  ${i.numeroFacture.padEnd(12)} ${i.statut.padEnd(32)} ${sim.store.structure(i.idDestinataire)?.raisonSociale ?? ''}`,
			),
			'',
			`Flux: ${[...sim.store.flux.values()].map((f) => `${f.numeroFluxDepot} (${f.etat})`).join(', ')}`,
			'',
			'Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => {
		sim.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
