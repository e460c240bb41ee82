import { useState } from 'react';

/** Characters shown before "Show more"; each click then reveals STEP_CHARS more. */
export const COLLAPSED_CHARS = 4_000;
const STEP_CHARS = 100_000;
const COLLAPSED_LINES = 40;

export interface CollapseLimits {
  chars: number;
  lines: number;
}
const PROSE: CollapseLimits = { chars: COLLAPSED_CHARS, lines: COLLAPSED_LINES };
/** JSON sits in its own scrolling box, so it can show more before collapsing. */
export const JSON_LIMITS: CollapseLimits = { chars: 20_000, lines: 400 };

function collapsedLength(text: string, { chars, lines: maxLines }: CollapseLimits): number {
  let lines = 0;
  let i = -1;
  // Many short lines are as tall as one long text: cut at a line count as well.
  while (lines < maxLines) {
    i = text.indexOf('\n', i + 1);
    if (i === -1 || i > chars) return Math.min(text.length, chars);
    lines++;
  }
  return i;
}

/**
 * Text with its whitespace kept (pre-wrap), collapsed when long so a multi-megabyte message
 * never lands in the DOM in one go.
 */
export function LongText({
  text,
  className,
  limits = PROSE,
}: {
  text: string;
  className?: string;
  limits?: CollapseLimits;
}) {
  const initial = collapsedLength(text, limits);
  const [shown, setShown] = useState(initial);
  const visible = Math.max(shown, initial);
  const rest = text.length - visible;
  return (
    <div className={className ?? 'bp-text'}>
      {rest > 0 ? `${text.slice(0, visible)}…` : text}
      {rest > 0 || visible > initial ? (
        <div className="bp-more">
          {rest > 0 ? (
            <button
              type="button"
              className="drawer-btn drawer-btn-small"
              onClick={() => setShown(Math.min(text.length, visible + STEP_CHARS))}
            >
              Show more ({rest.toLocaleString('en-US')} more characters)
            </button>
          ) : null}
          {visible > initial ? (
            <button type="button" className="drawer-btn drawer-btn-small" onClick={() => setShown(initial)}>
              Show less
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
