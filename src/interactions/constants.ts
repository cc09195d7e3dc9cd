// Discord's numbers live in one module, src/discord/constants.ts; interactions import them here.
export * from "../discord/constants.ts";
