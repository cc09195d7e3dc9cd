import { untranslated } from "../../../src/i18n/text-ref.ts";
import {
  continueLater,
  type JsonValue,
  type StageDefinition,
  type WorkflowDefinition,
} from "../../../src/workflow/definition.ts";

/** The kind's options, as parseOptions returns them. Stored with the result (Run again). */
export type WordCountOptions = { text: string };

const MAX_TEXT = 2000;
/** Words counted per invocation of the count stage; then it yields and the queue resumes it. */
const WORDS_PER_INVOCATION = 50;

type Counts = Record<string, number>;

/** Stage 1: the words of the text, lowercased. Its output is stored for the later stages. */
const splitStage: StageDefinition<WordCountOptions> = {
  name: "split",
  label: untranslated("Splitting the text"),
  async run(ctx) {
    return { words: ctx.options.text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [] };
  },
};

/** Stage 2: counts a slice of the words per invocation, keeping its place in `state`. */
const countStage: StageDefinition<WordCountOptions> = {
  name: "count",
  label: untranslated("Counting"),
  inputs: () => ["split"],
  async run(ctx, state) {
    const words = (ctx.outputs.split as { words: string[] }).words;
    const saved = (state ?? { next: 0, counts: {} }) as { next: number; counts: Counts };
    const end = Math.min(words.length, saved.next + WORDS_PER_INVOCATION);
    const counts = { ...saved.counts };
    for (const word of words.slice(saved.next, end)) counts[word] = (counts[word] ?? 0) + 1;
    await ctx.progress(
      untranslated(`${end} of ${words.length} words`),
      words.length ? end / words.length : 1,
    );
    if (end < words.length) return continueLater({ next: end, counts });
    return { total: words.length, counts };
  },
};

/** `/word_count text`: how often each word of a text occurs. */
export const wordCountWorkflow: WorkflowDefinition<WordCountOptions> = {
  name: "word_count",
  title: untranslated("Word count"),
  command: {
    description: "Count the words of a text",
    options: [
      {
        type: 3,
        name: "text",
        description: "The text to count",
        required: true,
        max_length: MAX_TEXT,
      },
    ],
    description_localizations: { fr: "Compter les mots d'un texte" },
  },
  parseOptions(raw) {
    const text = typeof raw.text === "string" ? raw.text.trim() : "";
    if (!text) return { ok: false, error: untranslated("`text` is required.") };
    if (text.length > MAX_TEXT)
      return {
        ok: false,
        error: untranslated(`\`text\` is ${text.length} characters; the limit is ${MAX_TEXT}.`),
      };
    return { ok: true, options: { text } };
  },
  estimateMs: (options) => 1_000 + options.text.length,
  softDeadlineMs: () => 60_000,
  describeInput: (options) => options.text.slice(0, 80),
  stages: [splitStage, countStage],
  buildResult({ outputs, status, error }) {
    const count = outputs.count as { total: number; counts: Counts } | undefined;
    const top = Object.entries(count?.counts ?? {})
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, 5);
    return {
      summary: count ? `${count.total} words, ${top[0]?.[0] ?? "none"} most often` : status,
      markdown: `# Word count\n\n${error ?? ""}\n${top.map(([word, n]) => `- ${word}: ${n}`).join("\n")}\n`,
      data: { status, top: top as JsonValue },
      fields: [{ name: "Words", value: String(count?.total ?? 0) }],
    };
  },
};
