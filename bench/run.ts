/** `npm run bench`: every capability's benchmark, each reported as a ratio against a baseline in the same run. */
import { benchAppealRegistration } from "./appeal-registration.bench.ts";

const lines = await benchAppealRegistration();
process.stdout.write(`${lines.join("\n")}\n`);
