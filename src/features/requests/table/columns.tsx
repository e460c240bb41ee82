/**
 * The requests table's columns. Ids of sortable columns are the API's sort fields. Names (prompt,
 * model, tags, scores) get fixed widths that fit typical values at 1440 px; input and output share the rest.
 */
import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import type { RequestRow } from '../../../../contract/api.ts';
import type { DataTableFeatures } from '../../../components/data-table/data-table-types.ts';
import { EMPTY_MARK, formatCost, formatLatency, formatTokenPair } from '../../../lib/format.ts';
import { ScoreList, StatusBadge, TagList, TimeCell } from './cells.tsx';
import { IdCell } from './copy-id-button.tsx';
import { MatchPreview } from './match-preview.tsx';

const column = createColumnHelper<DataTableFeatures, RequestRow>();

export const requestColumns = [
  column.accessor('startTime', {
    id: 'time',
    header: 'Time',
    cell: (info) => <TimeCell iso={info.getValue()} />,
    enableHiding: false,
    meta: { width: '76px', label: 'Time' },
  }),
  column.accessor('id', {
    id: 'id',
    header: 'ID',
    cell: (info) => <IdCell id={info.getValue()} traced={Boolean(info.row.original.traceId)} />,
    enableSorting: false,
    enableHiding: false,
    meta: { width: '92px', label: 'Request ID' },
  }),
  column.accessor('promptName', {
    id: 'prompt',
    header: 'Prompt',
    cell: (info) => {
      const name = info.getValue();
      if (!name) return <span className="muted">{EMPTY_MARK}</span>;
      const version = info.row.original.promptVersion;
      return (
        <span className="truncate" title={name}>
          {name}
          {version !== null ? <span className="muted"> v{version}</span> : null}
        </span>
      );
    },
    enableSorting: false,
    meta: { width: '170px', label: 'Prompt' },
  }),
  column.accessor('model', {
    id: 'model',
    header: 'Model',
    cell: (info) => (
      <span className="cell-model" title={`${info.row.original.provider} / ${info.getValue()}`}>
        <span className="truncate">{info.getValue()}</span>
        <span className="provider">{info.row.original.provider}</span>
      </span>
    ),
    enableSorting: false,
    meta: { width: '200px', label: 'Model' },
  }),
  column.accessor('inputPreview', {
    id: 'input',
    header: 'Input',
    cell: (info) => <MatchPreview text={info.getValue()} match={info.row.original.inputMatch} />,
    enableSorting: false,
    meta: { width: 'minmax(120px, 1fr)', label: 'Input' },
  }),
  column.accessor('outputPreview', {
    id: 'output',
    header: 'Output',
    cell: (info) => <MatchPreview text={info.getValue()} match={info.row.original.outputMatch} />,
    enableSorting: false,
    meta: { width: 'minmax(120px, 1fr)', label: 'Output' },
  }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (info) => <StatusBadge row={info.row.original} />,
    enableSorting: false,
    meta: { width: '80px', label: 'Status' },
  }),
  column.accessor('latencyMs', {
    id: 'latency',
    header: 'Latency',
    cell: (info) => formatLatency(info.getValue()),
    meta: { width: '72px', label: 'Latency', align: 'end' },
  }),
  column.accessor('totalTokens', {
    id: 'tokens',
    header: 'Tokens',
    cell: (info) => (
      <span title={`${info.row.original.inputTokens} in, ${info.row.original.outputTokens} out`}>
        {formatTokenPair(info.row.original.inputTokens, info.row.original.outputTokens)}
      </span>
    ),
    meta: { width: '96px', label: 'Tokens', align: 'end' },
  }),
  column.accessor('cost', {
    id: 'cost',
    header: 'Cost',
    cell: (info) => formatCost(info.getValue()),
    meta: { width: '84px', label: 'Cost', align: 'end' },
  }),
  column.accessor('tags', {
    id: 'tags',
    header: 'Tags',
    cell: (info) => <TagList tags={info.getValue()} />,
    enableSorting: false,
    meta: { width: '130px', label: 'Tags' },
  }),
  column.accessor('scores', {
    id: 'scores',
    header: 'Scores',
    cell: (info) => <ScoreList scores={info.getValue()} />,
    enableSorting: false,
    meta: { width: '130px', label: 'Scores' },
  }),
] as ColumnDef<DataTableFeatures, RequestRow>[];
