import { Box, Image, Table, Text } from '@mantine/core';
import {
  chartSvg,
  footerText,
  letterBlocks,
  SLIP_RULED_LINES,
  type LetterDocument,
} from '../../../shared/clinical/letters';

/**
 * The letter as the oncologist will read it, drawn from the same blocks as the PDF and the DOCX
 * (letterBlocks in src/shared), so the words on screen are the words that are sent. Always on
 * white paper, in either colour scheme.
 */
export function LetterPreview({ document: doc, draft }: { document: LetterDocument; draft: boolean }) {
  return (
    <Box
      role="document"
      aria-label="Letter preview"
      p="xl"
      style={{
        background: '#ffffff',
        color: '#1a1a1a',
        border: '1px solid #d0d4d8',
        borderRadius: 6,
        boxShadow: '0 1px 4px rgba(0,0,0,0.08)',
        position: 'relative',
        fontSize: 14,
        lineHeight: 1.45,
      }}
    >
      {draft && (
        <Text
          aria-hidden
          fw={800}
          style={{ position: 'absolute', top: 12, right: 16, color: '#b00020', letterSpacing: 2 }}
        >
          DRAFT
        </Text>
      )}
      {letterBlocks(doc).map((block, i) => {
        switch (block.kind) {
          case 'letterhead':
            return (
              <Box key={i} mb="lg" style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
                <div>
                  <Text fw={700} size="lg" c="#137871">
                    {block.clinicName}
                  </Text>
                  {block.lines.map((l, j) => (
                    <Text key={j} size="xs" c="#444">
                      {l}
                    </Text>
                  ))}
                </div>
                {block.logo && <Image src={block.logo} alt="Clinic logo" mah={56} w="auto" fit="contain" />}
              </Box>
            );
          case 'address':
          case 'meta':
            return (
              <Box key={i} mb="md">
                {block.lines.map((l, j) => (
                  <Text key={j} size="sm">
                    {l}
                  </Text>
                ))}
              </Box>
            );
          case 'subject':
            return (
              <Text key={i} fw={700} mb="sm">
                {block.text}
              </Text>
            );
          case 'heading':
            return (
              <Text key={i} fw={700} c="#137871" mt="md" mb={4}>
                {block.text}
              </Text>
            );
          case 'paragraph':
            return (
              <Text key={i} mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {block.text}
              </Text>
            );
          case 'table':
            return (
              <Table key={i} withTableBorder fz="xs" mb="sm" style={{ color: '#1a1a1a' }}>
                <Table.Thead>
                  <Table.Tr style={{ background: '#e8f3f2' }}>
                    {block.table.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {block.table.rows.map((r, j) => (
                    <Table.Tr key={j}>
                      {r.map((cell, k) => (
                        <Table.Td key={k}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          case 'chart':
            return (
              <Box
                key={i}
                mb="sm"
                role="img"
                aria-label={block.chart.title}
                // The SVG is built by chartSvg from numbers and escaped text; it carries no script.
                dangerouslySetInnerHTML={{ __html: chartSvg(block.chart, block.dateLabels) }}
              />
            );
          case 'slip':
            return (
              <Box key={i} mt="lg" pt="md" style={{ borderTop: '1px dashed #888' }}>
                <Text fw={700} c="#137871" mb={4}>
                  {block.heading}
                </Text>
                {block.identity.map((l) => (
                  <Text key={l} size="sm">
                    {l}
                  </Text>
                ))}
                {block.paragraphs.map((p) => (
                  <Text key={p} size="sm" mt="xs">
                    {p}
                  </Text>
                ))}
                {block.options.map((option) => (
                  <Box key={option} my={6} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    {/* Drawn as in the PDF: an empty box, not a character a font may lack. */}
                    <Box
                      aria-hidden
                      style={{ width: 13, height: 13, border: '1.5px solid #222', flex: 'none', marginTop: 4 }}
                    />
                    <Text size="sm">{option}</Text>
                  </Box>
                ))}
                <Text size="sm" mt="sm">
                  {block.notesPrompt}
                </Text>
                {Array.from({ length: SLIP_RULED_LINES }, (_, j) => (
                  <Box key={j} aria-hidden h={26} style={{ borderBottom: '1px solid #888' }} />
                ))}
                <Text size="sm" mt="md">
                  {block.signLine}
                </Text>
                <Text size="sm" fw={700} mt="sm">
                  Please return to:
                </Text>
                {block.returnTo.map((l) => (
                  <Text key={l} size="sm">
                    {l}
                  </Text>
                ))}
              </Box>
            );
          case 'signature':
            return (
              <Box key={i} mt="md" mb="md">
                {block.image ? (
                  <Image src={block.image} alt="Signature" mah={50} w="auto" fit="contain" my={4} />
                ) : (
                  <Box h={28} />
                )}
                {block.lines.map((l, j) => (
                  <Text key={j} size="sm" fw={j === 0 ? 700 : 400}>
                    {l}
                  </Text>
                ))}
              </Box>
            );
          case 'copies':
            return (
              <Text key={i} size="xs" mt="sm">
                Copies to: {block.lines.join('; ')}
              </Text>
            );
        }
      })}
      <Text size="xs" c="#555" ta="center" mt="lg" pt="xs" style={{ borderTop: '1px solid #ddd' }}>
        {footerText(doc, 1, 1).replace(/ · Page 1 of 1$/, ' · Page X of Y')}
      </Text>
    </Box>
  );
}
