import { decodeHTML } from "entities";

// HTMLRewriter hands over text and attribute values exactly as written, entities included.
// The `entities` package decodes every named reference of the HTML standard (2,231), with or
// without the semicolon where the standard allows it, and numeric ones, as browsers do; it is
// plain ES code with no Node APIs, so it runs in workerd unchanged.
export function decodeEntities(text: string): string {
  return text.includes("&") ? decodeHTML(text) : text;
}
