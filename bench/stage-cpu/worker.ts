// A Worker that runs only the extract stage's work (HTMLRewriter over the page, Intl.Segmenter
// over its text) on the HTML it is sent, so bench/stage-cpu/run.ts can count workerd's CPU per call.
import { extractPage } from "../../src/workflows/autointel/extract-page.ts";

export default {
  async fetch(request: Request): Promise<Response> {
    const extract = await extractPage(await request.text(), "https://docs.example/page.html");
    return Response.json({ words: extract.wordCount, links: extract.links.length });
  },
};
