import { useMemo } from 'react';
import { JSON_LIMITS, LongText } from './long-text.tsx';

/** Pretty JSON for display; values too large to indent cheaply are shown compact. */
export function toDisplayJson(value: unknown): string {
  try {
    const compact = JSON.stringify(value);
    if (compact === undefined) return String(value);
    return compact.length > 1_000_000 ? compact : JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** Parses JSON text for pretty display; null when it is not JSON (then it is shown raw). */
export function prettyJsonText(text: string): string | null {
  if (text.length > 1_000_000) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

export function JsonText({ value }: { value: unknown }) {
  const text = useMemo(() => toDisplayJson(value), [value]);
  return <LongText text={text} className="bp-json" limits={JSON_LIMITS} />;
}
