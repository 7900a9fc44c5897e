import type { Config } from '../config/config.js';
import { createInspection, type Inspection } from '../inspection/create-inspection.js';
import type { Logger } from '../observability/logger.js';
import type { Pseudonymize } from '../observability/pseudonymize.js';

/** The inspector `INSPECT` asks for, or `undefined` (off: nothing is attached, nothing is paid). */
export async function inspectionFromConfig(
  config: Config,
  logger: Logger,
  pseudonym: Pseudonymize,
): Promise<Inspection | undefined> {
  if (!config.inspect) return undefined;
  return createInspection({
    target: config.inspect,
    raw: config.inspectRaw,
    port: config.inspectPort,
    logger,
    pseudonym,
  });
}
