import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Prisma packages stay outside the server bundle so their own loaders find their files.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
};

export default nextConfig;
