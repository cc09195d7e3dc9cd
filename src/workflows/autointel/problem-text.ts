import { isTextRef, renderText } from "../../i18n/text-ref.ts";
import type { Translate } from "../../i18n/translator.ts";
import type { LinkProblem } from "./report-figures.ts";

/**
 * What went wrong with a link, in the reader's language where the outputs say it as a code (an
 * HTTP status, a network failure named for its cause); otherwise the stage's own words (a
 * refusal's reason, a timeout with its limit, a redirect loop, a redirect target).
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
    default:
      return problem.problem;
  }
}
