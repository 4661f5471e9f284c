import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SCREENSHOTS = resolve(__dirname, '..', '.screenshots');

/** The text a reader of the PDF sees, page by page, from Debian's poppler-utils (`pdftotext -layout`). */
export function pdfPages(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** The whole text with white space folded, for phrases that may wrap. */
export function pdfText(path: string): string {
  return pdfPages(path).join(' ').replace(/\s+/g, ' ');
}

/** Keeps a copy of an exported file under e2e/.artifacts/ by the name a reviewer looks for. */
export function keepArtifact(path: string, artifact: string): string {
  const target = resolve(__dirname, '..', '.artifacts', artifact);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(path, target);
  return target;
}

/** One page of a PDF as a PNG in e2e/.screenshots/, to be looked at. */
export function pdfPagePng(pdf: string, page: number, name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const base = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  return `${base}.png`;
}
