import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./app/lib/http/security-headers";
import { serverActionBodyMaxBytes } from "./app/lib/upload-limits";

const nextConfig: NextConfig = {
  // Native and Prisma packages stay outside the server bundle so their own loaders find their files.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@open-spaced-repetition/binding",
  ],
  poweredByHeader: false,
  experimental: {
    // Stated here, from the same module as the add-deck form's markdown limit, so the two agree.
    serverActions: { bodySizeLimit: serverActionBodyMaxBytes },
  },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
