/** New / learning / due counts in the colours Anki learners know (blue, red-orange, green). */
export function DeckCounts({
  counts,
  className = "",
}: {
  counts: { new: number; learning: number; due: number };
  className?: string;
}) {
  const items = [
    { label: "New", value: counts.new, color: "text-sky-700 dark:text-sky-300" },
    { label: "Learning", value: counts.learning, color: "text-orange-700 dark:text-orange-300" },
    { label: "Due", value: counts.due, color: "text-emerald-700 dark:text-emerald-300" },
  ];
  return (
    <dl className={`flex gap-4 text-sm ${className}`}>
      {items.map((item) => (
        <div key={item.label} className="flex items-baseline gap-1.5">
          <dt className="text-stone-600 dark:text-stone-400">{item.label}</dt>
          <dd
            className={`font-semibold tabular-nums ${item.value > 0 ? item.color : "text-stone-500 dark:text-stone-400"}`}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
