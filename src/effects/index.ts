import { askAboutMedia } from './ask-about-media.effect.js';
import { askQuestion } from './ask-question.effect.js';
import type { AnyEffectDefinition } from './effect-definition.js';
import { forwardToAgent } from './forward-to-agent.effect.js';
import { lookupFileStatus } from './lookup-file-status.effect.js';
import { noteToAgent } from './note-to-agent.effect.js';

/**
 * Every effect machines may invoke, by name: the runtime provides each machine the ones it declares in its
 * `setup({ actors })`, and `npm run check` treats these names as provided. Adding an effect is adding one line.
 */
export const effects: readonly AnyEffectDefinition[] = [askQuestion, askAboutMedia, lookupFileStatus, forwardToAgent, noteToAgent] as readonly AnyEffectDefinition[];

/** The names machines use for them. */
export const effectNames: readonly string[] = effects.map((effect) => effect.name);
