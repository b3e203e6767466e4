import { connection } from "next/server";
import { getDb } from "@/app/lib/db";
import { getOptimizeStatus } from "@/app/lib/data/optimize-status";
import { getOptimizerSettings } from "@/app/lib/data/review-history";
import { minimumTrainingReviews } from "@/app/lib/optimizer/decide";
import { OptimizePanel } from "./optimize-panel";

/** Settings -> Optimize: train FSRS's parameters on the learner's own reviews. */
export async function OptimizeParameters({ userId }: { userId: string }) {
  await connection();
  const { prisma } = await getDb();
  const [settings, status] = await Promise.all([
    getOptimizerSettings(prisma, userId),
    getOptimizeStatus(prisma, userId),
  ]);
  return (
    <section
      aria-labelledby="optimize-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="optimize-heading" className="text-lg font-semibold">
        Optimize scheduling
      </h2>
      <p className="text-stone-700 dark:text-stone-300">
        FSRS predicts when you are about to forget each card from 21 parameters. Optimizing fits them to your
        own reviews, imported Anki history included, so intervals follow how you remember. It needs at least{" "}
        {minimumTrainingReviews} reviews of cards seen on an earlier day, and keeps your current parameters
        unless the new ones predict your reviews better.
      </p>
      <OptimizePanel defaults={settings.defaults} parameters={settings.parameters} initialStatus={status} />
    </section>
  );
}
