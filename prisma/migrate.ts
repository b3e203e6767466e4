/** `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL. */
import { openDatabase } from "@/app/lib/database/client";
import { readEnv } from "@/app/lib/env";

const db = await openDatabase(readEnv().DATABASE_URL);
await db.close();
console.log(`Database up to date (${db.provider}).`);
