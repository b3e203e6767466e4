export * from "./schema";
export * from "./resolve";
export * from "./steps";
export * from "./study-day";
export * from "./leech";
