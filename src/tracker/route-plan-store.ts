import { ANY_ROUTE, type RoutePlan } from "../delivery/route-plan.ts";

const SCHEMA = `CREATE TABLE IF NOT EXISTS route_plan (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  plan TEXT NOT NULL
)`;

/** The route plan in the tracker's own storage, beside (not inside) the engine's schema. */
export function saveRoutePlan(sql: SqlStorage, plan: RoutePlan): void {
  sql.exec(SCHEMA);
  sql.exec(
    "INSERT INTO route_plan (id, plan) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET plan = excluded.plan",
    JSON.stringify(plan),
  );
}

export function loadRoutePlan(sql: SqlStorage): RoutePlan {
  sql.exec(SCHEMA);
  const row = sql.exec("SELECT plan FROM route_plan WHERE id = 1").toArray()[0];
  return row
    ? { ...ANY_ROUTE, ...(JSON.parse(String(row.plan)) as Partial<RoutePlan>) }
    : ANY_ROUTE;
}
