import { Dialog } from 'radix-ui';
import type { Ref } from 'react';
import { CopyButton } from './copy-button.tsx';
import { SmallButton } from './small-button.tsx';

interface DrawerHeaderProps {
  id: number;
  copyIdRef: Ref<HTMLButtonElement>;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** The deep link to a request: the dashboard with only `?request=<id>` (never the key fragment). */
export function requestLink(id: number): string {
  return `${window.location.origin}${window.location.pathname}?request=${id}`;
}

export function DrawerHeader({ id, copyIdRef, hasPrevious, hasNext, onPrevious, onNext }: DrawerHeaderProps) {
  return (
    <header className="drawer-header">
      <Dialog.Title className="drawer-title">
        Request <span className="bp-mono">{id}</span>
      </Dialog.Title>
      <CopyButton label={`Copy request ID ${id}`} value={() => String(id)} buttonRef={copyIdRef}>
        Copy ID
      </CopyButton>
      <CopyButton label="Copy link" value={() => requestLink(id)}>
        Copy link
      </CopyButton>
      <span className="bp-spacer" />
      <SmallButton
        label="Previous request"
        title="Previous request (k)"
        disabled={!hasPrevious}
        onClick={onPrevious}
      >
        ↑ Prev
      </SmallButton>
      <SmallButton label="Next request" title="Next request (j)" disabled={!hasNext} onClick={onNext}>
        ↓ Next
      </SmallButton>
      <Dialog.Close
        className="drawer-btn drawer-btn-small drawer-close"
        aria-label="Close"
        title="Close (Esc)"
      >
        ✕
      </Dialog.Close>
    </header>
  );
}
