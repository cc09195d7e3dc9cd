// Runs the fake Cloudflare API on its own, printing the environment that points wrangler at it:
//   node test/node/support/fake-cloudflare-api/cli.ts
// then, in another shell, `npm run deploy` with those variables. Ctrl-C prints the calls made.
import { startFakeCloudflareApi } from "./server.ts";

const api = await startFakeCloudflareApi();
for (const [name, value] of Object.entries(api.env())) console.log(`export ${name}=${value}`);
process.on("SIGINT", () => {
  for (const call of api.calls)
    console.log(`${call.status} ${call.method} ${call.path}${call.query} ${call.body}`);
  void api.close().then(() => process.exit(0));
});
