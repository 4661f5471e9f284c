// Reports what the renderer loads before its first screen (the entry script, the chunks
// index.html preloads, the stylesheets) against everything the build wrote; run after the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'out/renderer');
const html = readFileSync(join(root, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const size = (file) => {
  const bytes = readFileSync(join(root, file));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
};
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
const sum = (files) =>
  files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
const all = readdirSync(join(root, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => /\.(js|css)$/.test(f) && statSync(join(root, f)).isFile());
const first = sum(initial);
const total = sum(all);
const lazy = all
  .filter((f) => !initial.includes(f))
  .map((f) => ({ f, ...size(f) }))
  .sort((a, b) => b.raw - a.raw);
console.log(
  `First screen loads ${initial.length} files: ${kb(first.raw)} (${kb(first.gzip)} gzipped) of the renderer's ${kb(total.raw)}; ` +
    `${lazy.length} files load when their screen opens, the largest: ${lazy
      .slice(0, 3)
      .map((l) => `${l.f.replace(/^assets\//, '')} ${kb(l.raw)}`)
      .join(', ')}.`,
);
