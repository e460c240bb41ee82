import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { KeyboardIcon } from '../components/ui/icons.tsx';
import { Tooltip } from '../components/ui/tooltip.tsx';
import { onLinkClick, useLocation } from '../features/prompts/prompts-url.ts';
import { RequestsPage } from '../features/requests/requests-page.tsx';
import { ShortcutsDialog } from '../features/requests/shortcuts-dialog.tsx';
import { useRequestsView } from '../features/requests/url-state.ts';
import { signOut } from '../lib/api-key-store.ts';
import { hasCommandModifier, isTypingTarget } from '../lib/keyboard.ts';
import { ThemeToggle } from './theme-toggle.tsx';

// The Prompts page is its own chunk: the requests table never waits for it.
const PromptsPage = lazy(() => import('../features/prompts/prompts-page.tsx'));

// The drawer is its own chunk: the table's first paint does not wait for its code.
const RequestDrawer = lazy(() =>
  import('../features/requests/drawer/index.ts').then((module) => ({ default: module.RequestDrawer })),
);

export function Layout() {
  const onPrompts = useLocation().pathname === '/prompts';
  const view = useRequestsView();
  const searchRef = useRef<HTMLInputElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

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
        <nav className="app-nav" aria-label="Pages">
          <a href="/" onClick={onLinkClick} aria-current={onPrompts ? undefined : 'page'}>
            Requests
          </a>
          <a href="/prompts" onClick={onLinkClick} aria-current={onPrompts ? 'page' : undefined}>
            Prompts
          </a>
        </nav>
        <span className="spacer" />
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
      {onPrompts ? (
        <main className="app-main app-main-scroll">
          <Suspense fallback={null}>
            <PromptsPage />
          </Suspense>
        </main>
      ) : (
        <main className="app-main">
          <h1 className="visually-hidden">Requests</h1>
          <RequestsPage view={view} searchRef={searchRef} />
        </main>
      )}
      <Suspense fallback={null}>
        <RequestDrawer requestId={view.openRequestId} />
      </Suspense>
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  );
}
