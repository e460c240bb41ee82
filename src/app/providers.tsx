import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LiveAnnouncer } from '../components/ui/announcer.tsx';
import { Toaster } from '../components/ui/toast.tsx';
import { TooltipProvider } from '../components/ui/tooltip.tsx';

export function Providers({ client: queryClient, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider delayDuration={300}>
        {children}
        <Toaster />
        <LiveAnnouncer />
      </TooltipProvider>
    </QueryClientProvider>
  );
}
