import type { ActorOutcomes } from './machine-paths.js';

/**
 * How the effects the runtime provides may end, as the path tests replay them (their loopback stand-ins produce these)
 * and as `npm run check` plans the same paths to count their messages: one answer, or a failure.
 *
 * @example
 * machinePaths(cssAssistant, { actors: PATH_ACTOR_OUTCOMES });
 */
export const PATH_ACTOR_OUTCOMES = {
  askQuestion: { outputs: ['Réponse de la CSS à votre question.'], fails: true },
  askAboutMedia: { outputs: ['Réponse de la CSS sur votre fichier.'], fails: true },
  lookupFileStatus: { outputs: [{ found: true, status: 'En cours d’instruction', updatedAt: '2026-11-02' }, { found: false }], fails: true },
} as const satisfies Readonly<Record<string, ActorOutcomes>>;

/**
 * The switches the path tests' servers run with: no agents' inbox (no CHATWOOT_*), so a request for a person gives the
 * phone number; the handoff itself is driven end to end with a Chatwoot stand-in (test/conversation/agent-handoff.test.ts).
 */
export const PATH_SWITCHES = { isAgentInboxOn: false } as const;
