// Read-only calls to Cloudflare's v4 API for the preflight, with the token and account wrangler
// uses (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID; CLOUDFLARE_API_BASE_URL when set, as
// wrangler honours it too).
const DEFAULT_API_BASE = "https://api.cloudflare.com/client/v4";

export interface CloudflareAnswer<T> {
  status: number;
  success: boolean;
  result: T | null;
  /** The first error's code and message, when there is one. */
  error?: { code: number; message: string };
}

export interface CloudflareAccount {
  accountId: string;
  apiToken: string;
  apiBase: string;
}

/** The account from the environment, or the names of the variables that are missing. */
export function cloudflareAccount(env: NodeJS.ProcessEnv): CloudflareAccount | string[] {
  const apiToken = env.CLOUDFLARE_API_TOKEN;
  const accountId = env.CLOUDFLARE_ACCOUNT_ID;
  if (!apiToken || !accountId) {
    return ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID"].filter((name) => !env[name]);
  }
  return { apiToken, accountId, apiBase: env.CLOUDFLARE_API_BASE_URL || DEFAULT_API_BASE };
}

/** GET <api>/accounts/<account><path>; a network failure answers status 0. */
export async function accountGet<T>(
  account: CloudflareAccount,
  path: string,
): Promise<CloudflareAnswer<T>> {
  try {
    const response = await fetch(`${account.apiBase}/accounts/${account.accountId}${path}`, {
      headers: { authorization: `Bearer ${account.apiToken}` },
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json().catch(() => ({}))) as {
      success?: boolean;
      result?: T;
      errors?: { code: number; message: string }[];
    };
    const error = body.errors?.[0];
    return {
      status: response.status,
      success: response.ok && body.success === true,
      result: body.result ?? null,
      ...(error ? { error } : {}),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 0, success: false, result: null, error: { code: 0, message: reason } };
  }
}

export function describeFailure(answer: CloudflareAnswer<unknown>): string {
  return answer.error
    ? `${answer.status} code ${answer.error.code}: ${answer.error.message}`
    : `${answer.status}`;
}
