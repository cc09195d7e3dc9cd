// What `npm run deploy` checks before it creates anything. Every call here only reads: the
// account, R2, the workers.dev subdomain, the plan, the Worker's secrets, and the Discord
// application behind the bot token. Each problem is one line that says what to do, with the
// dashboard link; all problems are reported together so one round of fixes is enough.
import type { unstable_readConfig } from "wrangler";
import { envValues } from "../cli/env-values.ts";
import {
  ApplicationApi,
  type DiscordApplication,
  DiscordSetupError,
} from "../discord/application.ts";
import type { DiscordTarget } from "../discord/connect-application.ts";
import { discordTarget } from "../discord/target.ts";
import { PLAN_REASON, plansLink, WORKERS_PAID_RATE_PLAN } from "./bot-requirements.ts";
import {
  accountGet,
  type CloudflareAccount,
  cloudflareAccount,
  describeFailure,
} from "./cloudflare-api.ts";
import { planSecrets, type SecretsPlan } from "./secrets.ts";

type Config = ReturnType<typeof unstable_readConfig>;

const R2_NOT_ENABLED = 10042;
const NOT_FOUND = 10007;
const API_TOKENS = "https://dash.cloudflare.com/profile/api-tokens";

export interface PreflightFacts {
  account: CloudflareAccount;
  /** e.g. "longflow-test.workers.dev"; null when only routes serve the Worker. */
  workersDev: string | null;
  discord: DiscordTarget;
  app: DiscordApplication;
  secrets: SecretsPlan;
}

export type PreflightOutcome =
  | { ok: true; lines: string[]; facts: PreflightFacts }
  | { ok: false; lines: string[] };

const pass = (text: string) => `  ✓ ${text}`;
const problem = (text: string) => `  ✗ ${text}`;
const note = (text: string) => `  ! ${text}`;

export async function preflight(
  config: Config,
  envFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PreflightOutcome> {
  const lines: string[] = [];
  let failed = false;
  const fail = (text: string) => {
    failed = true;
    lines.push(problem(text));
  };

  const discord = await readDiscord(envFile);
  if (discord instanceof DiscordSetupError) fail(discord.message);
  else lines.push(pass(`Discord application ${discord.app.id} (read with DISCORD_BOT_TOKEN)`));

  const account = cloudflareAccount(env);
  if (Array.isArray(account)) {
    fail(
      `set ${account.join(" and ")} in the environment: a token from the "Edit Cloudflare Workers" template at ${API_TOKENS}, and the account id from https://dash.cloudflare.com (Account home)`,
    );
    return { ok: false, lines };
  }
  const reached = await accountGet(account, "");
  if (!reached.success) {
    fail(
      `CLOUDFLARE_API_TOKEN cannot reach account ${account.accountId} (${describeFailure(reached)}): check the account id and the token at ${API_TOKENS}`,
    );
    return { ok: false, lines };
  }
  lines.push(pass(`account ${account.accountId} reachable with CLOUDFLARE_API_TOKEN`));

  const r2 = await accountGet(account, "/r2/buckets");
  if (r2.success) lines.push(pass("R2 is enabled"));
  else if (r2.error?.code === R2_NOT_ENABLED)
    fail(
      `R2 is not enabled on this account: enable it once in the dashboard at https://dash.cloudflare.com/?to=/:account/r2`,
    );
  else
    fail(
      `R2 could not be read (${describeFailure(r2)}): give the token "Workers R2 Storage: Edit" at ${API_TOKENS}`,
    );

  const workersDev = await readWorkersDev(account, config);
  if (typeof workersDev === "object" && workersDev !== null) fail(workersDev.problem);
  else
    lines.push(
      pass(
        workersDev
          ? `workers.dev subdomain: ${workersDev}`
          : "no workers.dev subdomain; the routes in wrangler.toml serve the Worker",
      ),
    );

  const plan = await accountGet<{ rate_plan?: { id?: string } }[]>(account, "/subscriptions");
  const paid = plan.result?.some((s) => s.rate_plan?.id === WORKERS_PAID_RATE_PLAN) ?? false;
  if (!plan.success)
    lines.push(
      note(
        `the plan could not be read (${describeFailure(plan)}); the bot needs Workers Paid: ${PLAN_REASON}. Check at ${plansLink(account.accountId)}`,
      ),
    );
  else if (paid)
    lines.push(
      pass("Workers Paid plan (the bot needs it: the Free plan allows 10 ms CPU per invocation)"),
    );
  else
    fail(
      `this account is on the Workers Free plan; the bot needs Workers Paid because ${PLAN_REASON}: upgrade at ${plansLink(account.accountId)}`,
    );

  const remote = await remoteSecretNames(account, config.name ?? "");
  let secrets: SecretsPlan | undefined;
  if (remote instanceof Error) fail(remote.message);
  else if (!(discord instanceof DiscordSetupError)) {
    secrets = planSecrets({
      required: config.secrets?.required ?? [],
      remote,
      local: envValues(envFile),
      fromDiscord: {
        DISCORD_APPLICATION_ID: discord.app.id,
        DISCORD_PUBLIC_KEY: discord.app.verifyKey,
      },
    });
    if (secrets.missing.length > 0)
      fail(
        `not set on Cloudflare and not found in the environment or ${envFile}: ${secrets.missing.join(", ")}`,
      );
    else
      lines.push(
        pass(
          `every required secret is found${secrets.generated.length > 0 ? ` (${secrets.generated.join(", ")} will be generated)` : ""}`,
        ),
      );
  }

  if (
    failed ||
    discord instanceof DiscordSetupError ||
    !secrets ||
    typeof workersDev === "object"
  ) {
    return { ok: false, lines };
  }
  return {
    ok: true,
    lines,
    facts: { account, workersDev, discord: discord.target, app: discord.app, secrets },
  };
}

async function readDiscord(
  envFile: string,
): Promise<{ target: DiscordTarget; app: DiscordApplication } | DiscordSetupError> {
  try {
    const target = discordTarget(envFile);
    return { target, app: await new ApplicationApi(target.apiBase, target.botToken).read() };
  } catch (error) {
    if (error instanceof DiscordSetupError) return error;
    throw error;
  }
}

/** "<subdomain>.workers.dev", null when routes serve the Worker, or what to do. */
async function readWorkersDev(
  account: CloudflareAccount,
  config: Config,
): Promise<string | null | { problem: string }> {
  const answer = await accountGet<{ subdomain: string }>(account, "/workers/subdomain");
  if (answer.success && answer.result?.subdomain) return `${answer.result.subdomain}.workers.dev`;
  const routed = (config.routes?.length ?? 0) > 0 || config.route !== undefined;
  if (answer.error?.code === NOT_FOUND) {
    if (routed) return null;
    return {
      problem: `this account has no workers.dev subdomain: register one at https://dash.cloudflare.com/${account.accountId}/workers/onboarding (or add a route to wrangler.toml)`,
    };
  }
  return {
    problem: `the workers.dev subdomain could not be read (${describeFailure(answer)}): check the token at ${API_TOKENS}`,
  };
}

/** Names of the secrets the Worker has; none when it does not exist yet. */
async function remoteSecretNames(
  account: CloudflareAccount,
  worker: string,
): Promise<Set<string> | Error> {
  const answer = await accountGet<{ name: string }[]>(
    account,
    `/workers/scripts/${worker}/secrets`,
  );
  if (answer.success) return new Set((answer.result ?? []).map((s) => s.name));
  if (answer.error?.code === NOT_FOUND) return new Set();
  return new Error(
    `the Worker's secrets could not be listed (${describeFailure(answer)}): check the token at ${API_TOKENS}`,
  );
}
