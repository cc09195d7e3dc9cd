// Queues and their consumers. Wrangler finds a queue by listing with `?name=` (one parameter per
// name) and compares the count; consumers are added with POST and updated with PUT.
import { randomUUID } from "node:crypto";
import { fail, ok } from "../envelope.ts";
import { param, type Route, route } from "../router.ts";
import type { FakeAccount, FakeQueue, FakeQueueConsumer } from "../state.ts";

const QUEUE_NOT_FOUND = 11000;
const QUEUE_NAME_TAKEN = 11009;
const CONSUMER_NOT_FOUND = 11003;
const QUEUES = "/accounts/:account/queues";

type ConsumerBody = {
  script_name: string;
  dead_letter_queue?: string;
  settings: Record<string, unknown>;
};

function describe(queue: FakeQueue) {
  return {
    ...queue,
    producers: [],
    producers_total_count: 0,
    consumers_total_count: queue.consumers.length,
  };
}

function withQueue(
  account: FakeAccount,
  id: string,
  answer: (queue: FakeQueue) => ReturnType<typeof ok>,
) {
  const queue = account.queues.get(id);
  return queue ? answer(queue) : fail(404, QUEUE_NOT_FOUND, "Queue does not exist");
}

/** Settings as stored: the ones wrangler left undefined are dropped, as the API does. */
function consumerFrom(body: ConsumerBody, id: string, createdOn: string): FakeQueueConsumer {
  const settings = Object.fromEntries(
    Object.entries(body.settings ?? {}).filter(([, v]) => v !== undefined),
  );
  return {
    consumer_id: id,
    type: "worker",
    script: body.script_name,
    ...(body.dead_letter_queue ? { dead_letter_queue: body.dead_letter_queue } : {}),
    settings,
    created_on: createdOn,
  };
}

export const queueRoutes: Route[] = [
  route("GET", QUEUES, (account, req) => {
    const names = req.query.getAll("name");
    const all = [...account.queues.values()].filter(
      (q) => names.length === 0 || names.includes(q.queue_name),
    );
    return ok(all.map(describe), {
      page: 1,
      per_page: 100,
      count: all.length,
      total_count: all.length,
    });
  }),
  route("POST", QUEUES, (account, req) => {
    const { queue_name } = req.json as { queue_name: string };
    if (account.findQueueByName(queue_name))
      return fail(409, QUEUE_NAME_TAKEN, "Queue name already taken");
    return ok(describe(account.createQueue(queue_name)));
  }),
  route("GET", `${QUEUES}/:queue`, (account, _req, params) =>
    withQueue(account, param(params, "queue"), (queue) => ok(describe(queue))),
  ),
  route("POST", `${QUEUES}/:queue/consumers`, (account, req, params) =>
    withQueue(account, param(params, "queue"), (queue) => {
      const body = req.json as ConsumerBody;
      if (body.dead_letter_queue && !account.findQueueByName(body.dead_letter_queue)) {
        return fail(
          400,
          QUEUE_NOT_FOUND,
          `dead letter queue ${body.dead_letter_queue} does not exist`,
        );
      }
      const consumer = consumerFrom(body, randomUUID().replaceAll("-", ""), account.now());
      queue.consumers.push(consumer);
      return ok(consumer);
    }),
  ),
  route("PUT", `${QUEUES}/:queue/consumers/:consumer`, (account, req, params) =>
    withQueue(account, param(params, "queue"), (queue) => {
      const index = queue.consumers.findIndex((c) => c.consumer_id === param(params, "consumer"));
      const current = queue.consumers[index];
      if (!current) return fail(404, CONSUMER_NOT_FOUND, "Consumer does not exist");
      const updated = consumerFrom(
        req.json as ConsumerBody,
        current.consumer_id,
        current.created_on,
      );
      queue.consumers[index] = updated;
      return ok(updated);
    }),
  ),
];
