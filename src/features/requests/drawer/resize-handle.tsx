import { useRef } from 'react';
import { DRAWER_MIN_WIDTH } from './use-drawer-width.ts';

interface ResizeHandleProps {
  width: number;
  setWidth: (w: number) => void;
  save: (w: number) => void;
}

const KEY_STEP = 40;

/** The drawer's left edge: drag it, or focus it and use the arrow keys. */
export function ResizeHandle({ width, setWidth, save }: ResizeHandleProps) {
  const dragging = useRef(false);
  const latest = useRef(width);
  latest.current = width;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable, resizable splitter has no native element
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize drawer"
      aria-valuenow={width}
      aria-valuemin={DRAWER_MIN_WIDTH}
      tabIndex={0}
      className="drawer-resize"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (dragging.current) setWidth(window.innerWidth - e.clientX);
      }}
      onPointerUp={(e) => {
        if (!dragging.current) return;
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
        save(window.innerWidth - e.clientX);
      }}
      onKeyDown={(e) => {
        const delta = e.key === 'ArrowLeft' ? KEY_STEP : e.key === 'ArrowRight' ? -KEY_STEP : 0;
        if (delta === 0) return;
        e.preventDefault();
        setWidth(latest.current + delta);
        save(latest.current + delta);
      }}
    />
  );
}
