/** The baseline: a bare Node `http` server answering every request with a fixed JSON body. */
import { createServer } from 'node:http';

const body = JSON.stringify({ data: { customer_id: '2awTHloSJX7kGGprFerOOsvABcd', coupon_code: 'CZ-A1B2C3D4', status: 'validated', remaining_usages: 0 }, meta: {} });
const port = Number(process.argv[2] ?? 0);
createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}).listen(port, '127.0.0.1', () => console.log('ready'));
