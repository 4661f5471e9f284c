import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  Header,
  ImageRun,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
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
/** Left and right page margins, in twips. */
const MARGIN = 1100;

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
 * Column widths (twips) in proportion to each column's longest text, within bounds, as the PDF's
 * auto widths do: Word's default of equal columns squeezed the outcomes' verdicts into a sliver.
 */
function columnWidths(table: { columns: string[]; rows: string[][] }, textWidth: number): number[] {
  const weights = table.columns.map((c, i) =>
    Math.min(60, Math.max(16, c.length, ...table.rows.map((r) => (r[i] ?? '').length))),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * textWidth));
}

/**
 * The reply slip: each option is a Word tick box (a checkbox content control the doctor can click,
 * printed as an empty box). The slip is one table row that may not break across pages, which Word
 * and LibreOffice both honour; a chain of keep-with-next paragraphs was split by LibreOffice.
 */
function slipTable(slip: GuidanceSlip, textWidth: number): Table {
  const line = (children: Array<TextRun | CheckBox>, spacing: { before?: number; after?: number } = {}) =>
    new Paragraph({ children, spacing: { after: 60, ...spacing } });
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = new TableCell({
    borders: {
      top: { style: BorderStyle.DASHED, size: 6, color: '888888' },
      bottom: none,
      left: none,
      right: none,
    },
    margins: { top: 200, bottom: 0, left: 0, right: 0 },
    children: [
      line([text(slip.heading, { bold: true, size: 24, color: TEAL })], { after: 80 }),
      ...slip.identity.map((l) => line([text(l, { size: 19 })], { after: 0 })),
      ...slip.paragraphs.map((p) => line([text(p)], { before: 120 })),
      ...slip.options.map((option, i) =>
        line([new CheckBox({ checked: false, alias: `Option ${i + 1}` }), text(`  ${option}`)], { before: 120 }),
      ),
      line([text(slip.notesPrompt)], { before: 200 }),
      // A tab to the right margin with an underscore leader: a line to write on, whatever the font.
      ...Array.from(
        { length: SLIP_RULED_LINES },
        () =>
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.UNDERSCORE }],
            children: [new TextRun({ font: FONT, size: 21, children: [new Tab()] })],
            spacing: { before: 200, after: 0 },
          }),
      ),
      line([text(slip.signLine)], { before: 320 }),
      line([text('Please return to:', { bold: true, size: 19 })], { before: 200, after: 0 }),
      ...slip.returnTo.map((l) => line([text(l, { size: 19 })], { after: 0 })),
    ],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ cantSplit: true, children: [cell] })],
  });
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
      case 'table': {
        const widths = columnWidths(block.table, pageSizes[doc.letterhead.paper].width - 2 * MARGIN);
        children.push(
          new Table({
            width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
            columnWidths: widths,
            rows: [
              new TableRow({
                tableHeader: true,
                children: block.table.columns.map(
                  (c, i) =>
                    new TableCell({
                      width: { size: widths[i]!, type: WidthType.DXA },
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
                      (cell, i) =>
                        new TableCell({
                          width: { size: widths[i]!, type: WidthType.DXA },
                          children: [new Paragraph({ children: [text(cell, { size: 18 })] })],
                        }),
                    ),
                  }),
              ),
            ],
          }),
        );
        children.push(para([], 120));
        break;
      }
      case 'chart': {
        // Word has no SVG without a PNG fallback; the chart's values go in as a caption instead.
        const values = block.chart.points.map(
          (p, i) => `${formatNumber(p.value, block.chart.decimals)} ${block.chart.unit} (${block.dateLabels[i]})`,
        );
        children.push(para([text(`${block.chart.title}: ${values.join(' → ')}`, { size: 18, color: '444444' })]));
        break;
      }
      case 'slip':
        children.push(para([], 240), slipTable(block, pageSizes[doc.letterhead.paper].width - 2 * MARGIN));
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
            margin: { top: 1000, bottom: 1100, left: MARGIN, right: MARGIN },
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
