import type { ButtonHTMLAttributes } from 'react';

type SmallButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className' | 'aria-label'> & {
  /** What the button does, for assistive tech; also its tooltip unless `title` says more. */
  label: string;
};

/** The drawer's small action button (Remove, Edit, Prev, Next). */
export function SmallButton({ label, title = label, ...button }: SmallButtonProps) {
  return (
    <button
      type="button"
      className="drawer-btn drawer-btn-small"
      aria-label={label}
      title={title}
      {...button}
    />
  );
}
