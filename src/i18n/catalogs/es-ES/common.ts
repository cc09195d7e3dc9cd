import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "Algo salió mal.",
  "common.pages": ({ count }, f) => f.count(count, { one: "{n} página", other: "{n} páginas" }),
};
