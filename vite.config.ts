import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress-plugin.ts';

const apiTarget = process.env.PROMPTLOG_API_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react(), precompress()],
  // Source maps only when asked for (PROMPTLOG_SOURCEMAP=1): production does not serve them.
  build: { outDir: 'dist', sourcemap: process.env.PROMPTLOG_SOURCEMAP === '1', chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': apiTarget } },
});
