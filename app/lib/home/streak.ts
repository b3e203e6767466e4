/**
 * A study streak: consecutive study days with at least one review. Today counts once the learner has
 * studied today; until then the streak runs up to yesterday, so it is not broken before the day is
 * over.
 *
 * @example countStreak([false, true, true, false]) // 2: not yet today, studied the two days before
 */
export function countStreak(studied: readonly boolean[]): number {
  // studied[0] is today, studied[1] yesterday, ...
  const from = studied[0] ? 0 : 1;
  let streak = 0;
  for (let day = from; day < studied.length && studied[day]; day++) streak++;
  return streak;
}
