import { PASSWORD_MIN } from '../../contract/auth.ts';
import { TextField } from '../components/ui/form-field.tsx';

/**
 * Email and password as the sign-in and first-admin forms ask for them; a new password
 * (`choosing`) has a minimum length, said under it.
 */
export function CredentialFields({
  email,
  password,
  onEmail,
  onPassword,
  choosing = false,
}: {
  email: string;
  password: string;
  onEmail: (email: string) => void;
  onPassword: (password: string) => void;
  choosing?: boolean;
}) {
  return (
    <>
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={onEmail}
        required
      />
      <TextField
        label="Password"
        type="password"
        autoComplete={choosing ? 'new-password' : 'current-password'}
        minLength={choosing ? PASSWORD_MIN : undefined}
        value={password}
        onChange={onPassword}
        hint={choosing ? `At least ${PASSWORD_MIN} characters.` : undefined}
        required
      />
    </>
  );
}

/** The sign-in card's error (a refused sign-in, an expired setup link). */
export function SignInError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="sign-in-error" role="alert">
      {message}
    </p>
  ) : null;
}
