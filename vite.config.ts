// Vite for the web app in web/: dev server proxies the API to the Fastify app on :3100
// (PORT for `npm run dev`), the build goes to web/dist, which the server serves.
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

// The password meter (web/auth/strength.ts) gets the 10,000 most common passwords, not all
// 49,000: the list is ranked by frequency, and the tail costs a phone ~160 KB (gzip) to draw
// one meter. The server checks against the whole list (server/auth/password-policy.ts).
const METER_PASSWORDS = 10_000;
function meterPasswordList(): Plugin {
  return {
    name: 'meter-password-list',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith('@zxcvbn-ts/language-common/dist/passwords.json.mjs')) return null;
      const { default: words } = (await import(id)) as { default: string[] };
      return `export default ${JSON.stringify(words.slice(0, METER_PASSWORDS))};`;
    },
  };
}

// The API server: API_PORT or PORT when set; under `npm run dev` (which starts the server
// on its default port 3000) 3000; otherwise 3100, as in the README's two-terminal setup.
const apiPort = process.env.API_PORT ?? process.env.PORT ?? (process.env.npm_lifecycle_event === 'dev' ? 3000 : 3100);
const api = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  root: 'web',
  plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), meterPasswordList()],
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
    // Names the chunks of each lazy page, so the server can have the browser fetch the map's
    // code beside the main script instead of after it (server/web/web.routes.ts preloads).
    manifest: true,
  },
});
