/** Which measure the timeline draws: a display preference, remembered in localStorage (not part of the view's URL). */
import { useCallback, useState } from 'react';
import { TIMELINE_METRICS, type TimelineMetric } from '../../../../contract/timeline.ts';

const STORAGE_KEY = 'promptlog.timeline.metric';

function stored(): TimelineMetric {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return TIMELINE_METRICS.find((metric) => metric === value) ?? 'volume';
  } catch {
    return 'volume';
  }
}

export function useTimelineMetric(): [TimelineMetric, (metric: TimelineMetric) => void] {
  const [metric, setMetric] = useState<TimelineMetric>(stored);
  const choose = useCallback((next: TimelineMetric) => {
    setMetric(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
  }, []);
  return [metric, choose];
}
