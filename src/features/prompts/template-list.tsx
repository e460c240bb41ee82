import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TemplateListItem } from '../../../contract/prompt-registry.ts';
import { formatRelativeTime } from '../../lib/format.ts';
import { promptQueries } from './api/prompt-queries.ts';
import { onLinkClick, promptsHref } from './prompts-url.ts';

function TemplateRow({ item }: { item: TemplateListItem }) {
  const model = (item.metadata.model ?? {}) as { name?: string };
  return (
    <tr>
      <td>
        <a href={promptsHref({ name: item.prompt_name })} onClick={onLinkClick} className="prompt-name-link">
          {item.prompt_name}
        </a>
      </td>
      <td className="num">v{item.version}</td>
      <td className="num">{item.version_count}</td>
      <td>
        {item.release_labels.map((label) => (
          <span key={label.label} className="prompt-label">
            {label.label} → v{label.version}
          </span>
        ))}
      </td>
      <td>{model.name ?? '—'}</td>
      <td className="num">
        <a href={`/?prompt=${encodeURIComponent(item.prompt_name)}`} onClick={onLinkClick}>
          {item.request_count.toLocaleString()}
        </a>
      </td>
      <td title={item.created_at}>{formatRelativeTime(item.created_at)}</td>
    </tr>
  );
}

export function TemplateList() {
  const [name, setName] = useState('');
  const list = useQuery(promptQueries.list(name.trim()));
  return (
    <section className="prompts-list" aria-labelledby="prompts-title">
      <div className="prompts-toolbar">
        <h1 id="prompts-title">Prompt templates</h1>
        <input
          className="input"
          type="search"
          aria-label="Filter templates by name"
          placeholder="Filter by name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {list.isError ? (
        <p role="alert" className="prompts-error">
          Could not load the templates: {list.error.message}
        </p>
      ) : list.data && list.data.items.length === 0 ? (
        <div className="prompts-empty">
          <p>{name ? 'No template matches this name.' : 'No prompt templates yet.'}</p>
          <p className="muted">
            Publish one with the SDK (<code>promptlayer.templates.publish(…)</code>) or{' '}
            <code>POST /rest/prompt-templates</code>; <code>run()</code> then fetches it by name.
          </p>
        </div>
      ) : (
        <div className="prompts-table-wrap">
          <table className="prompts-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Latest</th>
                <th scope="col">Versions</th>
                <th scope="col">Labels</th>
                <th scope="col">Model</th>
                <th scope="col">Requests</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody aria-busy={list.isFetching}>
              {list.data?.items.map((item) => (
                <TemplateRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
          {list.data && list.data.total > list.data.items.length ? (
            <p className="muted">
              Showing {list.data.items.length} of {list.data.total}: filter by name to find the others.
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
