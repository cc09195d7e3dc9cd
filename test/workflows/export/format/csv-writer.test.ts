import { parse } from "csv-parse/browser/esm/sync";
import { describe, expect, it } from "vitest";
import { fullNameOf } from "../../../../src/workflows/export/format/dce-model.ts";
import { exportWriter } from "../../../../src/workflows/export/format/export-writer.ts";
import { featureMessages, HOSTILE_TEXTS, plainMessages, writeFile } from "./fixture.ts";

const csv = exportWriter("csv");

/** Rows as a strict RFC 4180 reader sees them (no relaxing of quotes or column counts). */
function readCsv(text: string): string[][] {
  return parse(text, { relax_quotes: false, relax_column_count: false, bom: false }) as string[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe("the CSV export, read by a real CSV parser", () => {
  const messages = featureMessages();
  const file = writeFile(csv, messages);
  const [header, ...rows] = readCsv(file);

  it("has DCE's header and one row per message, in order, with the same fields", () => {
    expect(header).toEqual(["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"]);
    expect(rows).toHaveLength(messages.length);
    rows.forEach((row, i) => {
      const message = messages[i];
      expect(row[0]).toBe(message?.author.id);
      expect(row[1]).toBe(message && fullNameOf(message.author));
    });
    expect(rows[0]?.[2]).toBe("2024-03-01T12:00:00.0000000+00:00");
    expect(rows[3]?.[1]).toBe("carol<script>#1234");
    expect(rows[3]?.[4]).toBe(
      "https://cdn.discordapp.com/attachments/1/2/cat.png,https://cdn.discordapp.com/attachments/1/3/notes.txt",
    );
    expect(rows[3]?.[5]).toBe("👍 (3),party (1)");
    expect(rows[5]?.[3]).toBe("Joined the server.");
  });

  it("gives back every text as written, except that a formula start gets one leading apostrophe", () => {
    const contents = new Set(rows.map((row) => row[3]));
    // Read as UTF-8, a lone surrogate becomes U+FFFD, as in any UTF-8 file.
    const missing = HOSTILE_TEXTS.map((text) => (FORMULA_START.test(text) ? `'${text}` : text))
      .filter((expected) => !contents.has(expected.toWellFormed()))
      .map((text) => JSON.stringify(text));
    expect(missing).toEqual([]);
  });

  it("leaves no field that a spreadsheet would run as a formula", () => {
    for (const row of rows) for (const field of row) expect(field).not.toMatch(FORMULA_START);
  });

  it("quotes every field and ends rows with CRLF, as RFC 4180 writes them", () => {
    expect(file.startsWith("AuthorID,Author,Date,Content,Attachments,Reactions\r\n")).toBe(true);
    expect(file.endsWith('"\r\n')).toBe(true);
  });

  it("gives the same bytes whether the messages come in one batch or in many", () => {
    for (const sizes of [[1], [3, 8], [100]]) expect(writeFile(csv, messages, sizes)).toBe(file);
    const many = plainMessages(500);
    expect(writeFile(csv, many, [7, 50])).toBe(writeFile(csv, many));
    expect(
      readCsv(writeFile(csv, many))
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(many.map((m) => m.content));
  });
});
