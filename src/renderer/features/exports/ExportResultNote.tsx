import { Alert, Code } from '@mantine/core';
import type { ExportResult } from '../../../shared/contract/exports';

export const fileSize = (bytes: number) =>
  bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The save dialog was closed without choosing a place. */
export function ExportCancelledNote() {
  return (
    <Alert color="gray" title="Export cancelled" role="status">
      Nothing was written.
    </Alert>
  );
}

/** What was written where, so the specialist can find the file and knows the export was logged. */
export function ExportResultNote(props: { result: ExportResult | null }) {
  const { result } = props;
  if (!result) return null;
  if (!result.saved) return <ExportCancelledNote />;
  return (
    <Alert color="teal" title="Export saved" role="status">
      {result.pages
        ? `${result.pages} ${result.pages === 1 ? 'page' : 'pages'} (${fileSize(result.sizeBytes)})`
        : `${result.rows.toLocaleString()} records from ${result.tables} ${result.tables === 1 ? 'table' : 'tables'} (${fileSize(result.sizeBytes)})`}{' '}
      saved to <Code>{result.path}</Code>. The export is recorded in the audit trail.
    </Alert>
  );
}
