import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * One build for both pages. Everything they load (scripts, styles, Monaco's workers, icon fonts) is emitted into
 * dist/web and served by the API itself, so the pages work without any other host. Assets live under /web/ so the
 * pages can be served from any path (/graphql, /explore) without relative URLs breaking.
 */
export default defineConfig({
  root: webDir,
  base: '/web/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Monaco alone is larger than Vite's default warning threshold; the pages are served locally and cached.
    chunkSizeWarningLimit: 6000,
    // Keep every asset a real file: the content security policy allows scripts and workers from our origin only.
    assetsInlineLimit: 0,
    sourcemap: false,
    // Every browser that runs Monaco supports module preloading natively.
    modulePreload: { polyfill: false },
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client" for server components; a client-only bundle can ignore it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        playground: fileURLToPath(new URL('playground/index.html', import.meta.url)),
        explorer: fileURLToPath(new URL('explorer/index.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
});
