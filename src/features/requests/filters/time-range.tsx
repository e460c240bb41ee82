import { type FormEvent, useState } from 'react';
import type { RequestFilter } from '../../../../contract/api.ts';
import { TextField } from '../../../components/ui/form-field.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { RANGE_PRESETS, type RangePreset } from '../view-params.ts';
import { FilterPopover } from './filter-popover.tsx';

function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms);
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(ms - offset).toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

export function timeRangeLabel(
  range: RangePreset | null,
  filter: Pick<RequestFilter, 'from' | 'to'>,
): string {
  if (range) return `Last ${RANGE_PRESETS[range].label}`;
  if (filter.from === undefined && filter.to === undefined) return 'All time';
  const format = (ms: number) => formatDateTime(ms);
  if (filter.from !== undefined && filter.to !== undefined)
    return `${format(filter.from)} – ${format(filter.to)}`;
  return filter.from !== undefined ? `Since ${format(filter.from)}` : `Before ${format(filter.to ?? 0)}`;
}

export function TimeRangeSelect({
  range,
  filter,
  onChange,
}: {
  range: RangePreset | null;
  filter: Pick<RequestFilter, 'from' | 'to'>;
  onChange: (next: RangePreset | { from?: number; to?: number } | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(() => (range ? '' : toLocalInput(filter.from)));
  const [to, setTo] = useState(() => (range ? '' : toLocalInput(filter.to)));
  const isCustom = !range && (filter.from !== undefined || filter.to !== undefined);
  const choose = (next: RangePreset | null) => {
    onChange(next);
    setOpen(false);
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: { from?: number; to?: number } = {};
    const fromMs = fromLocalInput(from);
    const toMs = fromLocalInput(to);
    if (fromMs !== undefined) next.from = fromMs;
    if (toMs !== undefined) next.to = toMs;
    onChange(next.from === undefined && next.to === undefined ? null : next);
    setOpen(false);
  };
  return (
    <FilterPopover label={timeRangeLabel(range, filter)} open={open} onOpenChange={setOpen} activeCount={0}>
      <fieldset className="preset-grid">
        <legend className="visually-hidden">Time range presets</legend>
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
          <button
            key={preset}
            type="button"
            className="btn btn-sm btn-default"
            aria-pressed={range === preset}
            onClick={() => choose(preset)}
          >
            {RANGE_PRESETS[preset].label}
          </button>
        ))}
        <button
          type="button"
          className="btn btn-sm btn-default"
          aria-pressed={!range && !isCustom}
          onClick={() => choose(null)}
        >
          All
        </button>
      </fieldset>
      <form className="custom-range" onSubmit={apply}>
        <p className="popover-heading">Custom range</p>
        <TextField small label="From (local time)" type="datetime-local" value={from} onChange={setFrom} />
        <TextField small label="To (local time)" type="datetime-local" value={to} onChange={setTo} />
        <button type="submit" className="btn btn-sm btn-primary">
          Apply range
        </button>
      </form>
    </FilterPopover>
  );
}
