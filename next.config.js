/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static site: `next build` writes plain files to out/, served by any static server.
  output: 'export',
  // NEXT_DIST_DIR lets several builds of one checkout run side by side; with a static
  // export a custom distDir is also where the exported site is written (default out/).
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
};

export default nextConfig;
