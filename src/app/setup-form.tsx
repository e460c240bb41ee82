import { type FormEvent, useId, useState } from 'react';
import { PASSWORD_MIN } from '../../contract/auth.ts';
import { Button } from '../components/ui/button.tsx';
import { useSetup } from '../features/auth/api/sign-in.ts';

/** First run: the server printed `/#setup=<token>`; this creates the first admin and signs them in. */
export function SetupForm({ token, onDone }: { token: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  const setup = useSetup();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate({ token, name, email, password }, { onSuccess: onDone });
  };
  return (
    <main className="sign-in">
      <form className="sign-in-card sign-in-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`} className="brand-title">
          Create the first admin
        </h1>
        <p className="muted">
          This one-time link sets up the first account. Admins add everyone else in Settings.
        </p>
        {setup.error ? (
          <p className="sign-in-error" role="alert">
            {setup.error.message}
          </p>
        ) : null}
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="input"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          className="input"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          className="input"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={`${id}-hint`}
          required
        />
        <p id={`${id}-hint`} className="muted">
          At least {PASSWORD_MIN} characters.
        </p>
        <Button
          type="submit"
          variant="primary"
          disabled={setup.isPending || !name.trim() || !email.trim() || password.length < PASSWORD_MIN}
        >
          Create admin account
        </Button>
      </form>
    </main>
  );
}
