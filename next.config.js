/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Build output must not depend on a database or the network.
  typedRoutes: false,
};

module.exports = nextConfig;
