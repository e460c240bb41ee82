import type { RequestFilter } from '../../../../contract/api.ts';
import { CloseIcon } from '../../../components/ui/icons.tsx';
import type { RangePreset } from '../view-params.ts';
import { filterChips } from './filter-chips-model.ts';

export function FilterChips({
  filter,
  range,
  onFilterChange,
  onClearTime,
  onClearAll,
}: {
  filter: RequestFilter;
  range: RangePreset | null;
  onFilterChange: (next: RequestFilter) => void;
  onClearTime: () => void;
  onClearAll: () => void;
}) {
  const chips = filterChips(filter, range);
  if (chips.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key} className="filter-chip">
          <span className="truncate">{chip.label}</span>
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove filter ${chip.label}`}
            onClick={() => (chip.isTime ? onClearTime() : onFilterChange(chip.without(filter)))}
          >
            <CloseIcon width={12} height={12} />
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onClearAll}>
          Clear all
        </button>
      </li>
    </ul>
  );
}
