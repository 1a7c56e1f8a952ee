/** `npm run bench`: every capability's benchmark, each reported against a baseline in the same run. */
import { benchAppealQueues } from "./appeal-queues.bench.ts";
import { benchAppealRegistration } from "./appeal-registration.bench.ts";

for (const bench of [benchAppealRegistration, benchAppealQueues]) {
  const lines = await bench();
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
