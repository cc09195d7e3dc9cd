import type { Catalog } from "../../catalog-types.ts";
import { common } from "./common.ts";

export const fr: Catalog = { ...common };
