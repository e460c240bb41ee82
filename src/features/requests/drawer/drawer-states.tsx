import { isNotFound } from '../../../lib/api-client.ts';

export function DrawerSkeleton({ id }: { id: number }) {
  return (
    <div className="drawer-skeleton" aria-busy="true">
      <span className="drawer-visually-hidden" role="status">
        Loading request {id}…
      </span>
      <div className="drawer-skel-line drawer-skel-short" />
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="drawer-skel-line" />
      ))}
      <div className="drawer-skel-block" />
      <div className="drawer-skel-block" />
    </div>
  );
}

export function DrawerError({ id, error, onRetry }: { id: number; error: Error; onRetry: () => void }) {
  const notFound = isNotFound(error);
  return (
    <div className="drawer-error" role="alert">
      <p>
        <strong>{notFound ? `Request ${id} was not found.` : `Could not load request ${id}.`}</strong>
      </p>
      {notFound ? (
        <p className="bp-muted">It may have been deleted, or the link has a wrong ID.</p>
      ) : (
        <>
          <p className="bp-muted">{error.message}</p>
          <button type="button" className="drawer-btn" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
