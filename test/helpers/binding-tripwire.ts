// An `env` whose bindings (Durable Object namespaces, D1, R2, queues: every non-string value)
// record each use, for tests that must prove a path touches none of them. Strings pass as they are.

export interface Tripwire {
  env: Env;
  /** "BINDING.member" for every member read on a binding, in order. */
  uses: string[];
}

export function bindingTripwire(source: Env): Tripwire {
  const uses: string[] = [];
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(source)) {
    wrapped[name] =
      value !== null && typeof value === "object"
        ? new Proxy(value, {
            get(target, member) {
              uses.push(`${name}.${String(member)}`);
              const found: unknown = Reflect.get(target, member);
              return typeof found === "function" ? found.bind(target) : found;
            },
          })
        : value;
  }
  return { env: wrapped as unknown as Env, uses };
}
