import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { KeyboardIcon } from '../components/ui/icons.tsx';
import { Tooltip } from '../components/ui/tooltip.tsx';
import { requestQueries } from '../features/requests/api/request-queries.ts';
import { useRemoveSampleData } from '../features/requests/api/sample-data.ts';
import { RequestsPage } from '../features/requests/requests-page.tsx';
import { ShortcutsDialog } from '../features/requests/shortcuts-dialog.tsx';
import { useRequestsView } from '../features/requests/url-state.ts';
import { signOut } from '../lib/api-key-store.ts';
import { hasCommandModifier, isTypingTarget } from '../lib/keyboard.ts';
import { ThemeToggle } from './theme-toggle.tsx';

// The drawer is its own chunk: the table's first paint does not wait for its code.
const RequestDrawer = lazy(() =>
  import('../features/requests/drawer/index.ts').then((module) => ({ default: module.RequestDrawer })),
);

export function Layout() {
  const view = useRequestsView();
  const searchRef = useRef<HTMLInputElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const facets = useQuery({ ...requestQueries.facets(), meta: { silent: true } });
  const hasSample = facets.data?.tags.some((tag) => tag.value === 'sample') ?? false;
  const removeSample = useRemoveSampleData();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === '?') {
        event.preventDefault();
        setShortcutsOpen(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="/" aria-label="Promptlog home">
          <img src="/favicon.svg" alt="" width={20} height={20} />
          <span>Promptlog</span>
        </a>
        <span className="spacer" />
        {hasSample ? (
          <Button
            size="sm"
            variant="danger"
            onClick={() => removeSample.mutate()}
            disabled={removeSample.isPending}
          >
            {removeSample.isPending ? 'Removing…' : 'Remove sample data'}
          </Button>
        ) : null}
        <Tooltip content="Keyboard shortcuts (?)">
          <Button
            variant="ghost"
            size="icon"
            aria-label="Keyboard shortcuts"
            onClick={() => setShortcutsOpen(true)}
          >
            <KeyboardIcon />
          </Button>
        </Tooltip>
        <ThemeToggle />
        <Button variant="ghost" size="sm" onClick={() => signOut(null)}>
          Sign out
        </Button>
      </header>
      <main className="app-main">
        <h1 className="visually-hidden">Requests</h1>
        <RequestsPage view={view} searchRef={searchRef} />
      </main>
      <Suspense fallback={null}>
        <RequestDrawer requestId={view.openRequestId} />
      </Suspense>
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  );
}
