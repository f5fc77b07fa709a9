// Vite for the web app in web/: dev server proxies the API to the Fastify app on :3100
// (PORT for `npm run dev`), the build goes to web/dist, which the server serves.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The API server: API_PORT or PORT when set; under `npm run dev` (which starts the server
// on its default port 3000) 3000; otherwise 3100, as in the README's two-terminal setup.
const apiPort = process.env.API_PORT ?? process.env.PORT ?? (process.env.npm_lifecycle_event === 'dev' ? 3000 : 3100);
const api = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  root: 'web',
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  server: {
    port: 5173,
    proxy: {
      // web/api/client.ts is a module under /api too: let Vite serve source files itself.
      '/api': { target: api, bypass: (req) => (/^\/api\/[\w.-]+\.tsx?(\?|$)/.test(req.url ?? '') ? req.url : undefined) },
      '/demo-photos': api,
      '/docs': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 4096,
    reportCompressedSize: false,
  },
});
