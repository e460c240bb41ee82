import { type RefObject, useEffect, useId, useState } from 'react';
import { SearchIcon } from '../../../components/ui/icons.tsx';

/** Full-text search, debounced; the URL's `q` stays the source of truth (back/forward reset the box). */
export function SearchBox({
  value,
  onChange,
  inputRef,
}: {
  value: string;
  onChange: (q: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onChange(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);
  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        Search requests
      </label>
      <SearchIcon className="search-icon" />
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="input"
        placeholder="Search requests  /"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(draft.trim());
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
