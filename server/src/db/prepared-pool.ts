import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * A pg pool whose clients run every parameterised statement as a named prepared statement (named after a hash
 * of its text). PostgreSQL then parses and plans each distinct statement once per connection instead of on every
 * call — registration's statement of data-modifying CTEs costs more to plan than to run. Statements without
 * parameters (migrations, BEGIN/COMMIT) stay unnamed: a prepared statement holds one command only.
 */
export function preparedStatementPool(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) {
      name = `k${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
      // Bounded: query texts come from the code, so their number is small; a runaway would only cost memory.
      if (names.size < 10_000) {
        names.set(text, name);
      }
    }
    return name;
  };
  const wrap = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, property, receiver) {
        if (property === "query") {
          return (text: unknown, values?: unknown[]) =>
            typeof text === "string" && Array.isArray(values) && values.length > 0
              ? target.query({ name: nameOf(text), text, values })
              : target.query(text as string, values);
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === "connect") {
        return async () => wrap(await target.connect());
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
