import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress-plugin.ts';

const apiTarget = process.env.PROMPTLOG_API_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': apiTarget } },
});
