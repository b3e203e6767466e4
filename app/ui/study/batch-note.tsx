/** Under a Study all session: how much of the queue this batch holds, and what follows it. */
export function BatchNote({
  count,
  remaining,
  capped,
  more,
}: {
  count: number;
  remaining: number;
  capped: boolean;
  more: boolean;
}) {
  if (!more) return null;
  const due =
    remaining === 1
      ? "1 more due card"
      : `${capped ? "over " : ""}${remaining.toLocaleString("en")} more due cards`;
  return (
    <p data-testid="batch-note" className="mt-4 text-center text-sm text-stone-600 dark:text-stone-400">
      This session holds {count.toLocaleString("en")} cards;{" "}
      {remaining > 0 ? `${due} and any new ones follow` : "more new cards follow"} when it is done.
    </p>
  );
}
