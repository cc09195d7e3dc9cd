// The account itself and its subscriptions: the deploy's preflight reads them (token reaches the
// account; which Workers plan it is on).
import { ok, okList } from "../envelope.ts";
import { type Route, route } from "../router.ts";

export const accountRoutes: Route[] = [
  route("GET", "/accounts/:account", (account) =>
    ok({ id: account.id, name: "Fake account", type: "standard", settings: {} }),
  ),
  route("GET", "/accounts/:account/subscriptions", (account) =>
    okList(
      account.setup.plan === "paid"
        ? [
            {
              id: "fake-workers-paid-subscription",
              state: "Paid",
              frequency: "monthly",
              price: 5,
              currency: "USD",
              rate_plan: { id: "workers_paid", public_name: "Workers Paid", scope: "account" },
            },
          ]
        : [],
    ),
  ),
];
