import { ANY_ROUTE, type RoutePlan } from "../delivery/route-plan.ts";

/** The route plan, written once at start: the `route_plan` table of the tracker's schema. */
export function saveRoutePlan(sql: SqlStorage, plan: RoutePlan): void {
  sql.exec(
    "INSERT INTO route_plan (id, plan) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET plan = excluded.plan",
    JSON.stringify(plan),
  );
}

export function loadRoutePlan(sql: SqlStorage): RoutePlan {
  const row = sql.exec("SELECT plan FROM route_plan WHERE id = 1").toArray()[0];
  return row
    ? { ...ANY_ROUTE, ...(JSON.parse(String(row.plan)) as Partial<RoutePlan>) }
    : ANY_ROUTE;
}
