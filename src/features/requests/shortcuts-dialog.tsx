import { Dialog } from '../../components/ui/dialog.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const scopes = [...new Set(SHORTCUTS.map((shortcut) => shortcut.scope))];
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Keyboard shortcuts">
      {scopes.map((scope) => (
        <section key={scope} className="shortcut-section">
          <h3>
            {scope === 'Anywhere' ? 'Anywhere' : scope === 'Table' ? 'In the table' : 'In the request drawer'}
          </h3>
          <dl className="shortcut-list">
            {SHORTCUTS.filter((shortcut) => shortcut.scope === scope).map((shortcut) => (
              <div key={`${scope}-${shortcut.description}`} className="shortcut">
                <dt>
                  {shortcut.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? <span className="muted"> or </span> : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
