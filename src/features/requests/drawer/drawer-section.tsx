import type { ReactNode } from 'react';

/** A titled section of the drawer: its heading names it for assistive tech (`titleId`). */
export function DrawerSection({
  titleId,
  title,
  children,
}: {
  titleId: string;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="drawer-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="drawer-section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}
