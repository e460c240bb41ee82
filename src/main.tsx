import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { prefetchFirstPage } from './app/prefetch.ts';
import { consumeKeyFromFragment } from './lib/api-key-store.ts';
import { createQueryClient } from './lib/query-client.ts';
import './styles/base.css';
import './styles/components.css';
import './styles/table.css';
import './styles/toolbar.css';

consumeKeyFromFragment();
// Pasting the sign-in link into a tab that already shows the dashboard changes only the fragment.
window.addEventListener('hashchange', () => consumeKeyFromFragment());
const queryClient = createQueryClient();
prefetchFirstPage(queryClient, window.location.search);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
