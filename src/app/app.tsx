import { Layout } from './layout.tsx';
import { Providers } from './providers.tsx';
import { SignInGate } from './sign-in-gate.tsx';

export function App() {
  return (
    <Providers>
      <SignInGate>
        <Layout />
      </SignInGate>
    </Providers>
  );
}
