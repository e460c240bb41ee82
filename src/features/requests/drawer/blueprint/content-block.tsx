import { JsonText } from './json-text.tsx';
import { LongText } from './long-text.tsx';
import type { Block } from './normalize.ts';
import { safeImageSrc, safeLinkHref, shortUrl } from './safe-url.ts';

function UnsafeUrl({ url, what }: { url: string; what: string }) {
  return (
    <div className="bp-unsafe">
      <span className="bp-label">{what} not loaded (unsupported URL scheme):</span>{' '}
      <code className="bp-url">{shortUrl(url)}</code>
    </div>
  );
}

function ImageBlock({ url, alt }: { url: string; alt: string }) {
  const src = safeImageSrc(url);
  if (src === null) return <UnsafeUrl url={url} what="Image" />;
  return (
    <figure className="bp-image">
      <img src={src} alt={alt} loading="lazy" decoding="async" referrerPolicy="no-referrer" />
      <figcaption className="bp-url">{shortUrl(url)}</figcaption>
    </figure>
  );
}

function MediaBlock({ block }: { block: Extract<Block, { kind: 'media' }> }) {
  const title = block.title ?? 'Media';
  if (block.url !== null && block.mime.startsWith('image/'))
    return <ImageBlock url={block.url} alt={title} />;
  const href = block.url === null ? null : safeLinkHref(block.url);
  return (
    <div className="bp-media">
      <span className="bp-label">{title}</span> <span className="bp-mime">{block.mime}</span>{' '}
      {href !== null ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {shortUrl(href)}
        </a>
      ) : block.url !== null ? (
        <code className="bp-url">{shortUrl(block.url)}</code>
      ) : null}
    </div>
  );
}

export function ContentBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'text':
      return <LongText text={block.text} />;
    case 'thinking':
      return (
        <details className="bp-thinking">
          <summary>Thinking ({block.thinking.length.toLocaleString('en-US')} characters)</summary>
          <LongText text={block.thinking} />
        </details>
      );
    case 'image':
      return <ImageBlock url={block.url} alt={block.detail ? `Image (detail: ${block.detail})` : 'Image'} />;
    case 'code':
      return (
        <div className="bp-code">
          {block.language ? <div className="bp-label">{block.language}</div> : null}
          <LongText text={block.code} className="bp-text bp-mono" />
        </div>
      );
    case 'media':
      return <MediaBlock block={block} />;
    case 'unknown':
      return (
        <div className="bp-unknown">
          <div className="bp-label">{block.type} block</div>
          <JsonText value={block.raw} />
        </div>
      );
  }
}
