export * from "./api.ts";
export * from "./binary.ts";
export * from "./connect.ts";
export * from "./task.ts";
export * from "./unavailable.ts";
