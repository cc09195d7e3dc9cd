// Validly signed, malformed interactions through the deployed entry point: none may get a 500
// or a stack trace; each gets a clear error, ephemeral when Discord can show it, else JSON.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { discordText } from "../../src/discord/render/localized-text.ts";
import { SUPPORTED_LOCALES } from "../../src/i18n/locales.ts";
import { freshId } from "../helpers/emulator.ts";
import {
  commandData,
  interactionFrom,
  signedInteractionRequest,
} from "../helpers/workflow-harness.ts";

/** The apology of a handler that crashed, in every language. */
const HANDLER_FAILED = SUPPORTED_LOCALES.map((locale) =>
  discordText(locale)("interactions.handlerFailed"),
);

const admin = { userId: freshId(), permissions: String(1 << 5) };

// Valid interactions of every kind the bot handles; none starts a workflow (the URL is refused).
const TEMPLATES: (() => Record<string, unknown>)[] = [
  () =>
    interactionFrom(
      admin,
      2,
      commandData("autointel", { url: "http://10.0.0.1/", depth: "quick" }),
    ),
  () => interactionFrom(admin, 2, commandData("notify", { state: "on" })),
  () => interactionFrom(admin, 2, commandData("retrieve_results", { workflow_id: "nope" })),
  () => interactionFrom(admin, 2, commandData("workflows")),
  () =>
    interactionFrom(admin, 2, {
      ...commandData("callback"),
      options: [
        { name: "set", type: 1, options: [{ name: "url", type: 3, value: "http://10.0.0.1/" }] },
      ],
    }),
  () =>
    interactionFrom(admin, 4, commandData("retrieve_results", { workflow_id: "a" }, "workflow_id")),
  () =>
    interactionFrom(admin, 3, { custom_id: `cancel:${crypto.randomUUID()}`, component_type: 2 }),
  () =>
    interactionFrom(admin, 3, { custom_id: `retrieve:${crypto.randomUUID()}`, component_type: 2 }),
  () => interactionFrom(admin, 5, { custom_id: "unknown-modal:1", components: [] }),
];

function nest(depth: number): unknown[] {
  let options: unknown[] = [{ name: "url", type: 3, value: "x" }];
  for (let i = 0; i < depth; i++) options = [{ name: `level${i}`, type: 1, options }];
  return options;
}

type Case = [string, (base: Record<string, unknown>) => unknown];
const withData = (base: Record<string, unknown>, data: Record<string, unknown>) => ({
  ...base,
  data: { ...(base.data as Record<string, unknown>), ...data },
});

// Hand-written cases, each applied to a template ([template index, case]).
const CASES: [number, Case][] = [
  [0, ["type as a string", (b) => ({ ...b, type: "2" })]],
  [0, ["type as a fraction", (b) => ({ ...b, type: 2.5 })]],
  [0, ["type null", (b) => ({ ...b, type: null })]],
  [0, ["unknown type 6", (b) => ({ ...b, type: 6 })]],
  [0, ["unknown type 99", (b) => ({ ...b, type: 99 })]],
  [0, ["type 2^53", (b) => ({ ...b, type: 2 ** 53 })]],
  [0, ["no id", (b) => ({ ...b, id: undefined })]],
  [0, ["no token", (b) => ({ ...b, token: undefined })]],
  [0, ["no data", (b) => ({ ...b, data: undefined })]],
  [0, ["data is a list", (b) => ({ ...b, data: [] })]],
  [0, ["no user at all", (b) => ({ ...b, member: undefined, user: undefined })]],
  [0, ["member.user.id a number", (b) => ({ ...b, member: { user: { id: 5 } } })]],
  [0, ["guild_id an object", (b) => ({ ...b, guild_id: {} })]],
  [0, ["data.name a number", (b) => withData(b, { name: 7 })]],
  [0, ["unknown command", (b) => withData(b, { name: "rm_rf" })]],
  [0, ["options an object", (b) => withData(b, { options: { url: "x" } })]],
  [
    0,
    [
      "option value an object",
      (b) => withData(b, { options: [{ name: "url", type: 3, value: {} }] }),
    ],
  ],
  [
    0,
    [
      "option value a number",
      (b) => withData(b, { options: [{ name: "url", type: 3, value: 5 }] }),
    ],
  ],
  [
    0,
    [
      "6,000-character option",
      (b) =>
        withData(b, {
          options: [{ name: "url", type: 3, value: `http://a.example/${"a".repeat(5983)}` }],
        }),
    ],
  ],
  [
    0,
    [
      "6,001-character option",
      (b) => withData(b, { options: [{ name: "url", type: 3, value: "a".repeat(6001) }] }),
    ],
  ],
  [
    0,
    [
      "depth a boolean",
      (b) =>
        withData(b, {
          options: [
            { name: "url", type: 3, value: "http://10.0.0.1/" },
            { name: "depth", type: 3, value: true },
          ],
        }),
    ],
  ],
  [0, ["options nested 3 deep", (b) => withData(b, { options: nest(2) })]],
  [0, ["options nested 50 deep", (b) => withData(b, { options: nest(50) })]],
  [
    0,
    [
      "26 options",
      (b) =>
        withData(b, {
          options: Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, type: 3, value: "v" })),
        }),
    ],
  ],
  [0, ["a user command (data.type 2)", (b) => withData(b, { type: 2 })]],
  [4, ["callback set without url", (b) => withData(b, { options: [{ name: "set", type: 1 }] })]],
  [4, ["callback with a string subcommand", (b) => withData(b, { options: ["set"] })]],
  [5, ["autocomplete with no options", (b) => withData(b, { options: undefined })]],
  [6, ["unknown custom id", (b) => withData(b, { custom_id: "zzz:1" })]],
  [6, ["empty custom id", (b) => withData(b, { custom_id: "" })]],
  [6, ["101-character custom id", (b) => withData(b, { custom_id: `cancel:${"x".repeat(94)}` })]],
  [
    6,
    ["cancel with a path as payload", (b) => withData(b, { custom_id: "cancel:../../etc/passwd" })],
  ],
  [
    7,
    [
      "retrieve with SQL as payload",
      (b) => withData(b, { custom_id: "retrieve:'; DROP TABLE results;--" }),
    ],
  ],
  [6, ["custom id a number", (b) => withData(b, { custom_id: 12 })]],
  [8, ["modal without components", (b) => withData(b, { components: undefined })]],
  [8, ["unknown modal", (b) => b]],
];

// Seeded mutations: a random field of a random template gets a random hostile value.
function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  "",
  "x".repeat(6000),
  [],
  [[[[]]]],
  {},
  true,
  "💥",
  { length: 1 },
];

function mutate(value: unknown, random: () => number): unknown {
  if (Array.isArray(value) && value.length > 0 && random() < 0.7) {
    const copy = [...value];
    const index = Math.floor(random() * copy.length);
    copy[index] = mutate(copy[index], random);
    return copy;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value) && random() < 0.8) {
    const copy: Record<string, unknown> = { ...value };
    const keys = Object.keys(copy);
    const key = keys[Math.floor(random() * keys.length)];
    if (key === undefined) return copy;
    if (random() < 0.2) delete copy[key];
    else copy[key] = mutate(copy[key], random);
    return copy;
  }
  return HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)];
}

/** Through the whole Worker (its router too), not only the interactions handler. */
async function send(body: unknown): Promise<Response> {
  return exports.default.fetch(await signedInteractionRequest(body));
}

/** The answer is a clear error or a normal reply; never a 500, never a stack trace. */
async function expectClearAnswer(label: string, res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect(res.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(text, label).not.toMatch(/\n\s+at |TypeError|ReferenceError|SyntaxError|stack/);
  const body = JSON.parse(text) as Record<string, unknown>;
  if (res.status >= 400) {
    expect(body, label).toMatchObject({ status: res.status, error: expect.any(String) });
  } else if (body.type === 4) {
    const data = body.data as { content?: unknown; flags?: number };
    expect(typeof data.content === "string" && data.content.length > 0, label).toBe(true);
    // A handler that crashed on the payload is caught, but its apology is not a clear error.
    expect(HANDLER_FAILED, label).not.toContain(data.content);
  }
  return body;
}

describe("POST /interactions with validly signed, malformed payloads", () => {
  it.each(CASES.map(([template, [label, make]]) => [label, template, make] as const))(
    "%s: a clear error, no 500",
    async (label, template, make) => {
      const base = TEMPLATES[template]?.();
      if (!base) throw new Error(`no template ${template}`);
      const res = await send(make(base));
      const body = await expectClearAnswer(label, res);
      // A reply Discord shows is ephemeral: only the sender sees the error.
      if (res.status === 200 && body.type === 4)
        expect((body.data as { flags?: number }).flags, label).toBe(64);
    },
  );

  it("300 seeded random mutations of every kind of interaction", { timeout: 120_000 }, async () => {
    const random = mulberry32(20261130);
    for (let i = 0; i < 300; i++) {
      const template = TEMPLATES[i % TEMPLATES.length];
      if (!template) continue;
      const body = mutate(template(), random);
      await expectClearAnswer(
        `mutation ${i}: ${JSON.stringify(body).slice(0, 300)}`,
        await send(body),
      );
    }
  });
});
