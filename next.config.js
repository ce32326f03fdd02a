/** @type {import('next').NextConfig} */

// Security headers for every response (pages, API, static files). The Content-Security-Policy is
// set per request by proxy.ts (lib/server/csp.ts): a script nonce on pages rendered per request,
// 'unsafe-inline' scripts only on the prerendered ones.
const securityHeaders = [
  // Browsers ignore HSTS on plain http; behind a TLS proxy it pins https for two years.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel builds (e.g. two developers' e2e runs on one machine) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone: server.js plus only the traced
  // node_modules. Off otherwise, so `next start` (e2e, bench, README) serves the usual build.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  // Loaded from node_modules at run time rather than bundled (native-ish, dynamic requires).
  // `npm test` type-checks with tsc first; a parallel build of someone's e2e may skip Next's own pass.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  serverExternalPackages: ["pino", "ioredis", "rate-limiter-flexible", "piscina", "pg-boss"],
  // `next dev` refuses its dev resources (HMR) to origins other than localhost; headless Chromium
  // prints PDFs from INTERNAL_URL (default http://127.0.0.1:$PORT), so the print page must hydrate there.
  allowedDevOrigins: ["127.0.0.1"],
  experimental: {
    // Bodies are buffered for proxy.ts up to this size; routes enforce their own, smaller limits.
    proxyClientMaxBodySize: "1mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Shared pages: the token in the URL never leaks through Referer, and search engines stay out.
      {
        source: "/s/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default nextConfig;
