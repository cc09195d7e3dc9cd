// Lines the progress message carries besides its bar and clock: a granted deadline extension, a
// deadline warning, "resumed after an update". One line per kind, the latest wins, so a notice is
// told once and stays visible until replaced. A table of the tracker's schema (schema.ts).

export type NoticeKind = "deadline" | "resumed";

/** Each notice is one short line: the progress message must stay under Discord's 2000 chars. */
const MAX_NOTICE_CHARS = 300;

export class ProgressNotices {
  private readonly sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.sql = sql;
  }

  set(kind: NoticeKind, text: string, at: number): void {
    this.sql.exec(
      "INSERT INTO progress_notices (kind, text, at) VALUES (?, ?, ?) ON CONFLICT(kind) DO UPDATE SET text = excluded.text, at = excluded.at",
      kind,
      text.slice(0, MAX_NOTICE_CHARS),
      at,
    );
  }

  lines(): string[] {
    return this.sql
      .exec("SELECT text FROM progress_notices ORDER BY at, kind")
      .toArray()
      .map((row) => row.text as string);
  }
}
