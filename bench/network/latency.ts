import { connect, createServer, type AddressInfo, type Server, type Socket } from 'net';

/**
 * A TCP relay on 127.0.0.1 that adds a round-trip time: every chunk waits half the RTT in each direction, and a
 * connection's first chunk waits one more RTT, the TCP handshake a real network would have cost. TLS runs through
 * it untouched, so a new connection pays its handshakes at the network's pace, as it would across the internet.
 */
export interface LatencyRelay {
	port: number;
	close(): Promise<void>;
}

/**
 * Forwards chunks in order, each no earlier than `delayMs` after it arrived; the end of the stream travels at the
 * same pace, after the last chunk. One queue and one timer per direction: separate timers could fire out of order.
 */
function delayedPipe(from: Socket, to: Socket, delayMs: () => number): void {
	const queue: Array<{ due: number; chunk: Buffer | null }> = [];
	let timer: NodeJS.Timeout | undefined;
	const flush = (): void => {
		timer = undefined;
		while (queue.length > 0 && queue[0].due <= Date.now()) {
			const { chunk } = queue.shift()!;
			if (to.destroyed) continue;
			if (chunk === null) to.end();
			else to.write(chunk);
		}
		if (queue.length > 0) timer = setTimeout(flush, queue[0].due - Date.now());
	};
	const push = (chunk: Buffer | null, delay: number): void => {
		const last = queue.length > 0 ? queue[queue.length - 1].due : 0;
		queue.push({ due: Math.max(Date.now() + delay, last), chunk });
		if (timer === undefined) timer = setTimeout(flush, queue[0].due - Date.now());
	};
	from.on('data', (chunk: Buffer) => push(chunk, delayMs()));
	let ended = false;
	const end = (): void => {
		if (ended) return;
		ended = true;
		push(null, 0);
	};
	from.on('end', end);
	from.on('close', end);
	from.on('error', () => undefined);
}

export async function startLatencyRelay(targetPort: number, rttMs: number): Promise<LatencyRelay> {
	const sockets = new Set<Socket>();
	const server: Server = createServer((client) => {
		const upstream = connect(targetPort, '127.0.0.1');
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.setNoDelay(true);
			socket.on('close', () => sockets.delete(socket));
		}
		let first = true;
		delayedPipe(client, upstream, () => {
			const extra = first ? rttMs : 0;
			first = false;
			return rttMs / 2 + extra;
		});
		delayedPipe(upstream, client, () => rttMs / 2);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	return {
		port: (server.address() as AddressInfo).port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
