import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { openTestDatabase } from "../test/test-database.ts";
import { createEventBus, transact, type BusEvent, type EventBus } from "./event-bus.ts";

let database: Database;
let here: EventBus;
let there: EventBus;

beforeAll(async () => {
  database = await openTestDatabase();
  // Two buses on one database stand for two server processes.
  here = await createEventBus(database);
  there = await createEventBus(database);
});
afterAll(async () => {
  await here.close();
  await there.close();
  await database.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("the event bus", () => {
  it("delivers a committed change's events once to every process, to its own at once, and nothing of a rolled-back one", async () => {
    const seenHere: BusEvent[] = [];
    const seenThere: BusEvent[] = [];
    const offHere = here.subscribe((e) => seenHere.push(e));
    const offThere = there.subscribe((e) => seenThere.push(e));
    const event: BusEvent = { type: "agent.changed", tenantId: "t1", agentId: "a1" };

    await transact({ db: database.db, bus: here }, async (trx) => {
      await here.publish(trx, event);
    });
    // Its own process has it when the change returns, before any notification could come back.
    expect(seenHere).toEqual([event]);
    await expect.poll(() => seenThere.length).toBe(1);
    await expect(
      transact({ db: database.db, bus: here }, async (trx) => {
        await here.publish(trx, { ...event, agentId: "rolled-back" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await settle();
    expect(seenHere).toEqual([event]);
    expect(seenThere).toEqual([event]);
    offHere();
    offThere();
  });
});
