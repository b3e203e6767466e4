import { signOut } from "@/app/lib/actions/sign-out";
import { getViewer } from "@/app/lib/auth/viewer";

/** In the header when accounts are on: who is signed in, and Sign out. Nothing in single-user mode. */
export async function AccountMenu() {
  const viewer = await getViewer().catch(() => null);
  if (!viewer?.accounts) return null;
  return (
    <form action={signOut} className="flex items-center gap-1">
      <span
        className="max-w-40 truncate px-2 py-1 text-sm text-stone-600 dark:text-stone-400"
        title={viewer.email ?? undefined}
        data-testid="signed-in-as"
      >
        <span className="sr-only">Signed in as </span>
        {viewer.name}
      </span>
      <button
        type="submit"
        className="rounded-md px-2 py-1 text-sm whitespace-nowrap text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"
      >
        Sign out
      </button>
    </form>
  );
}
