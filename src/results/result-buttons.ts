import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import type { StoredResultMeta } from "./result-store.ts";

// The buttons under a final result. custom_id `<prefix>:<workflow id>`, handled by
// src/interactions/components/retry-buttons.ts: both start a new workflow for the owner.

/** Failed or timed out: a new workflow resumes after the last completed stage. */
export const RETRY_PREFIX = "retry";
/** Completed: the same command with the same options, from the start. */
export const RUN_AGAIN_PREFIX = "rerun";

const ComponentTypeActionRow = 1;
const ComponentTypeButton = 2;
const ButtonStylePrimary = 1;
const ButtonStyleSecondary = 2;

export function resultButtons(
  meta: Pick<StoredResultMeta, "status" | "workflowId">,
): APIActionRowComponent<APIButtonComponent>[] {
  const button: APIButtonComponent | null =
    meta.status === "failed" || meta.status === "timed_out"
      ? {
          type: ComponentTypeButton,
          style: ButtonStylePrimary,
          label: "Retry",
          custom_id: `${RETRY_PREFIX}:${meta.workflowId}`,
        }
      : meta.status === "completed"
        ? {
            type: ComponentTypeButton,
            style: ButtonStyleSecondary,
            label: "Run again",
            custom_id: `${RUN_AGAIN_PREFIX}:${meta.workflowId}`,
          }
        : null;
  return button ? [{ type: ComponentTypeActionRow, components: [button] }] : [];
}
