'use strict';
// What every scenario of the Node interop client shares: the repository's .proto files loaded with
// @grpc/proto-loader, promise wrappers over grpc-js calls, and checks that fail saying what was seen.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const REPO = path.resolve(__dirname, '..', '..', '..');
const INCLUDE_DIRS = [path.join(REPO, 'protos'), path.join(REPO, 'tests', 'interop', 'protos')];
const LOADER_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

class ScenarioFailed extends Error {}

function check(condition, message) {
  if (!condition) throw new ScenarioFailed(message);
}

function loadProtos() {
  const files = [
    'iom/directory/v1/directory.proto', 'grpc/health/v1/health.proto',
    'grpc/reflection/v1alpha/reflection.proto', 'grpc/reflection/v1/reflection.proto',
  ];
  return grpc.loadPackageDefinition(protoLoader.loadSync(files, { ...LOADER_OPTIONS, includeDirs: INCLUDE_DIRS }));
}

/** google.rpc.Status and its details, decoded with protobufjs (proto-loader gives no codecs for plain messages). */
function loadRichErrorTypes() {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => {
    if (target.startsWith('google/protobuf/')) return target; // bundled by protobufjs
    return path.join(INCLUDE_DIRS[1], target);
  };
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
  return { Status: root.lookupType('google.rpc.Status'), BadRequest: root.lookupType('google.rpc.BadRequest') };
}

function deadline(seconds = 10) {
  return new Date(Date.now() + seconds * 1000);
}

/** A unary call as a promise of { response, headers } (headers: the initial metadata). */
function unary(client, method, request, { metadata = new grpc.Metadata(), options = {} } = {}) {
  return new Promise((resolve, reject) => {
    let headers = null;
    const call = client[method](request, metadata, { deadline: deadline(), ...options }, (error, response) =>
      error ? reject(error) : resolve({ response, headers }));
    call.on('metadata', (m) => { headers = m; });
  });
}

/** Every message of a server stream, as a promise. */
function collect(call) {
  return new Promise((resolve, reject) => {
    const messages = [];
    call.on('data', (m) => messages.push(m));
    call.on('error', reject);
    call.on('end', () => resolve(messages));
  });
}

/** Awaits a call that must fail with this status; returns the error. */
async function expectStatus(code, promise) {
  let result;
  try {
    result = await promise;
  } catch (error) {
    check(error.code === code, `expected ${grpc.status[code]}, got ${grpc.status[error.code]} (${error.code}): ${error.details}`);
    return error;
  }
  throw new ScenarioFailed(`expected ${grpc.status[code]}, but the call succeeded with ${JSON.stringify(result)}`);
}

/** Reads the first message of a stream, then cancels it; resolves with { first, error } once the stream has ended. */
function firstThenCancel(call) {
  return new Promise((resolve, reject) => {
    let first = null;
    call.on('data', (m) => {
      if (first !== null) return;
      first = m;
      call.cancel();
    });
    call.on('error', (error) => resolve({ first, error }));
    call.on('end', () => reject(new ScenarioFailed(`the stream ended normally instead of being cancelled (first: ${JSON.stringify(first)})`)));
  });
}

class Context {
  constructor(target, channelOptions = {}) {
    this.target = target;
    this.protos = loadProtos();
    const credentials = grpc.credentials.createInsecure();
    this.directory = new this.protos.iom.directory.v1.DirectoryService(target, credentials, channelOptions);
    this.channel = this.directory.getChannel();
    const shared = { channelOverride: this.channel };
    this.health = new this.protos.grpc.health.v1.Health(target, credentials, shared);
    this.generic = new grpc.Client(target, credentials, shared);
  }

  reflection(version) {
    const service = this.protos.grpc.reflection[version].ServerReflection;
    return new service(this.target, grpc.credentials.createInsecure(), { channelOverride: this.channel });
  }

  close() {
    this.directory.close();
  }
}

module.exports = { grpc, protoLoader, LOADER_OPTIONS, ScenarioFailed, check, deadline, unary, collect, expectStatus, firstThenCancel, loadRichErrorTypes, Context };
