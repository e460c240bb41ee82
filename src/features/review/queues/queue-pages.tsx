/** The queue pages, one lazily loaded chunk: the list, a reviewer screen, a summary. */
import { useLocation } from '../../prompts/prompts-url.ts';
import { QueueSummaryPage } from './queue-summary-page.tsx';
import { QueuesPage } from './queues-page.tsx';
import { queuesRoute } from './queues-url.ts';
import { ReviewScreen } from './review-screen.tsx';

export default function QueuePages() {
  const route = queuesRoute(useLocation().pathname) ?? { page: 'list' };
  if (route.page === 'review') return <ReviewScreen key={route.id} queueId={route.id} />;
  if (route.page === 'summary') return <QueueSummaryPage key={route.id} queueId={route.id} />;
  return <QueuesPage />;
}
