import { type ReactNode, useId } from 'react';

/**
 * One section of the settings page: its heading, an optional intro, the error of its list read
 * (and of a write made from the table, `writeError`), and a table of what it manages (`columns` head it; `children` are its rows), then `after`
 * (the form that adds to it).
 */
export function SettingsSection({
  title,
  intro,
  error,
  writeError = null,
  columns,
  children,
  after,
}: {
  title: string;
  intro?: ReactNode;
  error: Error | null;
  writeError?: Error | null;
  columns: readonly string[];
  children: ReactNode;
  after?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {error ? <p role="alert">{error.message}</p> : null}
      <SettingsError error={writeError} />
      <table className="settings-table" aria-label={title}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {after}
    </section>
  );
}

/** A write's error, under the form or list it came from. */
export function SettingsError({ error }: { error: Error | null }) {
  return error ? (
    <p role="alert" className="settings-error">
      {error.message}
    </p>
  ) : null;
}
