/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static site: `next build` writes plain files to out/, served by any static server.
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
};

export default nextConfig;
