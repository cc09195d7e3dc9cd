// The Worker upload, multipart: a "metadata" JSON part with bindings, main_module and Durable
// Object migrations, then the modules. Wrangler sends it as PUT .../scripts/:name (upload and
// deploy at once: first deploys and any deploy with Durable Object migrations), or as POST
// .../scripts/:name/versions followed by POST .../deployments (later deploys). Like
// Cloudflare, it refuses bindings to resources that do not exist and `inherit` bindings with
// nothing to inherit (code 10057, which wrangler turns into "required secrets have not been set").
import { randomUUID } from "node:crypto";
import { type FakeResponse, fail, ok } from "../envelope.ts";
import type { FakeRequest } from "../router.ts";
import type { FakeAccount, FakeWorker, FakeWorkerVersion } from "../state.ts";

type Binding = Record<string, unknown> & { name: string; type: string };

const INVALID_BINDING = 10021;
const INVALID_INHERIT_BINDING = 10057;
const MIGRATION_TAG_MISMATCH = 10079;

/** PUT .../scripts/:name: a new version, deployed at once. */
export async function uploadAndDeployWorker(
  account: FakeAccount,
  request: FakeRequest,
  scriptName: string,
): Promise<FakeResponse> {
  const stored = await storeVersion(account, request, scriptName);
  if ("refused" in stored) return stored.refused;
  const worker = account.worker(scriptName);
  account.deploy(worker, stored.version.id);
  return ok({
    id: scriptName,
    etag: stored.version.etag,
    deployment_id: stored.version.id,
    startup_time_ms: 5,
    created_on: worker.created_on,
    modified_on: worker.modified_on,
  });
}

/** POST .../scripts/:name/versions: a new version, not yet serving traffic. */
export async function uploadVersion(
  account: FakeAccount,
  request: FakeRequest,
  scriptName: string,
): Promise<FakeResponse> {
  if (!account.workers.has(scriptName))
    return fail(404, 10007, "This Worker does not exist on your account.");
  const stored = await storeVersion(account, request, scriptName);
  if ("refused" in stored) return stored.refused;
  const { version } = stored;
  return ok({
    id: version.id,
    number: version.number,
    metadata: { created_on: version.created_on, source: "wrangler" },
    resources: { script: { etag: version.etag }, bindings: version.bindings },
    startup_time_ms: 5,
  });
}

async function storeVersion(
  account: FakeAccount,
  request: FakeRequest,
  scriptName: string,
): Promise<{ version: FakeWorkerVersion } | { refused: FakeResponse }> {
  const form = await new Request("http://fake.invalid/upload", {
    method: "PUT",
    headers: { "content-type": String(request.headers["content-type"] ?? "") },
    body: request.body,
  }).formData();
  const metadataPart = form.get("metadata");
  if (typeof metadataPart !== "string") {
    return { refused: fail(400, INVALID_BINDING, "metadata part is missing") };
  }
  const metadata = JSON.parse(metadataPart) as Record<string, unknown>;
  const bindings = (metadata.bindings ?? []) as Binding[];
  const existing = account.workers.get(scriptName);

  const refused = refusedBinding(account, existing, bindings);
  if (refused) return { refused };
  const migrations = metadata.migrations as { old_tag?: string; new_tag?: string } | undefined;
  if (migrations && migrations.old_tag !== existing?.migration_tag) {
    return {
      refused: fail(
        400,
        MIGRATION_TAG_MISMATCH,
        "migration old_tag does not match the script's tag",
      ),
    };
  }

  const worker = account.worker(scriptName);
  if (migrations?.new_tag) worker.migration_tag = migrations.new_tag;
  for (const binding of bindings) {
    if (binding.type === "secret_text") worker.secrets.set(binding.name, String(binding.text));
  }
  const version: FakeWorkerVersion = {
    id: randomUUID(),
    etag: randomUUID().replaceAll("-", ""),
    number: worker.versions.length + 1,
    metadata,
    bindings: resolvedBindings(account.deployedVersion(worker)?.bindings ?? [], worker, bindings),
    modules: [...form.keys()].filter((key) => key !== "metadata"),
    created_on: account.now(),
  };
  worker.versions.push(version);
  worker.modified_on = version.created_on;
  return { version };
}

function refusedBinding(
  account: FakeAccount,
  existing: FakeWorker | undefined,
  bindings: Binding[],
): FakeResponse | undefined {
  const previous = (existing && account.deployedVersion(existing)?.bindings) ?? [];
  const invalidInherit = bindings
    .filter((b) => b.type === "inherit")
    .filter((b) => !existing?.secrets.has(b.name) && !previous.some((p) => p.name === b.name))
    .map((b) => `inherit binding '${b.name}' is invalid`);
  if (invalidInherit.length > 0) {
    return fail(400, INVALID_INHERIT_BINDING, "Invalid inherit binding", invalidInherit);
  }
  for (const binding of bindings) {
    const missing =
      (binding.type === "d1" && !account.d1.has(String(binding.id))) ||
      (binding.type === "r2_bucket" && !account.buckets.has(String(binding.bucket_name))) ||
      (binding.type === "queue" && !account.findQueueByName(String(binding.queue_name)));
    if (missing) {
      return fail(
        400,
        INVALID_BINDING,
        `binding ${binding.name} of type ${binding.type} refers to a resource that does not exist`,
      );
    }
  }
  return undefined;
}

/** Bindings as the version holds them: secrets by name only, inherited ones resolved. */
function resolvedBindings(
  previous: Record<string, unknown>[],
  worker: FakeWorker,
  bindings: Binding[],
): Record<string, unknown>[] {
  const resolved = bindings.map((binding) => {
    if (binding.type === "secret_text") return { name: binding.name, type: "secret_text" };
    if (binding.type !== "inherit") return binding;
    return (
      previous.find((p) => p.name === binding.name) ?? { name: binding.name, type: "secret_text" }
    );
  });
  // Secrets are kept across versions unless the upload names them (wrangler sends keep_bindings).
  for (const name of worker.secrets.keys()) {
    if (!resolved.some((b) => b.name === name)) resolved.push({ name, type: "secret_text" });
  }
  return resolved;
}
