import copy from 'clipboard-copy';
import { announce } from '../../../components/ui/announcer.tsx';
import { CheckIcon, CopyIcon } from '../../../components/ui/icons.tsx';
import { toast } from '../../../components/ui/toast.tsx';
import { Tooltip } from '../../../components/ui/tooltip.tsx';
import { createStore, useStore } from '../../../lib/create-store.ts';

// The id copied last, for 1.5 s: the row's button shows "Copied" whether the click or `c` copied it.
const copiedId = createStore<number | null>(null);
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Copies exactly the id; announced and shown as "Copied". Used by the button and the `c` shortcut. */
export async function copyRequestId(id: number): Promise<boolean> {
  try {
    await copy(String(id));
  } catch {
    toast('Could not copy', { description: 'The browser refused clipboard access.', tone: 'error' });
    return false;
  }
  announce('Copied');
  copiedId.set(id);
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => copiedId.set(null), 1500);
  return true;
}

/** The ID cell: the id and its copy button; while "Copied" shows, it takes the id's place so the cell never clips it. */
export function IdCell({ id, traced = false }: { id: number; traced?: boolean }) {
  const copied = useStore(copiedId, (copied) => copied === id);
  return (
    <span className="cell-id">
      {copied ? null : <span className="mono">{id}</span>}
      {traced && !copied ? (
        <span className="cell-trace-mark" role="img" aria-label="Part of a trace" title="Part of a trace">
          ⋔
        </span>
      ) : null}
      <CopyIdButton id={id} copied={copied} />
    </span>
  );
}

function CopyIdButton({ id, copied }: { id: number; copied: boolean }) {
  return (
    <Tooltip content={copied ? 'Copied' : 'Copy ID'}>
      <button
        type="button"
        className={`copy-id${copied ? ' copied' : ''}`}
        aria-label={`Copy request ID ${id}`}
        onClick={(event) => {
          event.stopPropagation();
          void copyRequestId(id);
        }}
        onKeyDown={(event) => event.stopPropagation()}
      >
        {copied ? <CheckIcon width={14} height={14} /> : <CopyIcon width={14} height={14} />}
        {copied ? <span className="copied-label">Copied</span> : null}
      </button>
    </Tooltip>
  );
}
