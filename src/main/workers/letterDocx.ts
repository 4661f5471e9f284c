import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { formatNumber } from '../../shared/clinical/measures/numbers';
import {
  letterBlocks,
  letterDate,
  letterTitle,
  SLIP_RULED_LINES,
  type GuidanceSlip,
  type LetterDocument,
} from '../../shared/clinical/letters/model';
import { fitInto, imageFromDataUrl } from './images';

const TEAL = '137871';
const FONT = 'Calibri';
const pageSizes = { A4: { width: 11906, height: 16838 }, LETTER: { width: 12240, height: 15840 } };

const text = (t: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: t, font: FONT, bold: options.bold, size: options.size ?? 21, color: options.color });

function image(dataUrl: string | null, maxWidth: number, maxHeight: number): ImageRun | null {
  const img = imageFromDataUrl(dataUrl);
  if (!img) return null;
  return new ImageRun({
    type: img.type,
    data: img.bytes,
    transformation: fitInto(img.width, img.height, maxWidth, maxHeight),
  });
}

/**
 * The reply slip: each option is a Word tick box (a checkbox content control the doctor can click,
 * printed as an empty box), and every paragraph keeps with the next, so Word never splits the
 * options or their signature lines across a page break.
 */
function slipParagraphs(slip: GuidanceSlip): Paragraph[] {
  const kept = (children: Array<TextRun | CheckBox>, spacing: { before?: number; after?: number } = {}) =>
    new Paragraph({ children, keepNext: true, keepLines: true, spacing: { after: 60, ...spacing } });
  return [
    new Paragraph({
      children: [text(slip.heading, { bold: true, size: 24, color: TEAL })],
      border: { top: { style: BorderStyle.DASHED, size: 6, color: '888888', space: 10 } },
      spacing: { before: 360, after: 80 },
      keepNext: true,
      keepLines: true,
    }),
    ...slip.identity.map((l) => kept([text(l, { size: 19 })], { after: 0 })),
    ...slip.paragraphs.map((p) => kept([text(p)], { before: 120 })),
    ...slip.options.map((option, i) =>
      kept([new CheckBox({ checked: false, alias: `Option ${i + 1}` }), text(`  ${option}`)], { before: 120 }),
    ),
    kept([text(slip.notesPrompt)], { before: 200 }),
    // Empty paragraphs ruled beneath: lines to write on that stay lines in any font.
    ...Array.from(
      { length: SLIP_RULED_LINES },
      () =>
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '888888', space: 1 } },
          spacing: { before: 280, after: 0 },
          keepNext: true,
          keepLines: true,
        }),
    ),
    kept([text(slip.signLine)], { before: 320 }),
    kept([text('Please return to:', { bold: true, size: 19 })], { before: 200, after: 0 }),
    ...slip.returnTo.map((l, i) =>
      i === slip.returnTo.length - 1
        ? new Paragraph({ children: [text(l, { size: 19 })] })
        : kept([text(l, { size: 19 })], { after: 0 }),
    ),
  ];
}

/** The letter as a Word document, from the same blocks as the preview and the PDF. */
export async function letterDocx(doc: LetterDocument, draft: boolean): Promise<Buffer> {
  const children: FileChild[] = [];
  const para = (runs: Array<TextRun | ImageRun>, spacingAfter = 120) =>
    new Paragraph({ children: runs, spacing: { after: spacingAfter } });
  for (const block of letterBlocks(doc)) {
    switch (block.kind) {
      case 'letterhead': {
        const logo = image(block.logo, 180, 64);
        if (logo) children.push(new Paragraph({ children: [logo], alignment: AlignmentType.RIGHT }));
        children.push(para([text(block.clinicName, { bold: true, size: 32, color: TEAL })], 40));
        for (const l of block.lines) children.push(para([text(l, { size: 18, color: '444444' })], 0));
        children.push(para([], 240));
        break;
      }
      case 'address':
      case 'meta':
        block.lines.forEach((l, i) => children.push(para([text(l)], i === block.lines.length - 1 ? 240 : 0)));
        break;
      case 'subject':
        children.push(para([text(block.text, { bold: true })], 160));
        break;
      case 'heading':
        children.push(
          new Paragraph({
            children: [text(block.text, { bold: true, size: 24, color: TEAL })],
            spacing: { before: 200, after: 80 },
            keepNext: true,
          }),
        );
        break;
      case 'paragraph':
        children.push(para([text(block.text)]));
        break;
      case 'table':
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: block.table.columns.map(
                  (c) =>
                    new TableCell({
                      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F3F2' },
                      children: [new Paragraph({ children: [text(c, { bold: true, size: 18 })] })],
                    }),
                ),
              }),
              ...block.table.rows.map(
                (r) =>
                  new TableRow({
                    cantSplit: true,
                    children: r.map(
                      (cell) => new TableCell({ children: [new Paragraph({ children: [text(cell, { size: 18 })] })] }),
                    ),
                  }),
              ),
            ],
          }),
        );
        children.push(para([], 120));
        break;
      case 'chart': {
        // Word has no SVG without a PNG fallback; the chart's values go in as a caption instead.
        const values = block.chart.points.map(
          (p, i) => `${formatNumber(p.value, block.chart.decimals)} ${block.chart.unit} (${block.dateLabels[i]})`,
        );
        children.push(para([text(`${block.chart.title}: ${values.join(' → ')}`, { size: 18, color: '444444' })]));
        break;
      }
      case 'slip':
        children.push(...slipParagraphs(block));
        break;
      case 'signature': {
        const sig = image(block.image, 200, 60);
        children.push(sig ? para([sig], 40) : para([], 360));
        block.lines.forEach((l, i) => children.push(para([text(l, { bold: i === 0 })], 0)));
        children.push(para([], 160));
        break;
      }
      case 'copies':
        children.push(para([text(`Copies to: ${block.lines.join('; ')}`, { size: 18 })]));
        break;
    }
  }
  const born = letterDate(doc.patient.dateOfBirth, doc.letterhead);
  const document = new Document({
    creator: 'Pacewise',
    title: letterTitle(doc),
    description: `Letter about ${doc.patient.name}`,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: pageSizes[doc.letterhead.paper],
            margin: { top: 1000, bottom: 1100, left: 1100, right: 1100 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  ...(draft
                    ? [text('DRAFT, not the letter as sent · ', { bold: true, size: 16, color: 'B00020' })]
                    : []),
                  text(doc.letterhead.clinicName, { size: 16, color: '666666' }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB', space: 4 } },
                children: [
                  new TextRun({
                    font: FONT,
                    size: 16,
                    children: [
                      `${doc.patient.name} · born ${born} · MRN ${doc.patient.mrn} · Page `,
                      PageNumber.CURRENT,
                      ' of ',
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
