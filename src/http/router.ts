import { Router } from "itty-router";
import { registry } from "../interactions/registry.ts";
import { createLogger } from "../log.ts";
import { handleDownload } from "./download-route.ts";
import { handleHealthDetails } from "./health.ts";
import { handleInteractionRequest } from "./interactions-endpoint.ts";
import { handleLivePage, handleLiveReport, handleLiveSocket } from "./live/live-routes.ts";
import { handleMetrics } from "./metrics.ts";
import { handlePublicHealth } from "./public-health.ts";
import { jsonError, notFound } from "./responses.ts";

type RouterArgs = [env: Env, ctx: ExecutionContext];

export const router = Router<Request, RouterArgs>({
  catch: (error) => {
    createLogger({ component: "http" }).error("http.unhandled", { error });
    return jsonError(500, "Internal error");
  },
});

router
  .get(
    "/",
    () => new Response("longflow-discord-bot is running. Discord posts to /interactions.\n"),
  )
  .post("/interactions", (request, env, ctx) =>
    handleInteractionRequest(request, env, ctx, registry),
  )
  .get("/metrics", (request, env) => handleMetrics(request, env))
  .get("/health", (_request, env) => handlePublicHealth(env))
  .get("/health/details", (request, env) => handleHealthDetails(request, env))
  .get("/w/:id", (request, env) => handleLivePage(request, env))
  .get("/w/:id/socket", (request, env) => handleLiveSocket(request, env))
  .get("/w/:id/report.md", (request, env) => handleLiveReport(request, env))
  .get("/files/*", (request, env) => handleDownload(request, env))
  .all("*", () => notFound());
