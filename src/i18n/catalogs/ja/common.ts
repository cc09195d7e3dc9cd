import type { Translation } from "../../catalog-types.ts";
import type { common as english } from "../en/common.ts";

export const common: Translation<typeof english> = {
  "common.untranslated": ({ text }) => text,
  "common.unknownError": () => "問題が発生しました。",
  "common.pages": ({ count }, f) => f.count(count, { other: "{n} ページ" }),
};
