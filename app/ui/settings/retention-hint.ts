/** The one line under desired retention: what the number means for the learner. */
export function retentionHint(retention: number): string {
  const inTen = Math.round(retention * 10 * 10) / 10;
  return `${retention.toFixed(2)}: you should recall about ${inTen} in 10 cards when they come due. Higher means more reviews; lower means fewer, and more forgetting.`;
}
