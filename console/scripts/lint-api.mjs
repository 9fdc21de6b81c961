// Lints the four OpenAPI documents with Spectral and the committed ruleset (.spectral.yaml): errors fail the build,
// warnings (today's known gaps) are counted and printed so they stay visible.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { services } from './services.mjs';

const here = path.resolve(import.meta.dirname, '..');
const spectral = path.join(here, 'node_modules', '.bin', 'spectral');
let failed = false;
for (const { name, document } of services) {
  const run = spawnSync(spectral, ['lint', '-q', '-f', 'json', '--fail-severity=error', '-r', path.join(here, '.spectral.yaml'), document],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let results = [];
  try { results = JSON.parse(run.stdout || '[]'); } catch { console.error(run.stdout, run.stderr); process.exit(1); }
  const errors = results.filter((r) => r.severity === 0);
  const warnings = {};
  for (const r of results.filter((r) => r.severity === 1)) warnings[r.code] = (warnings[r.code] || 0) + 1;
  console.log(`console: spectral ${name}-service: ${errors.length} errors, warnings ${JSON.stringify(warnings)}`);
  for (const e of errors) console.error(`  ERROR ${e.code} ${e.path.join('.')}: ${e.message}`);
  if (errors.length > 0 || run.status > 1) failed = true;
}
process.exit(failed ? 1 : 0);
