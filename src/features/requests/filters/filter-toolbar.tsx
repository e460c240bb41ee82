import { useQuery } from '@tanstack/react-query';
import { type RefObject, useCallback } from 'react';
import { STATUSES } from '../../../../contract/api.ts';
import { formatStatus } from '../../../lib/format.ts';
import { ReviewFilter } from '../../review/review-filter.tsx';
import { requestQueries } from '../api/request-queries.ts';
import type { RequestsView } from '../url-state.ts';
import { FacetSelect } from './facet-select.tsx';
import { FilterChips } from './filter-chips.tsx';
import { withExcluded, withMetadataCondition, withScore } from './filter-chips-model.ts';
import { MetadataFilter } from './metadata-filter.tsx';
import { NumericFilter } from './numeric-filter.tsx';
import { ScoreFilter } from './score-filter.tsx';
import { SearchBox } from './search-box.tsx';
import { TimeRangeSelect } from './time-range.tsx';

export function FilterToolbar({
  view,
  searchRef,
}: {
  view: RequestsView;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const facets = useQuery({ ...requestQueries.facets(), meta: { silent: true } });
  const { filter } = view.query;
  const { setFilter } = view;
  const onSearch = useCallback(
    (q: string) => setFilter((prev) => ({ ...prev, q: q || undefined }), { replace: true }),
    [setFilter],
  );
  const statusCounts = new Map((facets.data?.statuses ?? []).map((s) => [s.value, s.count]));
  const providerOf = new Map((facets.data?.models ?? []).map((m) => [m.value, m.provider]));
  return (
    <div className="filter-toolbar">
      <div className="filter-row">
        <SearchBox value={filter.q ?? ''} onChange={onSearch} inputRef={searchRef} />
        <TimeRangeSelect
          key={`${view.range}-${filter.from}-${filter.to}`}
          range={view.range}
          filter={filter}
          onChange={view.setRange}
        />
        <FacetSelect
          label="Model"
          values={facets.data?.models ?? []}
          selected={filter.models}
          onChange={(models) => setFilter((prev) => ({ ...prev, models }))}
          excluded={filter.exclude?.models ?? []}
          onExcludedChange={(values) => setFilter((prev) => withExcluded(prev, 'models', values))}
          detail={(value) => providerOf.get(value.value)}
        />
        <FacetSelect
          label="Provider"
          values={facets.data?.providers ?? []}
          selected={filter.providers}
          onChange={(providers) => setFilter((prev) => ({ ...prev, providers }))}
          excluded={filter.exclude?.providers ?? []}
          onExcludedChange={(values) => setFilter((prev) => withExcluded(prev, 'providers', values))}
        />
        <FacetSelect
          label="Status"
          values={STATUSES.map((value) => ({ value, count: statusCounts.get(value) ?? 0 }))}
          display={formatStatus}
          selected={filter.statuses}
          onChange={(statuses) =>
            setFilter((prev) => ({
              ...prev,
              statuses: statuses.filter((s) => STATUSES.includes(s as never)) as never,
            }))
          }
          excluded={filter.exclude?.statuses ?? []}
          onExcludedChange={(values) => setFilter((prev) => withExcluded(prev, 'statuses', values))}
        />
        <FacetSelect
          label="Tags"
          values={facets.data?.tags ?? []}
          selected={filter.tags}
          onChange={(tags) => setFilter((prev) => ({ ...prev, tags }))}
          excluded={filter.exclude?.tags ?? []}
          onExcludedChange={(values) => setFilter((prev) => withExcluded(prev, 'tags', values))}
        />
        <FacetSelect
          label="Prompt"
          values={facets.data?.promptNames ?? []}
          selected={filter.promptNames}
          onChange={(promptNames) => setFilter((prev) => ({ ...prev, promptNames }))}
          excluded={filter.exclude?.promptNames ?? []}
          onExcludedChange={(values) => setFilter((prev) => withExcluded(prev, 'promptNames', values))}
        />
        <MetadataFilter
          keys={facets.data?.metadataKeys ?? []}
          activeCount={filter.metadata.length + (filter.metaConditions?.length ?? 0)}
          onAdd={(key, op, value) => setFilter((prev) => withMetadataCondition(prev, key, op, value))}
        />
        <NumericFilter
          activeCount={filter.numeric?.length ?? 0}
          onAdd={(condition) =>
            setFilter((prev) => ({ ...prev, numeric: [...(prev.numeric ?? []), condition] }))
          }
        />
        <ScoreFilter
          names={facets.data?.scoreNames ?? []}
          active={filter.scores}
          onAdd={(condition) => setFilter((prev) => withScore(prev, condition))}
        />
        <ReviewFilter scoreNames={facets.data?.scoreNames ?? []} filter={filter} onChange={setFilter} />
      </div>
      <FilterChips
        filter={filter}
        range={view.range}
        onFilterChange={(next) => setFilter(next)}
        onClearTime={() => view.setRange(null)}
        onClearAll={view.clearFilters}
      />
    </div>
  );
}
