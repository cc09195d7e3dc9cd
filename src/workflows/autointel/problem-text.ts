import { isTextRef, renderText } from "../../i18n/text-ref.ts";
import type { Translate } from "../../i18n/translator.ts";
import type { LinkProblem } from "./report-figures.ts";

/**
 * What went wrong with a link, in the reader's language where the outputs say it as a code (an
 * HTTP status, a refusal's catalog message, a network failure named for its cause, a timeout);
 * otherwise the stage's own words (a redirect loop, a redirect target, an older result's note).
 */
export function problemText(t: Translate, problem: LinkProblem): string {
  if (problem.httpStatus) return t("autointel.problem.http", { status: problem.httpStatus });
  if (isTextRef(problem.refusal)) return renderText(t, problem.refusal);
  switch (problem.failure) {
    case "unresolved":
      return t("autointel.problem.unresolved");
    case "unconnected":
      return t("autointel.problem.unconnected");
    case "tls":
      return t("autointel.problem.tls");
    case "timeout":
      return t("autointel.problem.timeout");
    case "unknown":
      return t("autointel.problem.unreachable");
    default:
      return problem.problem;
  }
}
