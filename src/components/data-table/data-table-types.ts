/**
 * The generic table's feature set and column meta. Column definitions for any table built on
 * DataTable use `createColumnHelper<DataTableFeatures, Row>()`.
 */
import { columnVisibilityFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';

export interface DataTableColumnMeta {
  /** A CSS grid track, e.g. '96px' or 'minmax(200px, 2fr)'. */
  width: string;
  /** Shown in the column visibility menu (the header may be an icon or empty). */
  label: string;
  align?: 'start' | 'end';
  /** Cell content uses a monospace face. */
  mono?: boolean;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta: {} as DataTableColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
