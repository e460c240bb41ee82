import copy from 'clipboard-copy';
import { useEffect, useState } from 'react';
import { announce } from '../../../components/ui/announcer.tsx';
import { CheckIcon, CopyIcon } from '../../../components/ui/icons.tsx';
import { toast } from '../../../components/ui/toast.tsx';
import { Tooltip } from '../../../components/ui/tooltip.tsx';

/** Copies exactly the id; announced and shown as "Copied". Used by the button and the `c` shortcut. */
export async function copyRequestId(id: number): Promise<boolean> {
  try {
    await copy(String(id));
    announce('Copied');
    return true;
  } catch {
    toast('Could not copy', { description: 'The browser refused clipboard access.', tone: 'error' });
    return false;
  }
}

export function CopyIdButton({ id }: { id: number }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Tooltip content={copied ? 'Copied' : 'Copy ID'}>
      <button
        type="button"
        className={`copy-id${copied ? ' copied' : ''}`}
        aria-label={`Copy request ID ${id}`}
        onClick={async (event) => {
          event.stopPropagation();
          if (await copyRequestId(id)) setCopied(true);
        }}
        onKeyDown={(event) => event.stopPropagation()}
      >
        {copied ? <CheckIcon width={14} height={14} /> : <CopyIcon width={14} height={14} />}
        {copied ? <span className="copied-label">Copied</span> : null}
      </button>
    </Tooltip>
  );
}
