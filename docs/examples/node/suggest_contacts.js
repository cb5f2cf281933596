#!/usr/bin/env node
// Asks the directory whom to contact (SuggestContacts over HTTP/JSON), with Node's built-in fetch (Node 18+).
//   node suggest_contacts.js "Who handles cash-based interventions?" --country KE
//   IOMDIR_TOKEN=... node suggest_contacts.js "..." --url https://directory.iom.int:5081
// Prints one line per contact, best first; on an error, the google.rpc.Status message on stderr and exit code 1.
'use strict';
const { parseArgs } = require('node:util');

async function suggestContacts(baseUrl, query, { country, maxResults = 5, token } = {}) {
  const body = { query, maxResults };
  if (country) body.askerCountry = country;
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(new URL('v1/contacts:suggest', baseUrl.replace(/\/?$/, '/')), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  if (!response.ok) {
    // google.rpc.Status (code, message, details); an answer from before the API (e.g. a proxy) may have no body.
    const status = await response.json().catch(() => ({ message: response.statusText }));
    throw Object.assign(new Error(status.message), { status: response.status });
  }
  const answer = await response.json();
  return answer;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      country: { type: 'string' },
      max: { type: 'string', default: '5' },
      url: { type: 'string', default: process.env.IOMDIR_URL || 'http://127.0.0.1:5081' },
      token: { type: 'string', default: process.env.IOMDIR_TOKEN },
    },
  });
  if (positionals.length !== 1) {
    console.error('usage: node suggest_contacts.js QUERY [--country CC] [--max N] [--url URL] [--token TOKEN]');
    return 2;
  }
  try {
    const answer = await suggestContacts(values.url, positionals[0], { country: values.country, maxResults: Number(values.max), token: values.token });
    console.log(`language: ${answer.detectedLanguage}, confident: ${answer.confident}`);
    answer.suggestions.forEach((s, i) => {
      const address = s.email || (s.route && s.route.email) || 'no address in the sources';
      console.log(`${i + 1}. ${s.displayName} <${address}> (${s.contactKind}, score ${s.score.toFixed(2)})`);
    });
    return 0;
  } catch (error) {
    console.error(`error ${error.status ?? ''}: ${error.message}`);
    return 1;
  }
}

main().then((code) => { process.exitCode = code; });
