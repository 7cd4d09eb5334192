// Validates an OpenAPI document against the OpenAPI 3.0 schema and checks its $refs resolve
// (@apidevtools/swagger-parser). Usage: node validate.mjs <document.json>. Exits 1 on the first error.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs <document.json>");
  process.exit(2);
}

try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).reduce((count, item) => count + Object.keys(item).length, 0);
  console.log(`valid: OpenAPI ${api.openapi}, ${operations} operations`);
} catch (error) {
  console.error(`invalid: ${error.message}`);
  process.exit(1);
}
