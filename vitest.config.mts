import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL("./", import.meta.url)),
  // Server modules import "server-only" to keep them out of client bundles; in tests they run in Node.
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
};

// Two projects: fast pure unit tests, and integration tests that need a real PostgreSQL
// (a throw-away database created, migrated and dropped by test/integration-setup.ts).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: ["**/*.integration.test.ts", "node_modules/**", "e2e/**", ".next*/**"],
          environment: "node",
          // Property tests run hundreds of full evaluations (whatWouldChange re-runs the verdict); on a
          // loaded machine that outlasts 5 s. Speed is measured by `npm run bench`, never by a timeout.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next*/**"],
          environment: "node",
          globalSetup: ["./test/integration-global-setup.ts"],
          setupFiles: ["./test/integration-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
