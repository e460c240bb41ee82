import { useQuery } from '@tanstack/react-query';
import { filterToParams } from '../../../contract/filter-query.ts';
import type { TemplateVersion } from '../../../contract/prompt-registry.ts';
import { Button } from '../../components/ui/button.tsx';
import { formatRelativeTime } from '../../lib/format.ts';
import { promptQueries } from './api/prompt-queries.ts';
import { navigate, onLinkClick, promptsHref } from './prompts-url.ts';
import { VersionBlueprint } from './version-blueprint.tsx';
import { VersionDiff } from './version-diff.tsx';
import { VersionForm } from './version-form.tsx';

/** The requests table filtered to a template (and one of its versions). */
const requestsHref = (name: string, version?: number) =>
  `/?${filterToParams({ promptNames: [name], ...(version === undefined ? {} : { promptVersions: [version] }) })}`;

function VersionCard({
  name,
  version,
  compared,
  onCompare,
}: {
  name: string;
  version: TemplateVersion;
  compared: boolean;
  onCompare: () => void;
}) {
  return (
    <article className="prompt-version" aria-labelledby={`version-${version.id}`}>
      <header className="prompt-version-head">
        <h2 id={`version-${version.id}`}>Version {version.version}</h2>
        {version.release_labels.map((label) => (
          <span key={label} className="prompt-label">
            {label}
          </span>
        ))}
        <span className="muted" title={version.created_at}>
          {formatRelativeTime(version.created_at)}
        </span>
        <span className="spacer" />
        <a
          className="btn btn-default btn-sm"
          href={requestsHref(name, version.version)}
          onClick={onLinkClick}
          aria-label={`Show requests of version ${version.version}`}
        >
          Requests
        </a>
        <label className="inline">
          <input type="checkbox" checked={compared} onChange={onCompare} />
          Compare
        </label>
      </header>
      {version.commit_message ? <p className="prompt-commit">{version.commit_message}</p> : null}
      <VersionBlueprint template={version.prompt_template} metadata={version.metadata} />
    </article>
  );
}

export function TemplateDetail({
  name,
  compare,
  showForm,
}: {
  name: string;
  compare: number[];
  showForm: boolean;
}) {
  const versions = useQuery(promptQueries.versions(name));
  const go = (params: { compare?: number[]; form?: boolean }) =>
    navigate(
      promptsHref({
        name,
        compare: params.compare && params.compare.length > 0 ? params.compare.join(',') : undefined,
        new: params.form ? '1' : undefined,
      }),
      { replace: params.form === undefined },
    );
  const toggleCompare = (version: number) => {
    const next = compare.includes(version)
      ? compare.filter((v) => v !== version)
      : [...compare, version].slice(-2);
    go({ compare: next });
  };
  const list = versions.data?.versions ?? [];
  const pair = compare.length === 2 ? compare.map((v) => list.find((x) => x.version === v)) : [];
  const [before, after] = [...pair].sort((a, b) => (a?.version ?? 0) - (b?.version ?? 0));
  return (
    <section className="prompt-detail" aria-labelledby="prompt-detail-title">
      <nav className="prompts-crumbs" aria-label="Breadcrumb">
        <a href="/prompts" onClick={onLinkClick}>
          Prompt templates
        </a>{' '}
        / <span>{name}</span>
      </nav>
      <div className="prompts-toolbar">
        <h1 id="prompt-detail-title">{name}</h1>
        <span className="spacer" />
        {/* Every version's requests; each version card links to its own. */}
        <a className="btn btn-default btn-md" href={requestsHref(name)} onClick={onLinkClick}>
          Show requests
        </a>
        {showForm ? null : (
          <Button variant="primary" onClick={() => navigate(promptsHref({ name, new: '1' }))}>
            New version
          </Button>
        )}
      </div>
      {versions.isError ? (
        <p role="alert" className="prompts-error">
          {versions.error.message}
        </p>
      ) : null}
      {showForm && versions.data ? (
        <VersionForm name={name} base={list[0]} onDone={() => navigate(promptsHref({ name }))} />
      ) : null}
      {before && after ? <VersionDiff before={before} after={after} /> : null}
      {compare.length === 1 ? <p className="muted">Tick a second version to compare.</p> : null}
      {list.map((version) => (
        <VersionCard
          key={version.id}
          name={name}
          version={version}
          compared={compare.includes(version.version)}
          onCompare={() => toggleCompare(version.version)}
        />
      ))}
    </section>
  );
}
