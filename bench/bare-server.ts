/**
 * The baseline: a bare Node `http` server that answers each request with a fixed body, the same
 * status and body the simulator gives on that path (read once from a JSON file: "METHOD url" →
 * {status, body}), so a ratio compares servers, not payloads.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);
const routes = new Map<string, { status: number; body: string; length: number }>();
const file = process.argv[3];
const table = file
  ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { status: number; body: string }>)
  : { 'GET /': { status: 200, body: '{"ok":true}' } };
for (const [k, v] of Object.entries(table)) routes.set(k, { ...v, length: Buffer.byteLength(v.body) });
const fallback = routes.values().next().value as { status: number; body: string; length: number };
createServer((req, res) => {
  req.resume();
  const r = routes.get(`${req.method} ${req.url}`) ?? fallback;
  res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': r.length });
  res.end(r.body);
}).listen(port, '127.0.0.1', () => console.log('ready'));
