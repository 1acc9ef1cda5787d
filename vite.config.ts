import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/** The web imports the server's pure rules as `@domain` (src/domain), never by a long relative path. */
export const domainAlias = [
  { find: /^@domain$/, replacement: fileURLToPath(new URL("./src/domain/index.ts", import.meta.url)) },
  { find: /^@domain\//, replacement: fileURLToPath(new URL("./src/domain/", import.meta.url)) },
];

export default defineConfig({
  root: "web",
  plugins: [
    react(),
    VitePWA({
      // Registered from main.tsx (no inline script: the server's CSP allows none).
      injectRegister: false,
      registerType: "autoUpdate",
      includeAssets: ["icon.svg"],
      manifest: {
        name: "capaian — Dinas Kesehatan",
        short_name: "capaian",
        description: "Perencanaan dan pemantauan kinerja Dinas Kesehatan",
        lang: "id",
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b7285",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any maskable" },
          { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        // Only the app's own files: API answers hold one user's data and stay out of shared caches
        // (the data entry keeps its copies per user in IndexedDB, removed at logout).
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // Charts are not needed to enter data: fetched when a chart is first shown, then kept.
        globIgnores: ["**/echarts-*.js"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//, /^\/metrics/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /^\/assets\/echarts-.*\.js$/.test(url.pathname),
            handler: "CacheFirst",
            options: { cacheName: "capaian-charts", expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
  resolve: { alias: domainAlias },
  build: { outDir: "../dist/web", emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { "/api": `http://localhost:${process.env.PORT ?? 3000}` },
  },
});
