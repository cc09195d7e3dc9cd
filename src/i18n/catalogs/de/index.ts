import type { Catalog } from "../../catalog-types.ts";
import { autointel } from "./autointel.ts";
import { commands } from "./commands.ts";
import { common } from "./common.ts";
import { engine } from "./engine.ts";
import { exporting } from "./exporting.ts";
import { interactions } from "./interactions.ts";
import { live } from "./live.ts";
import { results } from "./results.ts";

export const de: Catalog = {
  ...common,
  ...commands,
  ...interactions,
  ...live,
  ...engine,
  ...results,
  ...autointel,
  ...exporting,
};
