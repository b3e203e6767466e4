import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireViewer } from "@/app/lib/auth/viewer";
import { getDeckList } from "@/app/lib/data/decks";
import { getLearnerSettings, getRetentionEstimates } from "@/app/lib/data/settings";
import { parsePageQuery } from "@/app/lib/data/keyset";
import { AnkiImportForm } from "@/app/ui/settings/anki-import-form";
import { OptimizeParameters } from "@/app/ui/settings/optimize-parameters";
import { RemoteImagesSetting } from "@/app/ui/settings/remote-images-setting";
import { RestoreBackupForm } from "@/app/ui/settings/restore-backup-form";
import { StudySettingsForm } from "@/app/ui/settings/study-settings-form";
import { ExportLinks } from "@/app/ui/decks/export-links";
import { PageLinks, pageHref } from "@/app/ui/page-links";

export const metadata: Metadata = { title: "Settings" };

const linkClass = "text-indigo-700 underline underline-offset-2 hover:no-underline dark:text-indigo-300";
const sectionClass =
  "space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ searchParams }: Props) {
  await connection();
  const viewer = await requireViewer("/settings");
  const { after, before } = parsePageQuery(await searchParams);
  // Not awaited: the simulation streams in under the retention field while the page shows.
  const retentionEstimates = getRetentionEstimates(viewer.userId);
  const [{ decks, links }, study] = await Promise.all([
    getDeckList(viewer.userId, { after, before }),
    getLearnerSettings(viewer.userId),
  ]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Settings</h1>
      <div className="space-y-6">
        <section aria-labelledby="study-heading" className={sectionClass}>
          <h2 id="study-heading" className="text-lg font-semibold">
            Study
          </h2>
          <p className="text-stone-700 dark:text-stone-300">
            For every deck, unless a deck&apos;s own options say otherwise.
          </p>
          <StudySettingsForm
            settings={study.settings}
            stored={study.stored}
            retentionEstimates={retentionEstimates}
          />
        </section>

        <section aria-labelledby="backup-heading" className={sectionClass}>
          <h2 id="backup-heading" className="text-lg font-semibold">
            Backup
          </h2>
          <p className="text-stone-700 dark:text-stone-300">
            One JSON file with every deck, card and review. Restoring needs an empty database, so a backup
            never merges into existing progress.
          </p>
          <p>
            <a href="/api/backup" download className={linkClass}>
              Download a backup
            </a>
          </p>
          <RestoreBackupForm />
        </section>

        <section aria-labelledby="anki-heading" className={sectionClass}>
          <h2 id="anki-heading" className="text-lg font-semibold">
            Import from Anki
          </h2>
          <p className="text-stone-700 dark:text-stone-300">
            Cards, their review history and media come along. Importing the same package again updates the
            deck.
          </p>
          <AnkiImportForm />
        </section>

        <OptimizeParameters userId={viewer.userId} />

        <section aria-labelledby="images-heading" className={sectionClass}>
          <h2 id="images-heading" className="text-lg font-semibold">
            Images from other websites
          </h2>
          <p className="text-stone-700 dark:text-stone-300">
            A card can show an image kept on another website. Loading it tells that website that someone is
            studying the deck, and when, so a deck shared with you could track who studies it.
          </p>
          <RemoteImagesSetting />
        </section>

        <section aria-labelledby="export-heading" className={sectionClass}>
          <h2 id="export-heading" className="text-lg font-semibold">
            Export decks
          </h2>
          {decks.length === 0 ? (
            <p className="text-stone-700 dark:text-stone-300">No decks yet.</p>
          ) : (
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {decks.map((deck) => (
                <li
                  key={deck.id}
                  className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
                >
                  <span className="font-medium">{deck.title}</span>
                  <ExportLinks slug={deck.slug} title={deck.title} />
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Deleted decks wait in the{" "}
            <Link href="/trash" className={linkClass}>
              trash
            </Link>{" "}
            for 30 days.
          </p>
          <PageLinks
            label="Export list pages"
            links={links}
            href={(cursor) => `${pageHref("/settings", cursor)}#export-heading`}
          />
        </section>
      </div>
    </>
  );
}
