// The Workers script API as `wrangler deploy` and `wrangler secret` use it. A Worker that was
// never uploaded answers 10007, which wrangler reads as "first deploy".
import { fail, ok } from "../envelope.ts";
import { param, type Route, route } from "../router.ts";
import type { FakeAccount, FakeWorker } from "../state.ts";
import { uploadAndDeployWorker, uploadVersion } from "./worker-upload.ts";

const WORKER_NOT_FOUND = 10007;
const SCRIPT = "/accounts/:account/workers/scripts/:script";

function missing(name: string) {
  return fail(404, WORKER_NOT_FOUND, `This Worker does not exist on your account. (${name})`);
}

function withWorker(
  account: FakeAccount,
  name: string,
  answer: (worker: FakeWorker) => ReturnType<typeof ok>,
) {
  const worker = account.workers.get(name);
  return worker ? answer(worker) : missing(name);
}

export const workerRoutes: Route[] = [
  route("GET", "/accounts/:account/workers/services/:script", (account, _req, params) =>
    withWorker(account, param(params, "script"), (worker) =>
      ok({
        id: worker.id,
        default_environment: {
          environment: "production",
          created_on: worker.created_on,
          modified_on: worker.modified_on,
          script: {
            id: worker.id,
            tag: worker.tag,
            tags: [],
            migration_tag: worker.migration_tag,
            last_deployed_from: "wrangler",
          },
        },
      }),
    ),
  ),
  route("PUT", SCRIPT, (account, req, params) =>
    uploadAndDeployWorker(account, req, param(params, "script")),
  ),
  route("POST", `${SCRIPT}/versions`, (account, req, params) =>
    uploadVersion(account, req, param(params, "script")),
  ),
  route("POST", `${SCRIPT}/deployments`, (account, req, params) =>
    withWorker(account, param(params, "script"), (worker) => {
      const { versions } = req.json as { versions: { version_id: string; percentage: number }[] };
      const only = versions.length === 1 ? versions[0] : undefined;
      const known = worker.versions.some((v) => v.id === only?.version_id);
      if (only?.percentage !== 100 || !known) {
        return fail(400, 10215, "the fake deploys exactly one existing version at 100%");
      }
      account.deploy(worker, only.version_id);
      return ok({ ...worker.deployments[0], strategy: "percentage", versions });
    }),
  ),
  route("PATCH", `${SCRIPT}/script-settings`, (account, req, params) =>
    withWorker(account, param(params, "script"), (worker) => {
      worker.script_settings = { ...worker.script_settings, ...(req.json as object) };
      return ok(worker.script_settings);
    }),
  ),
  route("GET", `${SCRIPT}/settings`, (account, _req, params) =>
    withWorker(account, param(params, "script"), (worker) =>
      ok({ bindings: account.deployedVersion(worker)?.bindings ?? [] }),
    ),
  ),
  route("GET", `${SCRIPT}/deployments`, (account, _req, params) =>
    withWorker(account, param(params, "script"), (worker) =>
      ok({
        deployments: worker.deployments.map((d) => ({
          id: d.id,
          source: "wrangler",
          strategy: "percentage",
          created_on: d.created_on,
          versions: [{ version_id: d.version_id, percentage: 100 }],
        })),
      }),
    ),
  ),
  route("GET", `${SCRIPT}/secrets`, (account, _req, params) =>
    withWorker(account, param(params, "script"), (worker) =>
      ok([...worker.secrets.keys()].map((name) => ({ name, type: "secret_text" }))),
    ),
  ),
  route("PUT", `${SCRIPT}/secrets`, (account, req, params) =>
    withWorker(account, param(params, "script"), (worker) => {
      const { name, text } = req.json as { name: string; text: string };
      worker.secrets.set(name, text);
      return ok({ name, type: "secret_text" });
    }),
  ),
  route("PUT", `${SCRIPT}/schedules`, (account, req, params) =>
    withWorker(account, param(params, "script"), (worker) => {
      const crons = (req.json as { cron: string }[]).map((s) => s.cron);
      worker.schedules = crons.map((cron) => ({
        cron,
        created_on: worker.schedules.find((s) => s.cron === cron)?.created_on ?? account.now(),
      }));
      return ok({ schedules: worker.schedules });
    }),
  ),
  route("GET", "/accounts/:account/workers/subdomain", (account) =>
    account.setup.workersSubdomain
      ? ok({ subdomain: account.setup.workersSubdomain })
      : fail(404, WORKER_NOT_FOUND, "This subdomain does not exist."),
  ),
  route("GET", "/accounts/:account/workers/workers/:script", (account, _req, params) =>
    withWorker(account, param(params, "script"), (worker) =>
      ok({ id: worker.id, name: worker.id, subdomain: { ...worker.workers_dev } }),
    ),
  ),
  route("POST", `${SCRIPT}/subdomain`, (account, req, params) =>
    withWorker(account, param(params, "script"), (worker) => {
      const wanted = req.json as { enabled: boolean; previews_enabled?: boolean };
      worker.workers_dev = {
        enabled: wanted.enabled,
        previews_enabled: wanted.previews_enabled ?? worker.workers_dev.previews_enabled,
      };
      return ok({ ...worker.workers_dev });
    }),
  ),
];
