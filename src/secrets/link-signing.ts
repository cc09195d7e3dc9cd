// Live view links: `/w/<id>?sig=<expires>.<mac>`, signed in the "live" scope
// (src/secrets/link-signature.ts). One signature grants the page, its socket and its report
// download for that workflow until it expires.
import {
  checkLink,
  type LinkCheck,
  linkSigningSecret,
  publicBaseUrl,
  signLink,
} from "./link-signature.ts";

export type { LinkCheck };

const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;
const SCOPE = "live";

export interface LiveLinkSettings {
  secret: string;
  /** Where the Worker is reachable from a browser, without a trailing slash. */
  publicBaseUrl: string | null;
  ttlMs: number;
}

/** Null when LINK_SIGNING_SECRET is unset or too short: the live view is then switched off. */
export function liveLinkSettings(env: Env): LiveLinkSettings | null {
  const secret = linkSigningSecret(env);
  if (!secret) return null;
  const ttlSeconds = Number(
    (env as unknown as Partial<Record<string, unknown>>).LIVE_LINK_TTL_SECONDS ??
      DEFAULT_TTL_SECONDS,
  );
  return {
    secret,
    publicBaseUrl: publicBaseUrl(env),
    ttlMs:
      (Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds : DEFAULT_TTL_SECONDS) * 1000,
  };
}

/** The `sig` parameter for one workflow, valid until `expiresAtMs`. */
export function signLiveLink(
  secret: string,
  workflowId: string,
  expiresAtMs: number,
): Promise<string> {
  return signLink(secret, SCOPE, workflowId, expiresAtMs);
}

export function checkLiveLink(
  secret: string,
  workflowId: string,
  sig: string | null,
  now: number,
): Promise<LinkCheck> {
  return checkLink(secret, SCOPE, workflowId, sig, now);
}

/** The link shown on the progress message: stable for a workflow, so edits do not churn it. */
export async function liveViewUrl(
  settings: LiveLinkSettings,
  workflowId: string,
  receivedAt: number,
): Promise<string | null> {
  if (!settings.publicBaseUrl) return null;
  const sig = await signLiveLink(settings.secret, workflowId, receivedAt + settings.ttlMs);
  return `${settings.publicBaseUrl}/w/${encodeURIComponent(workflowId)}?sig=${encodeURIComponent(sig)}`;
}

/** The workflow's live view link, or null when the live view is off or the workflow unknown. */
export async function liveViewUrlFor(
  env: Env,
  workflow: { workflow_id: string; received_at: number } | null,
): Promise<string | null> {
  const settings = liveLinkSettings(env);
  if (!settings || !workflow) return null;
  return liveViewUrl(settings, workflow.workflow_id, workflow.received_at);
}
