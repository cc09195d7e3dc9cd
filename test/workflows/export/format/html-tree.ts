// The HTML export as a browser's parser builds it (parse5 follows the WHATWG parsing algorithm),
// with the few look-ups the tests need: elements, their classes, attributes and text.
import { type DefaultTreeAdapterMap, parse, parseFragment } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childrenOf(node: Node): Node[] {
  const own = "childNodes" in node ? (node.childNodes as Node[]) : [];
  // A <template>'s content is a separate fragment.
  const content = isElement(node) && "content" in node ? [node.content as Node] : [];
  return [...own, ...content];
}

/** Every element under `root`, in document order. */
export function elements(root: Node): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (isElement(node)) found.push(node);
    stack.push(...childrenOf(node).reverse());
  }
  return found;
}

export function attr(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, "class") ?? "").split(" ").includes(name);
}

export function byClass(root: Node, name: string): Element[] {
  return elements(root).filter((element) => hasClass(element, name));
}

/** The text a reader sees: text nodes joined, <br> as a line break, images by their alt. */
export function textOf(root: Node): string {
  let text = "";
  const visit = (node: Node) => {
    if (node.nodeName === "#text") text += (node as DefaultTreeAdapterMap["textNode"]).value;
    else if (isElement(node) && node.tagName === "br") text += "\n";
    else if (isElement(node) && node.tagName === "img") text += attr(node, "alt") ?? "";
    for (const child of childrenOf(node)) visit(child);
  };
  visit(root);
  return text;
}

export function parseHtmlDocument(html: string): Node {
  return parse(html);
}

export function parseHtmlFragment(html: string): Node {
  return parseFragment(html);
}

/** The first element with the class; a test fails here when there is none. */
export function firstByClass(root: Node, name: string): Element {
  const found = byClass(root, name)[0];
  if (!found) throw new Error(`no element of class ${name}`);
  return found;
}

/** The texts of the elements with this tag name. */
export function tagTexts(root: Node, tag: string): string[] {
  return elements(root)
    .filter((element) => element.tagName === tag)
    .map(textOf);
}

/** The elements the export's renderer builds for message text; anything else came from outside. */
export const MESSAGE_MARKUP_TAGS: ReadonlySet<string> = new Set([
  "div",
  "span",
  "img",
  "a",
  "time",
  "strong",
  "em",
  "u",
  "s",
  "code",
  "pre",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "ul",
  "ol",
  "li",
  "br",
]);
