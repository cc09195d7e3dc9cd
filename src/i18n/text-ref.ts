import type { MessageKey, TextRef } from "./catalog-types.ts";
import { type ArgsOf, isTextRef, type Translate } from "./translator.ts";

export { isTextRef, type TextRef };

export function textRef<K extends MessageKey>(key: K, ...args: ArgsOf<K>): TextRef {
  const [vars] = args as unknown as [TextRef["vars"]?];
  return vars === undefined ? { key } : { key, vars };
}

/** Text a kind shows in every language as given (a kind not translated yet). */
export function untranslated(text: string): TextRef {
  return { key: "common.untranslated", vars: { text } };
}

/** `ref` in the translator's language (its string variables escaped as that translator does). */
export function renderText(t: Translate, ref: TextRef): string {
  const render = t as unknown as (key: MessageKey, vars?: TextRef["vars"]) => string;
  return render(ref.key, ref.vars);
}

/** `ref` as a stage output or state stores it (plain JSON; read it back with isTextRef). */
export function storedText(ref: TextRef): { [key: string]: never } {
  return ref as unknown as { [key: string]: never };
}
