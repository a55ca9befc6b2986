import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its wasm/data files from its own dist folder; postgres.js needs no bundling.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // Parallel e2e runs on one checkout each build into their own folder (NEXT_DIST_DIR=.next-<name>).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // A cold CI build would spend ~10 s writing the Turbopack cache it never reuses.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
