// Receives IomDirectory webhooks and verifies their Standard Webhooks signature (Node's standard library only).
//
//     WEBHOOK_SECRET=whsec_... PORT=8080 node receive_webhook.js
//
// Register it with `iomdir webhooks add https://your-host/hooks/iomdir` (the secret is printed once). Each verified
// change is printed as one JSON line; a request with a bad or old signature is answered 400 and printed as rejected.
// Deliveries come at least once, in order: use webhook-id (one per change) to skip one seen before.
'use strict';
const crypto = require('node:crypto');
const http = require('node:http');

const key = Buffer.from(process.env.WEBHOOK_SECRET.replace(/^whsec_/, ''), 'base64');
const toleranceSeconds = 5 * 60; // refuse replays of old deliveries
const maxBody = 1024 * 1024;
const seen = new Set(); // webhook-ids already handled (keep a bounded, persistent store in production)

function verify(headers, body) {
  const id = headers['webhook-id'], timestamp = headers['webhook-timestamp'], signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
  return signatures.split(' ').some((s) => {
    if (!s.startsWith('v1,')) return false;
    const given = Buffer.from(s.slice(3), 'base64');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

const server = http.createServer((request, response) => {
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > maxBody) { response.writeHead(413).end(); request.destroy(); } else chunks.push(chunk);
  });
  request.on('end', () => {
    if (response.writableEnded) return;
    const body = Buffer.concat(chunks);
    if (request.method !== 'POST' || !verify(request.headers, body)) {
      console.log(JSON.stringify({ rejected: request.headers['webhook-id'] ?? null }));
      response.writeHead(400).end();
      return;
    }
    const id = request.headers['webhook-id'];
    if (!seen.has(id)) {
      seen.add(id);
      const event = JSON.parse(body.toString('utf8'));
      console.log(JSON.stringify({ id, type: event.type, kind: event.data.entityKind, record: event.data.entityId }));
    }
    response.writeHead(204).end();
  });
});

server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
