import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchema, SCHEMA_FILE } from './print-schema';

describe('schema.graphql', () => {
  it('is the schema the code generates (run `npm run schema` and commit it)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await renderSchema());
  });
});
