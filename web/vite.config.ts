import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './build/precompress.ts'

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: {
      // SSE passes through the proxy untouched: no buffering, no compression.
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // The lazy chunks (import wizard, new plan) share modules with the entry, which Rolldown
    // moves to a common chunk that runs before the entry's own first import. Without strict
    // order zod would start before src/lib/zod-jitless.ts and trip the CSP with its probe.
    rolldownOptions: { output: { strictExecutionOrder: true } },
  },
})
