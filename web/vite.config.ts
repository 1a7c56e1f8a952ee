import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs as its own process; in production the server serves dist/ itself.
const API = "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": API,
      "/healthz": API,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        manualChunks(id) {
          if (!id.includes("node_modules")) {
            return undefined;
          }
          if (id.includes("@mantine") || id.includes("@floating-ui")) {
            return "mantine";
          }
          if (id.includes("@tabler")) {
            return "icons";
          }
          // Markdown (knowledge base articles) is needed only by the screens that show one: not in every page's download.
          if (/node_modules\/(react-markdown|remark-|rehype-|micromark|mdast-|hast-|unist-|unified|vfile|markdown-table|property-information|html-url-attributes|decode-named-character-reference|character-entities|space-separated-tokens|comma-separated-tokens|style-to-|inline-style-parser|estree-util-|trim-lines|longest-streak|ccount|devlop|zwitch|trough|bail\/|is-plain-obj|extend\/)/.test(id)) {
            return "markdown";
          }
          return "vendor";
        },
      },
    },
  },
});
