import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // Relative asset URLs, so the app works under any base path; the server makes index.html's absolute.
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // ECharts lives in its own lazy chunk (~1 MB raw); only the initial bundle is budgeted.
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: true,
  },
  server: {
    // the web app imports the API's zod schemas from ../server
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
