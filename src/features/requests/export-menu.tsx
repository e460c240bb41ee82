import { useState } from 'react';
import { createExportResponseSchema, type ExportFormat } from '../../../contract/api.ts';
import { listToParams } from '../../../contract/filter-query.ts';
import { Button } from '../../components/ui/button.tsx';
import { DropdownMenu, MenuItem } from '../../components/ui/dropdown-menu.tsx';
import { DownloadIcon } from '../../components/ui/icons.tsx';
import { toast } from '../../components/ui/toast.tsx';
import { ApiError, apiFetch } from '../../lib/api-client.ts';
import type { ListView } from './api/request-queries.ts';

/** Asks the server for a one-time download URL for the current view, then follows it (a real download). */
async function startExport(view: ListView, format: ExportFormat): Promise<void> {
  const query = listToParams({ filter: view.filter, sort: view.sort, order: view.order }).toString();
  const { url } = await apiFetch('/api/exports', {
    method: 'POST',
    body: { format, query },
    schema: createExportResponseSchema,
  });
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function ExportMenu({ view, disabled }: { view: ListView; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await startExport(view, format);
    } catch (error) {
      toast('Export failed', {
        description: error instanceof ApiError ? error.message : String(error),
        tone: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <DropdownMenu
      label="Every matching request"
      trigger={
        <Button size="sm" disabled={disabled || busy}>
          <DownloadIcon /> Export
        </Button>
      }
    >
      <MenuItem onSelect={() => void run('csv')}>Export CSV</MenuItem>
      <MenuItem onSelect={() => void run('jsonl')}>Export JSONL</MenuItem>
    </DropdownMenu>
  );
}
