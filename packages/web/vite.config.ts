import { defineConfig } from "vite";

/**
 * The web page's build: dist/index.html and content-hashed files under dist/assets/,
 * which the server serves at / (packages/server/src/http/use-web-page.ts).
 *
 * No framework plugin: Preact needs only JSX compiled to its automatic runtime, which
 * Vite's own transform does (the Preact preset would add Babel and hot reloading,
 * neither needed to build).
 */
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Evergreen browsers: no legacy transforms or polyfills in the bundle.
    target: "es2022",
    // The size report lists each file with its gzip size (the README quotes it).
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev -w @solegraph/web` next to `npm start`: the page's GraphQL requests
    // go to the server, so the dev page is same-origin too.
    proxy: { "/graphql": "http://localhost:4000" },
  },
});
