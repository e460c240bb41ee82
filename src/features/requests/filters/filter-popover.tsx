import { Popover } from 'radix-ui';
import type { ReactNode } from 'react';
import { ChevronDownIcon } from '../../../components/ui/icons.tsx';

/** A toolbar button that opens a small panel; shows how many values are selected. */
export function FilterPopover({
  label,
  activeCount = 0,
  children,
  open,
  onOpenChange,
  wide = false,
}: {
  label: string;
  activeCount?: number;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  wide?: boolean;
}) {
  return (
    <Popover.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={`btn btn-sm btn-default filter-trigger${activeCount ? ' active' : ''}`}
        >
          {label}
          {activeCount ? <span className="count-pill">{activeCount}</span> : null}
          <ChevronDownIcon width={14} height={14} />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className={`popover${wide ? ' popover-wide' : ''}`}
          align="start"
          sideOffset={4}
          aria-label={`${label} filter`}
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
