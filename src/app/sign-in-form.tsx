import { type FormEvent, useId, useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { signIn } from '../lib/api-key-store.ts';

export function SignInForm({ message }: { message: string | null }) {
  const [key, setKey] = useState('');
  const inputId = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn(key);
  };
  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={onSubmit} aria-labelledby={`${inputId}-title`}>
        <h1 id={`${inputId}-title`} className="brand-title">
          Promptlog
        </h1>
        {message ? (
          <p className="sign-in-error" role="alert">
            {message}
          </p>
        ) : null}
        <p className="muted">
          Open the sign-in link the server printed when it started (<code>http://host:port/#key=…</code>), or
          paste an API key: the one in <code>&lt;data dir&gt;/api-key</code> or one from{' '}
          <code>PROMPTLOG_API_KEYS</code>.
        </p>
        <label htmlFor={inputId}>API key</label>
        <input
          id={inputId}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          required
        />
        <Button type="submit" variant="primary" disabled={!key.trim()}>
          Sign in
        </Button>
      </form>
    </main>
  );
}
