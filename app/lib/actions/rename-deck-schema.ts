import { z } from "zod";

/** A deck's new name, as the rename form sends it (kept apart: a "use server" file exports actions only). */
export const renameDeckSchema = z.object({
  slug: z.string().min(1).max(200),
  title: z
    .string("Give the deck a name.")
    .trim()
    .min(1, "Give the deck a name.")
    .max(200, "A deck name can be at most 200 characters.")
    .refine((title) => !/[\u0000-\u001f\u007f]/.test(title), "A deck name fits on one line."),
});
