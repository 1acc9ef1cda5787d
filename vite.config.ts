import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web imports the server's pure rules as `@domain` (src/domain), never by a long relative path. */
export const domainAlias = [
  { find: /^@domain$/, replacement: fileURLToPath(new URL("./src/domain/index.ts", import.meta.url)) },
  { find: /^@domain\//, replacement: fileURLToPath(new URL("./src/domain/", import.meta.url)) },
];

export default defineConfig({
  root: "web",
  plugins: [react()],
  resolve: { alias: domainAlias },
  build: { outDir: "../dist/web", emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { "/api": `http://localhost:${process.env.PORT ?? 3000}` },
  },
});
