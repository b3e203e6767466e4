/** Skeleton while a page reads the database. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse">
      <div className="mb-4 h-7 w-40 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-40 rounded-xl bg-stone-200 dark:bg-stone-800" />
    </div>
  );
}
