/**
 * zod for code that runs in the browser. Zod compiles fast parsers with `new Function` after
 * probing whether it may; under the pages' strict CSP the probe is refused and reported as a
 * `securitypolicyviolation`, though zod catches it. Jitless, it never probes.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
