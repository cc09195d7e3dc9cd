import { DurableObject } from "cloudflare:workers";

export class WorkflowTracker extends DurableObject<Env> {}
