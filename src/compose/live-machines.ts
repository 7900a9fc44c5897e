import { machines } from '../../machines/index.js';
import { CssAnswerSource } from '../adapters/css/css-answer-source.js';
import { CssFileStatusSource } from '../adapters/css/css-file-status-source.js';
import { createHttpClient } from '../adapters/http/create-http-client.js';
import type { Config } from '../config/config.js';
import type { MachineDefinition } from '../domain/machine-definition.js';
import { provideEffects } from '../engine/provide-effects.js';

/**
 * Every registered machine with its real effects (the CSS API clients) and configured delays: what the server
 * and `npm run chat` run, built the same way for both.
 *
 * @example
 * const live = liveMachines(config); live['css-assistant'].machine // askQuestion calls CSS_API_URL
 */
export function liveMachines(config: Config): Record<string, MachineDefinition> {
  const css = createHttpClient({ baseURL: config.cssApiUrl, timeoutMs: config.cssApiTimeoutMs });
  const effects = {
    answers: new CssAnswerSource({ http: css }),
    files: new CssFileStatusSource({ http: css, path: config.cssApiFileStatusPath }),
  };
  const delays = { menuNudge: config.menuNudgeSeconds * 1000 };
  return Object.fromEntries(
    Object.entries(machines).map(([id, definition]) => [id, provideEffects(definition, effects, delays)]),
  );
}
