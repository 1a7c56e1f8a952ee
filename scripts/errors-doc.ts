// `npx tsx scripts/errors-doc.ts`: rewrites docs/errors.md from the error catalogue (common/src/errors.ts).
// common/src/errors.test.ts fails while the file is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderErrorsDoc } from "../common/src/errors-doc.ts";

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/errors.md");
writeFileSync(target, renderErrorsDoc());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
