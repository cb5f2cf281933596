'use strict';
// The standard services: grpc.health.v1.Health and server reflection (v1alpha and v1).
const protobuf = require('protobufjs');
const { grpc, protoLoader, LOADER_OPTIONS, ScenarioFailed, check, unary, deadline, expectStatus, firstThenCancel } = require('./support');

async function healthCheck(c) {
  const { response } = await unary(c.health, 'Check', { service: '' });
  check(response.status === 'SERVING', `status ${response.status}`);
}

async function healthCheckUnknownService(c) {
  await expectStatus(grpc.status.NOT_FOUND, unary(c.health, 'Check', { service: 'no.such.Service' }));
}

async function healthWatch(c) {
  const { first, error } = await firstThenCancel(c.health.Watch({ service: '' }, { deadline: deadline() }));
  check(first && first.status === 'SERVING', `first Watch message: ${JSON.stringify(first)}`);
  check(error.code === grpc.status.CANCELLED, `after cancel: ${grpc.status[error.code]} ${error.details}`);
}

/** One request on its own ServerReflectionInfo stream; resolves with the one answer. */
function ask(client, request) {
  return new Promise((resolve, reject) => {
    const answers = [];
    const call = client.ServerReflectionInfo({ deadline: deadline() });
    call.on('data', (a) => answers.push(a));
    call.on('error', reject);
    call.on('end', () => (answers.length === 1 ? resolve(answers[0])
      : reject(new ScenarioFailed(`expected one answer to ${JSON.stringify(request)}, got ${answers.length}`))));
    call.write(request);
    call.end();
  });
}

/** A FileDescriptorSet (field 1: repeated FileDescriptorProto) made of the server's serialized files, as sent. */
function descriptorSet(files) {
  const writer = protobuf.Writer.create();
  for (const file of files) writer.uint32((1 << 3) | 2).bytes(file);
  return Buffer.from(writer.finish());
}

async function reflection(c, version) {
  const client = c.reflection(version);
  const listed = await ask(client, { list_services: '' });
  check(listed.message_response === 'list_services_response', `list_services answered ${listed.message_response}: ${JSON.stringify(listed.error_response)}`);
  const services = listed.list_services_response.service.map((s) => s.name);
  for (const name of ['iom.directory.v1.DirectoryService', 'grpc.health.v1.Health']) {
    check(services.includes(name), `${name} missing from list_services: ${services}`);
  }

  const found = await ask(client, { file_containing_symbol: 'iom.directory.v1.DirectoryService' });
  check(found.message_response === 'file_descriptor_response', `file_containing_symbol answered ${found.message_response}: ${JSON.stringify(found.error_response)}`);
  const definition = protoLoader.loadFileDescriptorSetFromBuffer(descriptorSet(found.file_descriptor_response.file_descriptor_proto), LOADER_OPTIONS);
  const Reflected = grpc.loadPackageDefinition(definition).iom.directory.v1.DirectoryService;
  const directory = new Reflected(c.target, grpc.credentials.createInsecure(), { channelOverride: c.channel });
  const { response: office } = await unary(directory, 'GetOffice', { id: 'ro-cairo' });
  check(office.id === 'ro-cairo' && office.provenance.source_document, `decoded with reflected types: ${JSON.stringify(office)}`);

  const unknown = await ask(client, { file_containing_symbol: 'no.such.Symbol' });
  check(unknown.message_response === 'error_response' && unknown.error_response.error_code === grpc.status.NOT_FOUND,
    `unknown symbol: ${JSON.stringify(unknown)}`);
}

module.exports = {
  'health-check': healthCheck, 'health-check-unknown-service': healthCheckUnknownService, 'health-watch': healthWatch,
  'reflection-v1alpha': (c) => reflection(c, 'v1alpha'), 'reflection-v1': (c) => reflection(c, 'v1'),
};
