import type { Catalog } from "../../catalog-types.ts";
import { common } from "./common.ts";

export const de: Catalog = { ...common };
