import { Dialog } from 'radix-ui';
import { useRef } from 'react';
import { isTypingTarget } from '../../../lib/keyboard.ts';
import { useRequestsView } from '../url-state.ts';
import { DrawerBody } from './drawer-body.tsx';
import './drawer.css';
import { ResizeHandle } from './resize-handle.tsx';
import { useDrawerWidth } from './use-drawer-width.ts';

/**
 * The request drawer: a non-modal Radix dialog docked right, so the table stays usable and a
 * row click switches the request. Open state is the URL's `?request=<id>`.
 */
export function RequestDrawer({ requestId }: { requestId: number | null }) {
  const { openRequest } = useRequestsView();
  const { width, setWidth, save } = useDrawerWidth();
  const contentRef = useRef<HTMLDivElement>(null);

  return (
    <Dialog.Root
      open={requestId !== null}
      modal={false}
      onOpenChange={(open) => {
        if (!open) openRequest(null);
      }}
    >
      <Dialog.Portal>
        <Dialog.Content
          ref={contentRef}
          className="drawer"
          style={{ width }}
          aria-describedby={undefined}
          tabIndex={-1}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            contentRef.current?.focus({ preventScroll: true });
          }}
          // The table gives focus back to the row of the request shown last (its activeRowId is released).
          onCloseAutoFocus={(event) => event.preventDefault()}
          // Clicks on the table must reach it (to switch requests), not close the drawer.
          onInteractOutside={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => {
            const active = document.activeElement;
            if (!isTypingTarget(active)) return;
            // Esc in a field leaves the field; a second Esc closes the drawer.
            event.preventDefault();
            if (contentRef.current?.contains(active)) contentRef.current.focus({ preventScroll: true });
          }}
        >
          <ResizeHandle width={width} setWidth={setWidth} save={save} />
          {requestId !== null ? <DrawerBody id={requestId} drawerRef={contentRef} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
