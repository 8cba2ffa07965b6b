// Writes src/lib/server/graphql-types.ts from the API contract (../schema.graphql).
// Output types list every field; callers Pick what their query selects.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

const schemaFile = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const outFile = fileURLToPath(new URL('../src/lib/server/graphql-types.ts', import.meta.url));

const BUILT_IN = { ID: 'string', String: 'string', Int: 'number', Float: 'number', Boolean: 'boolean' };
// Every custom scalar must be mapped on purpose: an unmapped one stops the build.
const SCALARS = {
  Rupiah: 'number',
  LocalDate: 'string',
  DateTimeISO: 'string',
  JSONObject: 'Record<string, unknown>',
};

function tsType(type) {
  if (isNonNullType(type)) return tsBase(type.ofType);
  return `${tsBase(type)} | null`;
}

function tsBase(type) {
  if (isListType(type)) return `Array<${tsType(type.ofType)}>`;
  if (isScalarType(type) && type.name in BUILT_IN) return BUILT_IN[type.name];
  return type.name;
}

function doc(description, indent = '') {
  return description ? `${indent}/** ${description.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';
}

function fields(type, input) {
  return Object.values(type.getFields())
    .map((f) => {
      const optional = input && !isNonNullType(f.type) ? '?' : '';
      return `${doc(f.description, '  ')}  ${f.name}${optional}: ${tsType(f.type)};`;
    })
    .join('\n');
}

function declare(type) {
  const head = doc(type.description);
  if (isScalarType(type)) {
    if (type.name in BUILT_IN) return undefined;
    if (!(type.name in SCALARS)) throw new Error(`No TypeScript mapping for scalar ${type.name}; add it to SCALARS`);
    return `${head}export type ${type.name} = ${SCALARS[type.name]};`;
  }
  if (isEnumType(type)) return `${head}export type ${type.name} = ${type.getValues().map((v) => `'${v.name}'`).join(' | ')};`;
  if (isUnionType(type)) return `${head}export type ${type.name} = ${type.getTypes().map((t) => t.name).join(' | ')};`;
  if (isObjectType(type) || isInterfaceType(type)) return `${head}export interface ${type.name} {\n${fields(type, false)}\n}`;
  if (isInputObjectType(type)) return `${head}export interface ${type.name} {\n${fields(type, true)}\n}`;
  throw new Error(`Unexpected schema type ${type.name}`);
}

const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
const declarations = Object.values(schema.getTypeMap())
  .filter((t) => !t.name.startsWith('__'))
  .sort((a, b) => a.name.localeCompare(b.name))
  .map(declare)
  .filter(Boolean);

writeFileSync(outFile, `// Generated from schema.graphql by scripts/gen-graphql-types.mjs. Do not edit.\n\n${declarations.join('\n\n')}\n`);
console.log(`wrote ${declarations.length} types to ${outFile}`);
