import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "Etwas ist schiefgelaufen.",
  "common.pages": ({ count }, f) => f.count(count, { one: "{n} Seite", other: "{n} Seiten" }),
};
