// Validates an OpenAPI document with @apidevtools/swagger-parser (the OpenAPI 3.0 JSON schema, then every $ref
// resolved and the spec's own rules: unique operation ids, path parameters declared, …).
// Usage: node validate.js FILE   — prints "valid: TITLE VERSION, N paths" and exits 0, or the errors and exits 1.
'use strict';
const SwaggerParser = require('@apidevtools/swagger-parser');

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.js FILE');
  process.exit(2);
}
SwaggerParser.validate(file)
  .then((api) => {
    console.log(`valid: ${api.info.title} ${api.openapi}, ${Object.keys(api.paths).length} paths`);
  })
  .catch((err) => {
    console.error(`invalid: ${err.message}`);
    process.exit(1);
  });
