/**
 * The learner who studies when accounts are off (the embedded single-user default). The init
 * migration creates this user; with accounts on, the first account takes over its progress.
 */
export const localUserId = "local";
