// Generates src/api/generated/<service>.ts from each service's OpenAPI document. A missing document stops the build:
// the console must never be built against a contract it has not seen (build the services first, reactor order).
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { services } from './services.mjs';

const out = path.resolve(import.meta.dirname, '..', 'src', 'api', 'generated');
fs.mkdirSync(out, { recursive: true });
for (const { name, document } of services) {
  if (!fs.existsSync(document)) {
    console.error(`console: ${document} is missing: build ${name}-service first (mvn -B verify builds it before console)`);
    process.exit(1);
  }
  const ast = await openapiTS(new URL(`file://${document}`));
  fs.writeFileSync(path.join(out, `${name}.ts`), `// Generated from ${name}-service's OpenAPI document. Do not edit.\n${astToString(ast)}`);
  console.log(`console: typed client for ${name}-service generated`);
}
