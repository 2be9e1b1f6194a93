/**
 * A loopback server that plays one sample at a time: it answers the PISTE token request, records what the node sends
 * and answers every API call with the sample's response, exactly as the public source shows it.
 */
import { createServer, type IncomingMessage } from 'http';
import type { AddressInfo } from 'net';

export interface ReplayedRequest {
	method: string;
	path: string;
	contentType?: string;
	/** Parsed JSON body, or the raw text. */
	body: unknown;
}

export interface ReplayServer {
	url: string;
	requests: ReplayedRequest[];
	/** The answer of every API call from now on (JSON unless the body is a string or another type is given). */
	play(status: number, body: unknown, contentType?: string): void;
	close(): Promise<void>;
}

export const REPLAY_TOKEN_PATH = '/api/oauth/token';

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function parse(text: string): unknown {
	try {
		return text === '' ? undefined : JSON.parse(text);
	} catch {
		return text;
	}
}

export async function startReplayServer(): Promise<ReplayServer> {
	const requests: ReplayedRequest[] = [];
	let answer: { status: number; body: unknown; contentType?: string } = {
		status: 500,
		body: { error: 'no sample is playing' },
	};
	const server = createServer((req, res) => {
		void readBody(req).then((text) => {
			const path = (req.url ?? '').split('?')[0];
			if (req.method === 'POST' && path === REPLAY_TOKEN_PATH) {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ access_token: 'replay-token', token_type: 'Bearer', expires_in: 3600 }));
				return;
			}
			requests.push({ method: req.method ?? '', path, contentType: req.headers['content-type'], body: parse(text) });
			if (typeof answer.body === 'string') {
				res.writeHead(answer.status, answer.body === '' ? {} : { 'Content-Type': answer.contentType ?? 'text/plain' });
				res.end(answer.body);
				return;
			}
			res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'application/json' });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		play(status, body, contentType) {
			answer = { status, body, contentType };
			requests.length = 0;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
