/** Where the queue pages live: /queues, /queues/<id>/review, /queues/<id>/summary. */
export type QueuesRoute = { page: 'list' } | { page: 'review'; id: number } | { page: 'summary'; id: number };

export const queuesHref = (route: QueuesRoute): string =>
  route.page === 'list' ? '/queues' : `/queues/${route.id}/${route.page}`;

/** The queue route a path names, or null when it is not a queue page. */
export function queuesRoute(pathname: string): QueuesRoute | null {
  if (pathname === '/queues' || pathname === '/queues/') return { page: 'list' };
  const match = /^\/queues\/([1-9]\d{0,15})\/(review|summary)\/?$/.exec(pathname);
  if (!match) return null;
  return { page: match[2] as 'review' | 'summary', id: Number(match[1]) };
}
