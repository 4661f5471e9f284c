// The model and chart only, not the letters index: the worker need not load the drafting rules.
import { chartSvg } from '../../shared/clinical/letters/chartSvg';
import {
  footerText,
  letterBlocks,
  letterTitle,
  SLIP_RULED_LINES,
  type GuidanceSlip,
  type LetterDocument,
} from '../../shared/clinical/letters/model';

const TEAL = '#137871';
const MARGIN = 56;
const pageWidths = { A4: 595.28, LETTER: 612 };

/**
 * The reply slip, drawn rather than typed: the embedded font has no "☐", and a missing glyph could
 * read as a tick. One unbreakable stack, so the options are never split from each other or from
 * the signature lines by a page break.
 */
function slipContent(slip: GuidanceSlip, width: number): unknown {
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    stack: [
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.8 }],
        margin: [0, 0, 0, 10],
      },
      { text: slip.heading, bold: true, fontSize: 12, color: TEAL, margin: [0, 0, 0, 4] },
      ...slip.identity.map((l) => ({ text: l, fontSize: 9.5 })),
      ...slip.paragraphs.map((p) => ({ text: p, margin: [0, 6, 0, 2] })),
      ...slip.options.map((option) => ({
        columns: [
          {
            width: 18,
            canvas: [{ type: 'rect', x: 0, y: 1.5, w: 11, h: 11, lineWidth: 1, lineColor: '#222222' }],
          },
          { width: '*', text: option },
        ],
        columnGap: 4,
        margin: [0, 8, 0, 0],
      })),
      { text: slip.notesPrompt, margin: [0, 14, 0, 0] },
      ...Array.from({ length: SLIP_RULED_LINES }, () => ({
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6, lineColor: '#888888' }],
        margin: [0, 20, 0, 0],
      })),
      { text: slip.signLine, margin: [0, 20, 0, 0] },
      { text: 'Please return to:', bold: true, fontSize: 9.5, margin: [0, 14, 0, 2] },
      ...slip.returnTo.map((l) => ({ text: l, fontSize: 9.5 })),
    ],
  };
}

/** The pdfmake document for a letter, walked from the same blocks as the preview and the DOCX. */
export function letterPdfDefinition(doc: LetterDocument, createdAt: Date, draft: boolean) {
  const content: unknown[] = [];
  for (const block of letterBlocks(doc)) {
    switch (block.kind) {
      case 'letterhead':
        content.push({
          columns: [
            {
              width: '*',
              stack: [
                { text: block.clinicName, fontSize: 16, bold: true, color: TEAL },
                ...block.lines.map((l) => ({ text: l, fontSize: 9, color: '#444444' })),
              ],
            },
            block.logo ? { width: 'auto', image: block.logo, fit: [140, 56] } : { width: 'auto', text: '' },
          ],
          margin: [0, 0, 0, 18],
        });
        break;
      case 'address':
        content.push({ stack: block.lines.map((l) => ({ text: l })), margin: [0, 0, 0, 12] });
        break;
      case 'meta':
        content.push({ stack: block.lines.map((l) => ({ text: l, fontSize: 10 })), margin: [0, 0, 0, 12] });
        break;
      case 'subject':
        content.push({ text: block.text, bold: true, margin: [0, 4, 0, 8] });
        break;
      case 'heading':
        content.push({ text: block.text, bold: true, fontSize: 12, color: TEAL, margin: [0, 10, 0, 4] });
        break;
      case 'paragraph':
        content.push({ text: block.text, margin: [0, 0, 0, 6] });
        break;
      case 'table':
        content.push({
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: block.table.columns.map((_, i) => (i === block.table.columns.length - 1 ? '*' : 'auto')),
            body: [
              block.table.columns.map((c) => ({ text: c, bold: true, fontSize: 9, fillColor: '#e8f3f2' })),
              ...block.table.rows.map((r) => r.map((cell) => ({ text: cell, fontSize: 9 }))),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 4, 0, 8],
        });
        break;
      case 'chart':
        content.push({ svg: chartSvg(block.chart, block.dateLabels), width: 420, margin: [0, 4, 0, 8] });
        break;
      case 'slip':
        content.push(slipContent(block, pageWidths[doc.letterhead.paper] - 2 * MARGIN));
        break;
      case 'signature':
        content.push({
          stack: [
            block.image
              ? { image: block.image, fit: [160, 50], margin: [0, 6, 0, 2] }
              : { text: ' ', margin: [0, 14, 0, 0] },
            ...block.lines.map((l, i) => ({ text: l, bold: i === 0 })),
          ],
          margin: [0, 4, 0, 8],
          unbreakable: true,
        });
        break;
      case 'copies':
        content.push({ text: `Copies to: ${block.lines.join('; ')}`, fontSize: 9, margin: [0, 8, 0, 0] });
        break;
    }
  }
  return {
    info: { title: letterTitle(doc), author: doc.signatory.name, creator: 'Pacewise', creationDate: createdAt },
    pageSize: doc.letterhead.paper,
    // A draft printed by mistake must never pass for the letter that was sent.
    ...(draft ? { watermark: { text: 'DRAFT', color: '#b00020', opacity: 0.12, bold: true } } : {}),
    pageMargins: [MARGIN, 48, MARGIN, 56] as [number, number, number, number],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    header: (page: number) =>
      page > 1
        ? {
            text: doc.letterhead.clinicName,
            alignment: 'right',
            fontSize: 8,
            color: '#666666',
            margin: [56, 20, 56, 0],
          }
        : null,
    footer: (page: number, pages: number) => ({
      text: footerText(doc, page, pages),
      alignment: 'center',
      fontSize: 8,
      color: '#444444',
      margin: [56, 20, 56, 0],
    }),
    content,
  };
}
