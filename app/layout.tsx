import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { AccountMenu } from "@/app/ui/auth/account-menu";
import { StudyAllLink, StudyAllLinkView } from "@/app/ui/study-all-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Notecards", template: "%s · Notecards" },
  description: "Flashcards from your markdown notes, scheduled with FSRS.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

const navLinkClass =
  "rounded-md px-2 py-1 text-sm whitespace-nowrap text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: a page built ahead of time would carry scripts without the
  // request's CSP nonce (proxy.ts), and the browser would refuse to run them.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only rounded bg-indigo-700 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        <header className="border-b border-stone-200 dark:border-stone-800">
          {/* On a phone the links take their own row under the name, instead of wrapping ragged beside it. */}
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3"
          >
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Notecards
            </Link>
            <span className="-mx-2 flex flex-wrap gap-1 sm:mx-0 sm:justify-end">
              <Suspense fallback={<StudyAllLinkView />}>
                <StudyAllLink />
              </Suspense>
              <Link href="/decks/new" prefetch={false} className={navLinkClass}>
                Add deck
              </Link>
              <Link href="/stats" prefetch={false} className={navLinkClass}>
                Stats
              </Link>
              <Link href="/settings" prefetch={false} className={navLinkClass}>
                Settings
              </Link>
              <Suspense fallback={null}>
                <AccountMenu />
              </Suspense>
            </span>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-3xl px-4 pt-6 pb-40 sm:pb-12">
          {children}
        </main>
      </body>
    </html>
  );
}
