import { getAuth } from "@/app/lib/auth/auth";
import { accountsEnabled } from "@/app/lib/auth/viewer";
import { refuseForeignPost } from "@/app/lib/http/upload-guard";

/**
 * better-auth's HTTP endpoints (sign-up, sign-in, sign-out, session) under /api/auth. Its router is
 * what applies the sign-in and sign-up rate limits. With accounts off there is nothing to sign in to.
 */
async function handle(request: Request): Promise<Response> {
  if (!accountsEnabled()) {
    return Response.json({ message: "Accounts are off on this server (ACCOUNTS=off)." }, { status: 404 });
  }
  if (request.method === "POST") {
    const refused = refuseForeignPost(request, "Sign in on the app's own page.");
    if (refused) return refused;
  }
  try {
    const auth = await getAuth();
    return await auth.handler(request);
  } catch (error) {
    // The library answers its own failures; what escapes is the database being unreachable.
    console.error("auth request failed", error);
    return Response.json(
      { message: "The server cannot reach its database right now. Try again in a moment." },
      { status: 503 },
    );
  }
}

export { handle as GET, handle as POST };
