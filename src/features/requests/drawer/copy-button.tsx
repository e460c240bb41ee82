import copy from 'clipboard-copy';
import { type Ref, useEffect, useState } from 'react';
import { announce } from '../../../components/ui/announcer.tsx';

interface CopyButtonProps {
  /** Accessible name, e.g. "Copy request ID 42". */
  label: string;
  /** Called at click time so large values (raw JSON) are only built when asked for. */
  value: () => string;
  /** Visible text; defaults to "Copy". */
  children?: React.ReactNode;
  className?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}

export function CopyButton({ label, value, children, className, buttonRef }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="drawer-copy">
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'drawer-btn drawer-btn-small'}
        aria-label={label}
        title={label}
        onClick={() => {
          copy(value()).then(
            () => {
              setState('copied');
              announce('Copied');
            },
            () => {
              setState('failed');
              announce('Copy failed');
            },
          );
        }}
      >
        {children ?? 'Copy'}
      </button>
      {/* Announced through the app's one live region; this is the visible echo. */}
      <span className="drawer-copy-status" aria-hidden="true">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}
