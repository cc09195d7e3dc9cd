// R2 buckets: wrangler's provisioning looks a bucket up by name (10006 when missing) and creates
// it with POST /r2/buckets.
import { fail, ok } from "../envelope.ts";
import { type Handler, param, type Route, route } from "../router.ts";

const BUCKET_NOT_FOUND = 10006;
const BUCKET_EXISTS = 10004;
const BUCKETS = "/accounts/:account/r2/buckets";

const R2_NOT_ENABLED = 10042;

/** Every R2 call on an account where R2 was never enabled answers 10042. */
function needsR2(handler: Handler): Handler {
  return (account, req, params) =>
    account.setup.r2Enabled
      ? handler(account, req, params)
      : fail(403, R2_NOT_ENABLED, "Please enable R2 through the Cloudflare Dashboard.");
}

export const r2Routes: Route[] = [
  route(
    "GET",
    BUCKETS,
    needsR2((account) => ok({ buckets: [...account.buckets.values()] })),
  ),
  route(
    "POST",
    BUCKETS,
    needsR2((account, req) => {
      const { name } = req.json as { name: string };
      if (account.buckets.has(name))
        return fail(
          409,
          BUCKET_EXISTS,
          "The bucket you tried to create already exists, and you own it.",
        );
      const bucket = { name, creation_date: account.now(), location: "WEUR" };
      account.buckets.set(name, bucket);
      return ok(bucket);
    }),
  ),
  route(
    "GET",
    `${BUCKETS}/:bucket`,
    needsR2((account, _req, params) => {
      const bucket = account.buckets.get(param(params, "bucket"));
      return bucket
        ? ok(bucket)
        : fail(404, BUCKET_NOT_FOUND, "The specified bucket does not exist.");
    }),
  ),
];
