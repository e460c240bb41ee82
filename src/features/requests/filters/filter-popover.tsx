import type { ReactNode } from 'react';
import { ChevronDownIcon } from '../../../components/ui/icons.tsx';
import { Popover } from '../../../components/ui/popover.tsx';

/** A toolbar button that opens a small panel; shows how many values are selected. */
export function FilterPopover({
  label,
  activeCount = 0,
  children,
  open,
  onOpenChange,
}: {
  label: string;
  activeCount?: number;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <Popover
      label={`${label} filter`}
      {...(open === undefined ? {} : { open })}
      {...(onOpenChange ? { onOpenChange } : {})}
      trigger={
        <button
          type="button"
          className={`btn btn-sm btn-default filter-trigger${activeCount ? ' active' : ''}`}
        >
          {label}
          {activeCount ? <span className="count-pill">{activeCount}</span> : null}
          <ChevronDownIcon width={14} height={14} />
        </button>
      }
    >
      {children}
    </Popover>
  );
}
