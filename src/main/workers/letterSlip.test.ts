import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { guidanceChoices } from '../../shared/clinical/letters';
import { sampleGuidanceRequest } from '../../shared/clinical/letters/testLetters';
import { letterPdfDefinition } from './letterPdf';
import { render, stopRenderer } from './render';

// Real rendering in the worker thread; its first start loads pdfmake and docx.
vi.setConfig({ testTimeout: 60_000 });
afterAll(() => stopRenderer());

/** A guidance request whose body is lengthened by `padding` one-line paragraphs, to move the slip down the page. */
const guidanceRequest = (padding: number) =>
  sampleGuidanceRequest({
    planned: Array.from({ length: padding }, (_, i) => `Planned item ${i + 1}.`).join('\n\n'),
  });

/** The slip's parts: the one unbreakable stack that says where to return it. */
function slipOf(definition: ReturnType<typeof letterPdfDefinition>): Array<Record<string, unknown>> {
  const blocks = definition.content as Array<{ unbreakable?: boolean; stack?: Array<Record<string, unknown>> }>;
  const slip = blocks.find((c) => c.unbreakable && c.stack?.some((part) => part['text'] === 'Please return to:'));
  return slip?.stack ?? [];
}

describe('the reply slip in the PDF', () => {
  it('draws each tick box as an empty square, with no "☐" character for the font to miss', () => {
    const definition = letterPdfDefinition(guidanceRequest(0), new Date('2026-12-07T09:00:00Z'), false);
    expect(JSON.stringify(definition)).not.toContain('\u2610');
    const options = slipOf(definition).filter((part) => Array.isArray(part['columns']));
    expect(options).toHaveLength(3);
    for (const [i, option] of options.entries()) {
      const [box, label] = option['columns'] as [{ canvas: Array<Record<string, unknown>> }, { text: string }];
      expect(box.canvas).toEqual([expect.objectContaining({ type: 'rect', w: 11, h: 11 })]);
      expect(label.text).toBe(guidanceChoices[i]);
    }
  });

  it('keeps the options, signature lines and return address on one page wherever the page breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacewise-slip-'));
    try {
      const pagesSeen = new Set<number>();
      // Each step moves the slip about 75 pt down; the slip is over 200 pt tall, so several of these
      // letters would split it across the page break if it were allowed to break.
      for (let padding = 0; padding <= 44; padding += 4) {
        const bytes = await render({
          kind: 'letter-pdf',
          document: guidanceRequest(padding),
          createdAt: '2026-12-07T09:00:00Z',
          draft: false,
        });
        const file = join(dir, `slip-${padding}.pdf`);
        writeFileSync(file, bytes);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
        const texts = Array.from({ length: pages }, (_, i) =>
          execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
            encoding: 'utf8',
          }).replace(/\s+/g, ' '),
        );
        // The last page a text is on (the clinic's address is also in the letterhead on page 1).
        const onPage = (needle: string) => {
          const index = texts.findLastIndex((text) => text.includes(needle));
          return index < 0 ? null : index + 1;
        };
        const heading = onPage('Your guidance: reply slip');
        expect(heading, `padding ${padding}`).not.toBeNull();
        for (const needle of [
          ...guidanceChoices.map((c) => c.slice(0, 30)),
          'Signed:',
          'Please return to:',
          '1 Quay Street',
        ]) {
          expect(onPage(needle), `${needle} with padding ${padding}`).toBe(heading);
        }
        expect(onPage('Yours sincerely')!, `padding ${padding}`).toBeLessThanOrEqual(heading!);
        pagesSeen.add(heading!);
      }
      // The range really did carry the slip over a page break.
      expect(pagesSeen.size).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the reply slip in the Word document', () => {
  it('uses Word tick boxes (unticked) inside one table row that may not break across pages', async () => {
    const bytes = await render({ kind: 'letter-docx', document: guidanceRequest(0), draft: false });
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const boxes = xml.match(/<w14:checkbox>.*?<\/w14:checkbox>/g) ?? [];
    expect(boxes).toHaveLength(3);
    for (const box of boxes) expect(box).toContain('<w14:checked w14:val="0"/>');
    // Word and LibreOffice both move a row that cannot split whole to the next page; a chain of
    // keep-with-next paragraphs, tried first, was split by LibreOffice after the second option.
    const rows = xml.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    const slip = rows.filter((row) => row.includes('Your guidance: reply slip'));
    expect(slip).toHaveLength(1);
    expect(slip[0]).toContain('<w:cantSplit/>');
    for (const part of ['<w14:checkbox>', 'Signed:', 'Please return to:', 'Phone 02 9000 0000']) {
      expect(slip[0]).toContain(part);
    }
    expect(xml.indexOf('Yours sincerely')).toBeLessThan(xml.indexOf('Your guidance: reply slip'));
    // No stray "☐" typed as text: the only boxes are the three controls.
    expect((xml.match(/<w:t[^>]*>[^<]*\u2610/g) ?? []).length).toBe(0);
  });
});
