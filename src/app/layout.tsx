import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { KeyboardIcon } from '../components/ui/icons.tsx';
import { Tooltip } from '../components/ui/tooltip.tsx';
import { signOutEverywhere } from '../features/auth/api/sign-out.ts';
import { useCan, useSession } from '../features/auth/session-context.tsx';
import { onLinkClick, useLocation } from '../features/prompts/prompts-url.ts';
import { RequestsPage } from '../features/requests/requests-page.tsx';
import { ShortcutsDialog } from '../features/requests/shortcuts-dialog.tsx';
import { useRequestsView } from '../features/requests/url-state.ts';
import { queuesRoute } from '../features/review/queues/queues-url.ts';
import { hasCommandModifier, isTypingTarget } from '../lib/keyboard.ts';
import { ThemeToggle } from './theme-toggle.tsx';

// The Prompts page is its own chunk: the requests table never waits for it.
const PromptsPage = lazy(() => import('../features/prompts/prompts-page.tsx'));
// Review queues likewise (list, reviewer screen, summary).
const QueuePages = lazy(() => import('../features/review/queues/queue-pages.tsx'));
// Settings (admins only: people, keys, score definitions, audit log) likewise.
const SettingsPage = lazy(() =>
  import('../features/settings/settings-page.tsx').then((module) => ({ default: module.SettingsPage })),
);

// The drawer is its own chunk: the table's first paint does not wait for its code.
const RequestDrawer = lazy(() =>
  import('../features/requests/drawer/index.ts').then((module) => ({ default: module.RequestDrawer })),
);

export function Layout() {
  const pathname = useLocation().pathname;
  const onPrompts = pathname === '/prompts';
  const onQueues = queuesRoute(pathname) !== null;
  const isAdmin = useCan('admin');
  // Settings (people, keys, audit log) is for admins; the server refuses everyone else anyway.
  const onSettings = pathname === '/settings' && isAdmin;
  const session = useSession();
  const identity = session.kind === 'account' ? session.role : `${session.scope} key`;
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
          <a
            href="/"
            onClick={onLinkClick}
            aria-current={onPrompts || onSettings || onQueues ? undefined : 'page'}
          >
            Requests
          </a>
          <a href="/prompts" onClick={onLinkClick} aria-current={onPrompts ? 'page' : undefined}>
            Prompts
          </a>
          <a href="/queues" onClick={onLinkClick} aria-current={onQueues ? 'page' : undefined}>
            Queues
          </a>
          {isAdmin ? (
            <a href="/settings" onClick={onLinkClick} aria-current={onSettings ? 'page' : undefined}>
              Settings
            </a>
          ) : null}
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
        <span className="header-identity">
          <span className="visually-hidden">Signed in as </span>
          <span className="header-identity-name">{session.name}</span>
          <span className="header-identity-role">{identity}</span>
        </span>
        <Button variant="ghost" size="sm" onClick={() => void signOutEverywhere()}>
          Sign out
        </Button>
      </header>
      {onSettings ? (
        <main className="app-main app-main-scroll">
          <Suspense fallback={null}>
            <SettingsPage />
          </Suspense>
        </main>
      ) : onQueues ? (
        <main className="app-main app-main-scroll">
          <Suspense fallback={null}>
            <QueuePages />
          </Suspense>
        </main>
      ) : onPrompts ? (
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
