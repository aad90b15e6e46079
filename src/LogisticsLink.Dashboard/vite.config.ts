import { defineConfig } from "vitest/config";

// The server copies dist/ into its wwwroot (see LogisticsLink.Server.csproj), and serves it at "/".
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
