#!/usr/bin/env node
// Rewrites the "Context" part of the header comment of every shipped template from the documented
// contexts (src/core/templating/template-contexts.ts). Run after `npm run build`:  node scripts/template-headers.mjs
// test/unit/template-files.test.ts checks that the headers are current.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextHeader } from '../dist/core/templating/template-contexts.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
let changed = 0;
for (const lang of ['zh-CN', 'en']) {
  for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.hbs'))) {
    const name = file.slice(0, -4);
    const header = contextHeader(name);
    if (header === null) continue;
    const path = join(root, lang, file);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(/(\{\{!--[\s\S]*?)\n {2}Context[\s\S]*?\n--\}\}/, `$1\n${header}\n--}}`);
    if (next === text && !text.includes(header)) throw new Error(`${lang}/${file}: no "  Context" header block to rewrite`);
    if (next !== text) {
      writeFileSync(path, next);
      changed++;
    }
  }
}
console.log(`template headers: ${changed} file(s) updated`);
