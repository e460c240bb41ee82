/** Radix DropdownMenu with the app's look: a trigger element, a heading and items. */
import { DropdownMenu as RadixMenu } from 'radix-ui';
import type { ComponentProps, ReactElement, ReactNode } from 'react';

export function DropdownMenu({
  trigger,
  label,
  children,
  align = 'end',
}: {
  trigger: ReactElement;
  /** Small heading inside the menu. */
  label?: string;
  children: ReactNode;
  align?: 'start' | 'end';
}) {
  return (
    <RadixMenu.Root>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="menu" align={align} sideOffset={4}>
          {label ? <RadixMenu.Label className="menu-label">{label}</RadixMenu.Label> : null}
          {children}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}

export function MenuItem(props: Omit<ComponentProps<typeof RadixMenu.Item>, 'className'>) {
  return <RadixMenu.Item className="menu-item" {...props} />;
}

/** A checkbox item that keeps the menu open, so several can be toggled in a row. */
export function MenuCheckboxItem({
  children,
  ...props
}: Omit<ComponentProps<typeof RadixMenu.CheckboxItem>, 'className' | 'onSelect'>) {
  return (
    <RadixMenu.CheckboxItem className="menu-item" onSelect={(event) => event.preventDefault()} {...props}>
      <RadixMenu.ItemIndicator className="menu-indicator">✓</RadixMenu.ItemIndicator>
      {children}
    </RadixMenu.CheckboxItem>
  );
}
