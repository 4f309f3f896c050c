import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `npm run dev` sends the Admin API's requests (a Backbone's admin listener). */
const adminListener = process.env.ADMIN_CONSOLE_BACKBONE ?? "http://127.0.0.1:8081";

/**
 * The admin console: built into build/admin-console (build.mjs copies it into dist/), served by the admin listener at
 * `/`. No asset is inlined as a data: URI, so that the page's Content-Security-Policy can stay at `'self'`.
 */
export default defineConfig({
    plugins: [react()],
    base: "/",
    build: {
        outDir: process.env.ADMIN_CONSOLE_OUT_DIR ?? "../build/admin-console",
        emptyOutDir: true,
        assetsInlineLimit: 0,
        target: "es2022",
        chunkSizeWarningLimit: 1000
    },
    server: {
        port: 5173,
        proxy: { "/api": adminListener, "/odata": adminListener }
    }
});
