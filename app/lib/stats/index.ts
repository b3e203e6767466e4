export * from "./types";
export * from "./days";
export * from "./activity";
export * from "./memory";
export * from "./card-history";
