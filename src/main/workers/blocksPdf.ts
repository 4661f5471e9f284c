/**
 * A document for people to read (a patient's record, the clinic report): headings, labelled fields,
 * tables and text in reading order. Services build it from the record; this file lays it out.
 */
export type PrintedBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; newPage?: boolean }
  /** Labelled values; `pairs: 2` sets two label–value pairs side by side (short measurements). */
  | { kind: 'fields'; rows: Array<[label: string, value: string]>; pairs?: 1 | 2 }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: Array<number | '*' | 'auto'> }
  | { kind: 'paragraph'; text: string; tone?: 'muted' | 'strong' };

export interface PrintedDocument {
  title: string;
  clinicName: string;
  /** Printed at the foot of every page before "Page X of Y": whom or what the document is about. */
  footer: string;
  blocks: PrintedBlock[];
}

const TEAL = '#137871';
const MUTED = '#555555';

/**
 * A long unbroken run (a SHA-256, a file path, a URL) is given break opportunities (zero-width
 * spaces, invisible and not copied as text): otherwise pdfmake widens its column past the page edge
 * and cuts off the columns beside it.
 */
export function breakable(text: string): string {
  return text.replace(/\S{25,}/g, (run) => run.replace(/(.{16})(?=.)/g, '$1\u200B'));
}

/** A heading is kept on the page of what follows it when that is short enough to move with it. */
function movesWithHeading(block: PrintedBlock | undefined): boolean {
  if (!block) return false;
  if (block.kind === 'fields') return block.rows.length <= 12;
  if (block.kind === 'table') return block.rows.length <= 8;
  return block.kind === 'paragraph';
}

function headingNode(block: Extract<PrintedBlock, { kind: 'heading' }>) {
  const size = { 1: 15, 2: 12.5, 3: 11 }[block.level];
  const margin = { 1: [0, 14, 0, 6], 2: [0, 12, 0, 4], 3: [0, 8, 0, 3] }[block.level];
  return {
    text: block.text,
    bold: true,
    fontSize: size,
    color: block.level === 3 ? '#222222' : TEAL,
    margin,
    ...(block.newPage ? { pageBreak: 'before' } : {}),
  };
}

function blockNode(block: Exclude<PrintedBlock, { kind: 'heading' }>) {
  switch (block.kind) {
    case 'fields': {
      const cells = ([label, value]: [string, string]) => [
        { text: label, color: MUTED, fontSize: 9.5 },
        { text: breakable(value), fontSize: 9.5 },
      ];
      const body =
        block.pairs === 2
          ? block.rows
              .filter((_, i) => i % 2 === 0)
              .map((row, i) => [...cells(row), ...(block.rows[i * 2 + 1] ? cells(block.rows[i * 2 + 1]!) : ['', ''])])
          : block.rows.map(cells);
      return {
        table: { widths: block.pairs === 2 ? [120, '*', 120, '*'] : [170, '*'], body },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      };
    }
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: block.widths ?? block.columns.map((_, i) => (i === block.columns.length - 1 ? '*' : 'auto')),
          body: [
            block.columns.map((c) => ({ text: c, bold: true, fontSize: 8.5, fillColor: '#e8f3f2' })),
            ...block.rows.map((row) => row.map((cell) => ({ text: breakable(cell), fontSize: 8.5 }))),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
      };
    case 'paragraph':
      return {
        text: block.text,
        margin: [0, 0, 0, 6],
        ...(block.tone === 'muted' ? { color: MUTED, fontSize: 9.5 } : {}),
        ...(block.tone === 'strong' ? { bold: true } : {}),
      };
  }
}

/**
 * The pdfmake document: every page carries the clinic's name at the top and, at the foot, whom the
 * document is about with "Page X of Y", so a page that comes loose can still be placed. `pages` is
 * told the page count as pdfmake lays out the footers.
 */
export function blocksPdfDefinition(
  doc: PrintedDocument,
  options: { paper: 'A4' | 'LETTER'; createdAt: Date; pages?: (count: number) => void },
) {
  const content: unknown[] = [];
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i]!;
    if (block.kind !== 'heading') {
      content.push(blockNode(block));
      continue;
    }
    const next = doc.blocks[i + 1];
    if (next && next.kind !== 'heading' && movesWithHeading(next)) {
      // pdfmake honours a page break only on a top-level node, so the break goes on the stack.
      const { pageBreak, ...head } = headingNode(block) as ReturnType<typeof headingNode> & { pageBreak?: string };
      content.push({ stack: [head, blockNode(next)], unbreakable: true, ...(pageBreak ? { pageBreak } : {}) });
      i += 1;
    } else {
      content.push(headingNode(block));
    }
  }
  return {
    info: { title: doc.title, creator: 'Pacewise', producer: 'Pacewise', creationDate: options.createdAt },
    pageSize: options.paper,
    pageMargins: [48, 52, 48, 52] as [number, number, number, number],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    header: (page: number) => ({
      text: page > 1 ? `${doc.clinicName} · ${doc.title}` : doc.clinicName,
      alignment: 'right',
      fontSize: 8,
      color: '#666666',
      margin: [48, 22, 48, 0],
    }),
    footer: (page: number, pages: number) => {
      options.pages?.(pages);
      return {
        text: `${doc.footer} · Page ${page} of ${pages}`,
        alignment: 'center',
        fontSize: 8,
        color: '#444444',
        margin: [48, 20, 48, 0],
      };
    },
    content,
  };
}
