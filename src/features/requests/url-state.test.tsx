// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyFilter } from '../../../contract/api.ts';
import { useRequestsView } from './url-state.ts';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('useRequestsView', () => {
  it('reads the view from the URL', () => {
    window.history.replaceState(null, '', '/?model=gpt-4o&sort=cost&order=asc&request=7');
    const { result } = renderHook(() => useRequestsView());
    expect(result.current.query.filter.models).toEqual(['gpt-4o']);
    expect(result.current.query.sort).toBe('cost');
    expect(result.current.query.order).toBe('asc');
    expect(result.current.openRequestId).toBe(7);
  });

  it('writes filters, sort and the open request to the URL with history entries', () => {
    const { result } = renderHook(() => useRequestsView());
    const start = window.history.length;
    act(() => result.current.setFilter((prev) => ({ ...prev, statuses: ['ERROR'] })));
    expect(window.location.search).toBe('?status=ERROR');
    act(() => result.current.setSort('latency', 'desc'));
    expect(window.location.search).toBe('?status=ERROR&sort=latency');
    act(() => result.current.openRequest(42));
    expect(new URLSearchParams(window.location.search).get('request')).toBe('42');
    expect(result.current.query.filter.statuses).toEqual(['ERROR']);
    expect(window.history.length).toBe(start + 3);
    act(() => result.current.openRequest(43, { replace: true }));
    expect(window.history.length).toBe(start + 3);
    expect(result.current.openRequestId).toBe(43);
  });

  it('keeps the query object identical when only the open request changes', () => {
    window.history.replaceState(null, '', '/?range=1h&tag=prod');
    const { result } = renderHook(() => useRequestsView());
    const before = result.current.query;
    expect(before.filter.from).toBeGreaterThan(Date.now() - 3600_000 - 5000);
    act(() => result.current.openRequest(5));
    expect(result.current.query).toBe(before);
    act(() => result.current.openRequest(null));
    expect(result.current.query).toBe(before);
    expect(window.location.search).toBe('?tag=prod&range=1h');
  });

  it('follows back/forward (popstate)', () => {
    const { result } = renderHook(() => useRequestsView());
    act(() => result.current.setFilter({ ...emptyFilter(), tags: ['a'] }));
    act(() => {
      window.history.replaceState(null, '', '/?tag=b');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.query.filter.tags).toEqual(['b']);
  });

  it('setRange switches between presets, a custom window and all time; clearFilters resets', () => {
    const { result } = renderHook(() => useRequestsView());
    act(() => result.current.setRange('24h'));
    expect(window.location.search).toBe('?range=24h');
    act(() => result.current.setRange({ from: Date.parse('2026-01-01T00:00:00Z') }));
    expect(window.location.search).toBe(`?from=${encodeURIComponent('2026-01-01T00:00:00.000Z')}`);
    expect(result.current.range).toBeNull();
    act(() => result.current.setFilter((prev) => ({ ...prev, q: 'hello' })));
    expect(result.current.query.filter.from).toBe(Date.parse('2026-01-01T00:00:00Z'));
    act(() => result.current.clearFilters());
    expect(window.location.search).toBe('');
  });
});
