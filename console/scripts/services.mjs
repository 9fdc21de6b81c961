// The four services whose OpenAPI documents (written by their Quarkus build) the console is generated from.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const services = ['registry', 'visit', 'alert', 'volunteer'].map((name) => ({
  name,
  document: path.join(root, `${name}-service`, 'target', 'openapi', 'openapi.json'),
}));
