import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';

/**
 * Every text a person can see comes from the dictionaries, so it exists in Bahasa Indonesia and
 * in English. This reads the templates of every page and component and fails on words written
 * straight into the markup (text between tags, or in aria-label / placeholder / title / alt).
 */
const src = fileURLToPath(new URL('../..', import.meta.url));

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return svelteFiles(full);
    return name.endsWith('.svelte') ? [full] : [];
  });
}

/** Keys whose Bahasa Indonesia text is also the English one although it is a phrase (proper names). */
const SAME_WORD_KEYS = new Set(['app.tagline', 'funding.kind.CSR']);

/** Text that is the same in both languages: names of the languages, the programme's proper names, symbols. */
const SAME_IN_BOTH = new Set(['Bahasa Indonesia', 'English', 'Kupang Peduli', 'SABOAK KOEPAN', 'Ina Kasih', 'WhatsApp']);

/** Removes `{...}` expressions (balanced braces), so only literal markup text stays. */
function stripExpressions(markup: string): string {
  let out = '';
  let depth = 0;
  for (const ch of markup) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

function literalTexts(source: string): string[] {
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const found: string[] = [];
  const attributes = /\s(?:aria-label|placeholder|title|alt)="([^"{]*)"/g;
  for (const m of markup.matchAll(attributes)) found.push(m[1]);
  for (const m of stripExpressions(markup).matchAll(/>([^<]+)</g)) found.push(m[1]);
  return found.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => /\p{L}{2,}/u.test(text) && !SAME_IN_BOTH.has(text));
}

describe('visible texts', () => {
  const files = svelteFiles(src);

  it('finds the templates', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [path.relative(src, f), f]))('%s writes no words outside the dictionaries', (_, file) => {
    expect(literalTexts(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('would notice a word written into the markup', () => {
    const sample = `<script>const a = '<b>x</b>';</script><p>{t('a.b')} Simpan</p><input placeholder="Cari nama" /><span>{n} · {m}</span>`;
    expect(literalTexts(sample)).toEqual(['Cari nama', 'Simpan']);
  });

  it('has every key in both languages and no English text left in Bahasa Indonesia', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const untranslated = (Object.keys(id) as (keyof typeof id)[]).filter(
      // One word the same in both (Status, Program, Total, Herbal) is a loanword; a phrase is a missed translation.
      (k) => !SAME_WORD_KEYS.has(k) && id[k] === en[k] && (id[k].replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? []).length > 1 && !SAME_IN_BOTH.has(id[k]),
    );
    expect(untranslated).toEqual([]);
  });
});
