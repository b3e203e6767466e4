/**
 * One section of the stats page: a heading, a caption with the figures in words, the chart, and the
 * same figures as a table behind a <details> (the chart itself is hidden from screen readers).
 */
export function ChartFigure({
  id,
  title,
  caption,
  chart,
  table,
  children,
}: {
  id: string;
  title: string;
  caption: React.ReactNode;
  chart?: React.ReactNode;
  table?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">{caption}</p>
      {children}
      {chart ? <div className="mt-3">{chart}</div> : null}
      {table ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
            Show as a table
          </summary>
          <div className="mt-2 max-h-80 overflow-y-auto" tabIndex={0} aria-label={`${title}, table`}>
            {table}
          </div>
        </details>
      ) : null}
    </section>
  );
}

/** A plain table: the first column names the row, the others are figures. */
export function DataTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="w-full border-collapse text-left text-sm tabular-nums">
      <thead>
        <tr>
          {head.map((cell, index) => (
            <th
              key={index}
              scope="col"
              className="border-b border-stone-300 px-2 py-1 font-semibold dark:border-stone-700"
            >
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...cells], index) => (
          <tr key={index} className="border-b border-stone-100 dark:border-stone-800">
            <th scope="row" className="px-2 py-1 font-normal">
              {name}
            </th>
            {cells.map((cell, column) => (
              <td key={column} className="px-2 py-1">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
