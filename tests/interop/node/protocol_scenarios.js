'use strict';
// The transport's side of the contract: deadlines, cancellation, unknown methods, rich errors, metadata, gzip.
const { grpc, Context, check, unary, collect, deadline, expectStatus, firstThenCancel, loadRichErrorTypes } = require('./support');

const passthrough = { serialize: (b) => b, deserialize: (b) => b };

async function getOffice(client, call = {}) {
  const result = await unary(client, 'GetOffice', { id: 'ro-cairo' }, call);
  check(result.response.id === 'ro-cairo' && result.response.city === 'Cairo', `response did not decode: ${JSON.stringify(result.response)}`);
  return result;
}

async function deadlineExceeded(c) {
  await getOffice(c.directory); // connected first, so the short deadline runs against the server, not the connection
  const call = c.directory.GetSubtree({}, { deadline: new Date(Date.now() + 1) });
  await expectStatus(grpc.status.DEADLINE_EXCEEDED, collect(call));
  await getOffice(c.directory);
}

async function streamCancelled(c) {
  const { first, error } = await firstThenCancel(c.directory.GetSubtree({}, { deadline: deadline() }));
  check(first && first.depth === 0, `first node: ${JSON.stringify(first)}`);
  check(error.code === grpc.status.CANCELLED, `after cancel: ${grpc.status[error.code]} ${error.details}`);
  await getOffice(c.directory);
}

function genericUnary(c, path) {
  const request = Buffer.from([0x0a, 0x08, ...Buffer.from('ro-cairo')]); // GetOfficeRequest { id: "ro-cairo" }
  return new Promise((resolve, reject) => c.generic.makeUnaryRequest(path, passthrough.serialize, passthrough.deserialize,
    request, new grpc.Metadata(), { deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response))));
}

async function unknownMethod(c) {
  await expectStatus(grpc.status.UNIMPLEMENTED, genericUnary(c, '/iom.directory.v1.DirectoryService/NoSuchMethod'));
}

async function unknownService(c) {
  await expectStatus(grpc.status.UNIMPLEMENTED, genericUnary(c, '/iom.directory.v1.NoSuchService/GetOffice'));
}

async function invalidArgument(c) {
  const error = await expectStatus(grpc.status.INVALID_ARGUMENT, unary(c.directory, 'GetUnit', { id: '' }));
  check(error.details.includes('id'), `details do not name the field: ${JSON.stringify(error.details)}`);
  const [details] = error.metadata.get('grpc-status-details-bin');
  check(Buffer.isBuffer(details), `no grpc-status-details-bin in ${JSON.stringify(Object.keys(error.metadata.getMap()))}`);
  const { Status, BadRequest } = loadRichErrorTypes();
  const status = Status.decode(details);
  check(status.code === grpc.status.INVALID_ARGUMENT, `google.rpc.Status code ${status.code}`);
  const packed = status.details.filter((d) => d.type_url === 'type.googleapis.com/google.rpc.BadRequest');
  check(packed.length === 1, `no google.rpc.BadRequest among ${status.details.map((d) => d.type_url)}`);
  const fields = BadRequest.decode(packed[0].value).field_violations.map((v) => v.field);
  check(fields.includes('id'), `field violations: ${fields}`);
}

async function metadataRoundTrip(c) {
  const metadata = new grpc.Metadata();
  metadata.set('x-request-id', 'abc-123');
  metadata.set('x-trace-bin', Buffer.from([0x00, 0x01, 0xfe, 0xff]));
  const { headers } = await getOffice(c.directory, { metadata });
  check(headers !== null, 'no initial metadata event');
  check(headers.get('x-request-id')[0] === 'abc-123', `x-request-id not echoed; initial metadata: ${JSON.stringify(headers.getMap())}`);
}

async function withChannel(c, options, body) {
  const other = new Context(c.target, options);
  try {
    await body(other);
  } finally {
    other.close();
  }
}

async function gzipRequest(c) {
  // grpc.default_compression_algorithm 2 = gzip: every request message is compressed, whatever its size.
  await withChannel(c, { 'grpc.default_compression_algorithm': 2 }, async (gz) => {
    await getOffice(gz.directory);
    const { response } = await unary(gz.directory, 'SearchDirectory', { query: Array(40).fill('tresorerie').join(' ') });
    check(response.hits.some((h) => h.id === 'treasury-division'), `hits: ${response.hits.map((h) => h.id)}`);
    await getOffice(gz.directory); // grpc-js stops compressing if the server's grpc-accept-encoding lacks gzip
  });
}

async function gzipAcceptedUncompressedRequest(c) {
  // grpc-js always sends grpc-accept-encoding: identity,deflate,gzip; the request itself goes uncompressed.
  await getOffice(c.directory);
  const nodes = await collect(c.directory.GetSubtree({ id: 'dhrr' }, { deadline: deadline() }));
  check(nodes.length > 1 && nodes[0].unit.id === 'dhrr', `subtree: ${JSON.stringify(nodes[0])}`);
}

module.exports = {
  'deadline-exceeded': deadlineExceeded, 'stream-cancelled': streamCancelled, 'unknown-method': unknownMethod,
  'unknown-service': unknownService, 'invalid-argument': invalidArgument, 'metadata-round-trip': metadataRoundTrip,
  'gzip-request': gzipRequest, 'gzip-accepted-uncompressed-request': gzipAcceptedUncompressedRequest,
};
