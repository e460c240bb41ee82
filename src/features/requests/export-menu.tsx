import type { ExportFormat } from '../../../contract/api.ts';
import { Button } from '../../components/ui/button.tsx';
import { DropdownMenu, MenuItem } from '../../components/ui/dropdown-menu.tsx';
import { DownloadIcon } from '../../components/ui/icons.tsx';
import { toast } from '../../components/ui/toast.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useCreateExport } from './api/create-export.ts';
import type { ListView } from './api/request-queries.ts';

/** Follows a download URL as a real download (the browser's own progress and file name). */
function download(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function ExportMenu({
  view,
  disabled,
  ids,
}: {
  view: ListView;
  disabled: boolean;
  /** Export only these requests (a table selection) instead of every matching one. */
  ids?: number[];
}) {
  const createExport = useCreateExport();
  const run = (format: ExportFormat) =>
    createExport.mutate(
      { view, format, ...(ids ? { ids } : {}) },
      {
        onSuccess: ({ url }) => download(url),
        onError: (error) =>
          toast('Export failed', {
            description: error instanceof ApiError ? error.message : String(error),
            tone: 'error',
          }),
      },
    );
  return (
    <DropdownMenu
      label={ids ? 'The selected requests' : 'Every matching request'}
      trigger={
        <Button size="sm" disabled={disabled || createExport.isPending}>
          <DownloadIcon /> {ids ? 'Export selected' : 'Export'}
        </Button>
      }
    >
      <MenuItem onSelect={() => run('csv')}>Export CSV</MenuItem>
      <MenuItem onSelect={() => run('jsonl')}>Export JSONL</MenuItem>
    </DropdownMenu>
  );
}
