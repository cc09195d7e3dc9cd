// R2 buckets: wrangler's provisioning looks a bucket up by name (10006 when missing) and creates
// it with POST /r2/buckets.
import { fail, ok } from "../envelope.ts";
import { param, type Route, route } from "../router.ts";

const BUCKET_NOT_FOUND = 10006;
const BUCKET_EXISTS = 10004;
const BUCKETS = "/accounts/:account/r2/buckets";

export const r2Routes: Route[] = [
  route("GET", BUCKETS, (account) => ok({ buckets: [...account.buckets.values()] })),
  route("POST", BUCKETS, (account, req) => {
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
  route("GET", `${BUCKETS}/:bucket`, (account, _req, params) => {
    const bucket = account.buckets.get(param(params, "bucket"));
    return bucket
      ? ok(bucket)
      : fail(404, BUCKET_NOT_FOUND, "The specified bucket does not exist.");
  }),
];
