/**
 * The range of each numeric setting. Kept apart from schema.ts so the settings forms (client
 * components) can show them without bundling zod: zod probes for eval when it builds an object
 * schema, which the page's Content-Security-Policy reports as a violation.
 */
export const limits = {
  newPerDay: { min: 0, max: 9999 },
  maxReviewsPerDay: { min: 0, max: 99999 },
  desiredRetention: { min: 0.7, max: 0.97 },
  dayStartHour: { min: 0, max: 23 },
  leechThreshold: { min: 1, max: 99 },
} as const;
