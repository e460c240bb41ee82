import type { QueryClient } from '@tanstack/react-query';
import { Layout } from './layout.tsx';
import { Providers } from './providers.tsx';
import { SignInGate } from './sign-in-gate.tsx';

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <Providers client={queryClient}>
      <SignInGate>
        <Layout />
      </SignInGate>
    </Providers>
  );
}
