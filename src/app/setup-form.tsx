import { type FormEvent, useId, useState } from 'react';
import { PASSWORD_MIN } from '../../contract/auth.ts';
import { Button } from '../components/ui/button.tsx';
import { TextField } from '../components/ui/form-field.tsx';
import { useSetup } from '../features/auth/api/sign-in.ts';
import { CredentialFields, SignInError } from './credential-fields.tsx';

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
        <SignInError message={setup.error?.message} />
        <TextField label="Name" autoComplete="name" value={name} onChange={setName} required />
        <CredentialFields
          email={email}
          password={password}
          onEmail={setEmail}
          onPassword={setPassword}
          choosing
        />
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
