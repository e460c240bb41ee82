import { type FormEvent, useState } from 'react';
import { Button } from '../components/ui/button.tsx';
import { TextField } from '../components/ui/form-field.tsx';
import { useSignIn } from '../features/auth/api/sign-in.ts';
import { signIn } from '../lib/api-key-store.ts';
import { CredentialFields, SignInError } from './credential-fields.tsx';

/** Email and password for people; below, an API key (the `#key=` link's key, or one pasted). */
export function SignInForm({ message }: { message: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  const account = useSignIn();
  const onAccount = (event: FormEvent) => {
    event.preventDefault();
    account.mutate({ email, password });
  };
  const onKey = (event: FormEvent) => {
    event.preventDefault();
    signIn(key);
  };
  const problem = account.error?.message ?? message;
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1 className="brand-title">Promptlog</h1>
        <SignInError message={problem} />
        <form className="sign-in-form" onSubmit={onAccount} aria-label="Sign in with your account">
          <CredentialFields email={email} password={password} onEmail={setEmail} onPassword={setPassword} />
          <Button type="submit" variant="primary" disabled={!email.trim() || !password || account.isPending}>
            {account.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <form className="sign-in-form sign-in-key" onSubmit={onKey} aria-label="Sign in with a key">
          <p className="muted">
            Or open the sign-in link the server printed when it started (<code>http://host:port/#key=…</code>
            ), or paste an API key: the one in <code>&lt;data dir&gt;/api-key</code>, one from{' '}
            <code>PROMPTLOG_API_KEYS</code>, or a read, annotate or admin key from Settings.
          </p>
          <TextField
            label="API key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={setKey}
            required
          />
          <Button type="submit" disabled={!key.trim()}>
            Sign in with key
          </Button>
        </form>
      </div>
    </main>
  );
}
