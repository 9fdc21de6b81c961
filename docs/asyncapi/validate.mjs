// Validates asyncapi.yaml: (1) the official AsyncAPI parser, failing on any error diagnostic; (2) every message's
// payload and header schema compiles with Ajv (draft-07, formats) and every message example validates against
// them; (3) where the services' sources are beside this folder (docs/asyncapi in the Shouwang repository), every
// payload schema has exactly the fields of the Java record(s) named in the message's x-source, with matching JSON
// types and enum values, and ce_type names the event that class publishes. Exit 1 on any problem.
// Usage: npm ci --no-audit --no-fund && node validate.mjs
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const problems = [];
const problem = (text) => problems.push(text);

// ---------------------------------------------------------------- 1. the official parser
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, join(here, 'asyncapi.yaml')).parse();
const where = (d) => (d.path && d.path.length ? d.path.join('.') : '(document)');
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning);
for (const d of errors) problem(`parser error at ${where(d)}: ${d.message}`);
for (const d of warnings) console.warn(`warning at ${where(d)}: ${d.message}`);
if (!document) {
  for (const p of problems) console.error(p);
  console.error('asyncapi.yaml could not be parsed');
  process.exit(1);
}

// ---------------------------------------------------------------- 2. schemas compile, examples validate
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'x-personal-data', schemaType: 'boolean' });

/** The parser's resolved schema JSON without the x-parser-* annotations it adds. */
function clean(node) {
  if (Array.isArray(node)) return node.map(clean);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => !k.startsWith('x-parser-'))
      .map(([k, v]) => [k, clean(v)]));
  }
  return node;
}

function compile(what, schema) {
  try {
    return ajv.compile(clean(schema));
  } catch (e) {
    problem(`${what}: schema does not compile: ${e.message}`);
    return null;
  }
}

const messages = document.allMessages().all();
let schemaCount = 0;
let exampleCount = 0;
for (const message of messages) {
  const id = message.id();
  const payload = message.payload();
  const headers = message.headers();
  if (!payload) problem(`${id}: no payload schema`);
  if (!headers) problem(`${id}: no header schema`);
  const validatePayload = payload && compile(`${id} payload`, payload.json());
  const validateHeaders = headers && compile(`${id} headers`, headers.json());
  schemaCount += (validatePayload ? 1 : 0) + (validateHeaders ? 1 : 0);
  const examples = message.examples().all();
  if (examples.length === 0) problem(`${id}: no example`);
  for (const example of examples) {
    exampleCount++;
    const name = `${id} example ${example.name() ?? '?'}`;
    if (validatePayload && example.hasPayload() && !validatePayload(example.payload())) {
      problem(`${name}: payload ${ajv.errorsText(validatePayload.errors)}`);
    }
    if (validateHeaders && example.hasHeaders() && !validateHeaders(example.headers())) {
      problem(`${name}: headers ${ajv.errorsText(validateHeaders.errors)}`);
    }
  }
}

// ---------------------------------------------------------------- 3. the payloads match the Java records
const codeCheck = { done: 0, skipped: false };
const sourcesPresent = ['registry-service', 'alert-service', 'visit-service', 'volunteer-service']
  .every((s) => existsSync(join(repo, s, 'src', 'main', 'java')));

function javaFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) javaFiles(path, out);
    else if (name.endsWith('.java')) out.push(path);
  }
  return out;
}

const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');

/** Split at commas outside (), <>, [] and string literals. */
function splitTop(text) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if ('(<['.includes(ch)) {
      depth++;
    } else if (')>]'.includes(ch)) {
      depth--;
    } else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/** The components of `record name(...)` in file: [{json, type, jsonValue}], plus its @EventName. */
function recordOf(file, name) {
  const src = stripComments(readFileSync(file, 'utf8'));
  const start = src.search(new RegExp(`\\brecord\\s+${name}\\s*\\(`));
  if (start < 0) return null;
  const open = src.indexOf('(', start);
  let depth = 0;
  let end = open;
  for (; end < src.length; end++) {
    if (src[end] === '(') depth++;
    if (src[end] === ')' && --depth === 0) break;
  }
  const before = src.slice(Math.max(0, start - 300), start);
  const eventName = [...before.matchAll(/@EventName\(\s*"([^"]+)"\s*\)/g)].pop()?.[1];
  const components = splitTop(src.slice(open + 1, end)).map((part) => {
    const renamed = part.match(/@JsonProperty\(\s*(?:value\s*=\s*)?"([^"]+)"/)?.[1];
    const jsonValue = /@JsonValue\b/.test(part);
    const bare = part.replace(/@[\w.]+(\((?:[^()]|\([^()]*\))*\))?/g, ' ').trim().split(/\s+/);
    const javaName = bare.pop();
    const type = bare.join(' ');
    return { json: renamed ?? javaName, type, jsonValue };
  });
  return { components, eventName };
}

const enumCache = new Map();
/** Constants of `enum name` in the service's sources (nested enums included), or null. */
function enumConstants(service, name) {
  const key = `${service}:${name}`;
  if (enumCache.has(key)) return enumCache.get(key);
  let found = null;
  for (const file of javaFiles(join(repo, service, 'src', 'main', 'java'))) {
    const src = stripComments(readFileSync(file, 'utf8'));
    const m = src.match(new RegExp(`\\benum\\s+${name}\\s*(?:implements[^{]*)?\\{([\\s\\S]*?)(;|\\})`));
    if (m) {
      found = splitTop(m[1]).map((c) => c.trim().match(/^[A-Z][A-Z0-9_]*/)?.[0]).filter(Boolean);
      break;
    }
  }
  enumCache.set(key, found);
  return found;
}

/** Properties and types of an (allOf-composed) object schema. */
function shapeOf(schema) {
  const properties = {};
  const walk = (s) => {
    if (!s || typeof s !== 'object') return;
    Object.assign(properties, s.properties ?? {});
    (s.allOf ?? []).forEach(walk);
  };
  walk(schema);
  // allOf members refine each other's properties: merge the definitions of one property
  const merged = {};
  const collect = (s) => {
    if (!s || typeof s !== 'object') return;
    for (const [k, v] of Object.entries(s.properties ?? {})) merged[k] = { ...(merged[k] ?? {}), ...v };
    (s.allOf ?? []).forEach(collect);
  };
  collect(schema);
  return merged;
}

const JSON_TYPES = [
  [/^(UUID|String)$/, 'string'], [/^(Instant|OffsetDateTime|LocalDate)$/, 'string'], [/^(int|long|Integer|Long)$/, 'integer'],
  [/^(boolean|Boolean)$/, 'boolean'], [/^(BigDecimal|double|Double)$/, 'number'], [/^(List|Set)<.*>$/, 'array'],
];
const FORMATS = { UUID: 'uuid', Instant: 'date-time', OffsetDateTime: 'date-time', LocalDate: 'date' };

function compareRecord(what, service, schema, record) {
  const shape = shapeOf(schema);
  const javaNames = record.components.map((c) => c.json);
  for (const name of javaNames) if (!(name in shape)) problem(`${what}: record field ${name} is missing from the schema`);
  for (const name of Object.keys(shape)) if (!javaNames.includes(name)) problem(`${what}: schema field ${name} is not in the record`);
  for (const c of record.components) {
    const prop = shape[c.json];
    if (!prop) continue;
    const types = [].concat(prop.type ?? []);
    if (types.length === 1 && types[0] === 'null') continue; // always null in this shape (routine VisitMissed ids)
    const simple = c.type.replace(/^.*\./, '');
    const expected = JSON_TYPES.find(([re]) => re.test(c.type))?.[1] ?? 'string'; // other types: enums
    if (types.length && !types.includes(expected)) problem(`${what}.${c.json}: Java ${c.type} is JSON ${expected}, schema says ${types.join('|')}`);
    if (FORMATS[simple] && prop.format !== FORMATS[simple]) problem(`${what}.${c.json}: Java ${c.type} needs format ${FORMATS[simple]}`);
    if (/^(int|long|boolean|double)$/.test(c.type) && types.includes('null')) problem(`${what}.${c.json}: Java ${c.type} is never null`);
    const elem = c.type.match(/^(?:List|Set)<(\w+)>$/)?.[1];
    const enumType = !JSON_TYPES.some(([re]) => re.test(c.type)) ? c.type : (elem && !/^(UUID|String)$/.test(elem) ? elem : null);
    if (enumType && /^\w+$/.test(enumType)) {
      const constants = enumConstants(service, enumType);
      const declared = (elem ? prop.items?.enum : prop.enum ?? (prop.const !== undefined ? [prop.const] : undefined));
      if (constants && !declared) problem(`${what}.${c.json}: Java enum ${enumType} but the schema has no enum`);
      if (constants && declared) {
        const values = declared.filter((v) => v !== null);
        const subset = prop.const !== undefined; // a const narrows the enum on purpose (care-signal kinds)
        for (const v of values) if (!constants.includes(v)) problem(`${what}.${c.json}: ${v} is not a constant of ${enumType}`);
        if (!subset) for (const k of constants) if (!values.includes(k)) problem(`${what}.${c.json}: ${enumType}.${k} is missing from the enum`);
      }
    }
  }
}

if (!sourcesPresent) {
  codeCheck.skipped = true;
} else {
  for (const message of messages) {
    const id = message.id();
    const source = message.json()['x-source'];
    if (!source) {
      if (!id.endsWith('DeadLetter')) problem(`${id}: no x-source`);
      continue;
    }
    const ref = (text) => {
      const [path, name] = text.split('#');
      const file = join(repo, path);
      if (!existsSync(file)) {
        problem(`${id}: x-source ${path} does not exist`);
        return null;
      }
      const record = recordOf(file, name);
      if (!record) problem(`${id}: no record ${name} in ${path}`);
      return record && { ...record, name, service: path.split('/')[0] };
    };
    const ceType = message.headers()?.json().allOf?.[1]?.properties?.ce_type?.const;
    for (const text of [].concat(source.event)) {
      const event = ref(text);
      if (event && ceType !== `shouwang.${event.eventName ?? event.name}.v1`) {
        problem(`${id}: ce_type ${ceType} but ${event.name} publishes shouwang.${event.eventName ?? event.name}.v1`);
      }
    }
    const payload = message.payload().json();
    const branches = payload.oneOf ?? [payload];
    const data = [].concat(source.data);
    if (branches.length !== data.length) problem(`${id}: ${branches.length} payload shape(s) but ${data.length} x-source data record(s)`);
    data.forEach((text, i) => {
      const record = ref(text);
      if (record && branches[i]) {
        compareRecord(`${id}${branches.length > 1 ? ` ${branches[i].title ?? i}` : ''}`, record.service, branches[i], record);
        codeCheck.done++;
      }
    });
  }
}

// ---------------------------------------------------------------- summary
const channels = document.channels().all();
const operations = document.operations().all();
const schemaFiles = readdirSync(join(here, 'schemas')).filter((f) => f.endsWith('.json')).length;
for (const p of problems) console.error(`✗ ${p}`);
const code = codeCheck.skipped ? 'code check skipped (no service sources beside docs/)' : `${codeCheck.done} records checked against code`;
const summary = `asyncapi ${document.version()}: ${channels.length} channels, ${operations.length} operations, ${messages.length} messages, `
  + `${schemaCount} schemas compiled (${schemaFiles} schema files), ${exampleCount} examples valid, ${code}, `
  + `${errors.length} errors, ${warnings.length} warnings`;
if (problems.length) {
  console.error(`FAILED (${problems.length} problems) — ${summary}`);
  process.exit(1);
}
console.log(`OK — ${summary}`);
