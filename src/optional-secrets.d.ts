// Secrets the Worker reads when an operator has set them. `wrangler types` lists only the ones in
// wrangler.toml `[secrets] required` (a deploy refuses to go without those), so the optional ones
// are declared here, as possibly absent.
interface OptionalSecrets {
  /** Guards GET /metrics and GET /health/details; unset, both refuse every request. */
  METRICS_TOKEN?: string;
  /** Signs live view links (≥ 16 characters); unset, the live view is off. */
  LINK_SIGNING_SECRET?: string;
  /** The key DATA_ENCRYPTION_KEY replaced, kept during a rotation (src/secrets/sealer.ts). */
  DATA_ENCRYPTION_KEY_PREVIOUS?: string;
}

declare namespace Cloudflare {
  interface Env extends OptionalSecrets {}
}
interface Env extends OptionalSecrets {}
