// D1 as wrangler uses it: list, look up by id or name (7404 when missing), create (7502 when
// the name is taken), and /query, run on a real SQLite so migration bookkeeping reads back.
import { fail, ok } from "../envelope.ts";
import { param, type Route, route } from "../router.ts";
import type { FakeD1Database } from "../state.ts";

const DATABASE_NOT_FOUND = 7404;
const DATABASE_NAME_TAKEN = 7502;
const QUERY_FAILED = 7500;
const DATABASE = "/accounts/:account/d1/database";

function describe(db: FakeD1Database) {
  return {
    uuid: db.uuid,
    name: db.name,
    created_at: db.created_at,
    version: "production",
    num_tables: (
      db.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      }
    ).n,
    file_size: 0,
  };
}

/**
 * One result per request. D1 answers one result per statement; wrangler reads `results` of the
 * first for SELECTs and `success` of each for migrations, so a batch of DDL answers as one.
 */
function runQuery(db: FakeD1Database, sql: string, params: unknown[]) {
  const started = performance.now();
  let results: unknown[] = [];
  if (/^\s*select\b/i.test(sql)) {
    results = db.sqlite.prepare(sql).all(...(params as never[]));
  } else {
    db.sqlite.exec("BEGIN");
    try {
      db.sqlite.exec(sql);
      db.sqlite.exec("COMMIT");
    } catch (error) {
      db.sqlite.exec("ROLLBACK");
      throw error;
    }
  }
  const duration = performance.now() - started;
  return [
    {
      results,
      success: true,
      meta: { duration, rows_read: results.length, rows_written: 0, changes: 0, size_after: 0 },
    },
  ];
}

export const d1Routes: Route[] = [
  route("GET", DATABASE, (account, req) => {
    const page = Number(req.query.get("page") ?? 1);
    const perPage = Number(req.query.get("per_page") ?? 10);
    const all = [...account.d1.values()].filter(
      (db) => !req.query.get("name") || db.name === req.query.get("name"),
    );
    const slice = all.slice((page - 1) * perPage, page * perPage).map(describe);
    return ok(slice, { page, per_page: perPage, count: slice.length, total_count: all.length });
  }),
  route("POST", DATABASE, (account, req) => {
    const { name } = req.json as { name: string };
    if (account.findD1(name))
      return fail(400, DATABASE_NAME_TAKEN, "A database with that name already exists");
    return ok({ ...describe(account.createD1(name)), created_in_region: "WEUR" });
  }),
  route("GET", `${DATABASE}/:database`, (account, _req, params) => {
    const db = account.findD1(param(params, "database"));
    return db ? ok(describe(db)) : fail(404, DATABASE_NOT_FOUND, "The database could not be found");
  }),
  route("POST", `${DATABASE}/:database/query`, (account, req, params) => {
    const db = account.d1.get(param(params, "database"));
    if (!db) return fail(404, DATABASE_NOT_FOUND, "The database could not be found");
    const { sql, params: bound = [] } = req.json as { sql: string; params?: unknown[] };
    try {
      return ok(runQuery(db, sql, bound));
    } catch (error) {
      return fail(
        400,
        QUERY_FAILED,
        `${error instanceof Error ? error.message : error}: SQLITE_ERROR`,
      );
    }
  }),
];
