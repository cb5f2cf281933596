'use strict';
// Node (@grpc/grpc-js) interop client for IomDirectory.
//
//   node tests/interop/node/interop_client.js TARGET SCENARIO
//   node tests/interop/node/interop_client.js --list
//
// Exits 0 when the scenario passes, 1 with the reason on stderr when it fails.
const SCENARIOS = {
  ...require('./directory_scenarios'),
  ...require('./standard_scenarios'),
  ...require('./protocol_scenarios'),
};

async function main(args) {
  if (args[0] === '--list') {
    console.log(Object.keys(SCENARIOS).join('\n'));
    return 0;
  }
  const [target, scenario] = args;
  if (!target || !SCENARIOS[scenario]) {
    console.error(`usage: interop_client.js TARGET SCENARIO\nscenarios: ${Object.keys(SCENARIOS).join(', ')}`);
    return 2;
  }
  const { Context } = require('./support');
  const context = new Context(target);
  try {
    await SCENARIOS[scenario](context);
  } catch (error) {
    const detail = error && error.code !== undefined ? ` (grpc code ${error.code}, details ${JSON.stringify(error.details)})` : '';
    console.error(`FAIL ${scenario} against ${target}: ${error && error.stack ? error.stack : error}${detail}`);
    return 1;
  } finally {
    context.close();
  }
  console.log(`PASS ${scenario}`);
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
