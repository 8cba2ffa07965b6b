// Generates src/lib/server/gql/ (typed documents) from ../schema.graphql and every graphql(`…`)
// in src, with codegen.ts. Quiet on success (one line); a document that does not match the
// schema prints the codegen error and exits non-zero, so build and check stop there.
import { fileURLToPath } from 'node:url';
import { generate, loadContext } from '@graphql-codegen/cli';

const configFile = fileURLToPath(new URL('../codegen.ts', import.meta.url));
const context = await loadContext(configFile);
context.updateConfig({ silent: true });
try {
  const files = await generate(context, true);
  console.log(`graphql: typed documents generated from schema.graphql (${files.length} files in src/lib/server/gql)`);
} catch (error) {
  console.error(`graphql: ${error.message}`);
  process.exit(1);
}
