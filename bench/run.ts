/** `npm run bench [-- name…]`: every capability's benchmark (or those named), each against a baseline in the same run. */
import { benchAppealQueues } from "./appeal-queues.bench.ts";
import { benchAppealRegistration } from "./appeal-registration.bench.ts";
import { benchContactRouting } from "./contact-routing.bench.ts";
import { benchKbSearch } from "./kb-search.bench.ts";
import { benchVoiceCentre } from "./voice-centre.bench.ts";
import { benchVoiceGateway } from "./voice-gateway.bench.ts";

const BENCHES: Record<string, () => Promise<string[]>> = {
  registration: benchAppealRegistration,
  queues: benchAppealQueues,
  routing: benchContactRouting,
  voice: benchVoiceGateway,
  "voice-centre": benchVoiceCentre,
  kb: benchKbSearch,
};

const chosen = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (chosen.length > 0 && !chosen.includes(name)) {
    continue;
  }
  const lines = await bench();
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
