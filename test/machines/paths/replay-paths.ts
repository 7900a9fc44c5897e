import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { splitAnswer } from '../../../src/domain/split-text.js';
import { WHATSAPP_LIMITS } from '../../../src/domain/whatsapp-limits.js';
import {
  buttonReply, contactsMessage, listReply, locationMessage, mediaMessage, textMessage, unsupportedMessage, webhookBody,
  type BuiltMessage,
} from '../../builders/payloads.js';
import { eventually } from '../../support/eventually.js';
import { textsOf } from '../../support/graph-stand-in.js';
import type { ExpectedTurn } from '../../../src/designer/paths/expected-turns.js';
import { machinePaths, type MachinePath, type PathOptions } from '../../../src/designer/paths/machine-paths.js';
import { PATH_SWITCHES } from '../../../src/designer/paths/path-outcomes.js';
import { withSwitches } from '../../../src/compose/with-switches.js';
import { serverPool, type PooledServer } from './server-pool.js';
import type { ActorStandIn } from './stand-ins.js';

/** A message as `textsOf` shows it: a text, or a body then its `[id:title]` choices; long texts in parts. */
function seenAs(message: OutboundMessage): string[] {
  if (message.type === 'text') {
    return message.text.length > WHATSAPP_LIMITS.answerPart ? splitAnswer(message.text, WHATSAPP_LIMITS.answerPart) : [message.text];
  }
  const choices = message.type === 'buttons' ? message.buttons : message.sections.flatMap((section) => section.rows);
  return [`${message.body}\n${choices.map((choice) => `[${choice.id}:${choice.title}]`).join(' ')}`];
}

/** The webhook message a user sends for an event; a choice is a list row when the path offered it in a list. */
function inbound(event: UserEvent, from: string, offered: readonly OutboundMessage[]): BuiltMessage {
  const sender = { from, name: event.profileName ?? null };
  switch (event.type) {
    case 'user.text':
      return textMessage({ ...sender, body: event.text });
    case 'user.choice': {
      const inList = offered.some((m) => m.type === 'list' && m.sections.some((s) => s.rows.some((row) => row.id === event.id)));
      return (inList ? listReply : buttonReply)({ ...sender, id: event.id, title: event.title });
    }
    case 'user.media':
      return mediaMessage(event.media, { ...sender, ...(event.caption === undefined ? {} : { caption: event.caption }) });
    case 'user.other':
      if (event.kind === 'location') return locationMessage({ ...sender, latitude: 14.6937, longitude: -17.4441 });
      return event.kind === 'contacts' ? contactsMessage(sender) : unsupportedMessage(sender);
  }
}

/** Resolves once the server has run all the turns it was sent and no conversation lane is busy (replies all sent). */
async function settled({ t, turns }: PooledServer): Promise<void> {
  await eventually(async () => {
    const [done, lanes] = await Promise.all([t.server.metrics.turns.get(), t.server.metrics.activeLanes.get()]);
    return done.values.reduce((sum, { value }) => sum + value, 0) >= turns && (lanes.values[0]?.value ?? 0) === 0;
  }, 10_000, 2);
}

/** One turn of a path: arrange the stand-ins, post the user's message, wait until answered, compare. */
async function replayTurn(
  server: PooledServer,
  actors: Readonly<Record<string, ActorStandIn>>,
  path: MachinePath,
  index: number,
  from: string,
): Promise<void> {
  const { t } = server;
  const turn = path.turns[index] as ExpectedTurn;
  const offered = path.turns.slice(0, index).flatMap((previous) => previous.replies);
  const arranged = Object.entries(actors).map(([id, standIn]) => {
    const calls = turn.calls.filter((call) => call.actor === id);
    return { id, calls, received: standIn.arrange(t, calls) };
  });
  const before = textsOf(t.graph.requests, from).length;
  const problemsBefore = server.problems.length;
  const expected = turn.replies.flatMap(seenAs);
  const sent = t.graph.requests.length;
  const response = await t.post(webhookBody(inbound(turn.event, from, offered)));
  expect(response.status).toBe(200);
  server.turns += 1;
  // Woken by the replies themselves; then the lane must be idle, so that a reply too many shows up too.
  await t.graph.waitForRequests(sent + expected.length, 10_000).catch(() => undefined);
  await settled(server);
  const step = `turn ${index + 1} (${turn.event.type}), expected state ${turn.state}`;
  const replies = textsOf(t.graph.requests, from).slice(before);
  if (!isDeepStrictEqual(replies, expected)) {
    // What the server said about it (a download refused, a time limit, a reset connection) is the first thing to read.
    console.error(`${path.title}, ${step}: other replies; server warnings since this turn:\n${server.problems.slice(problemsBefore).join('\n')}`);
  }
  expect({ step, replies }).toEqual({ step, replies: expected });
  for (const { id, calls, received } of arranged) {
    const inputs = received();
    const expectedInputs = calls.map((call) => call.input);
    if (!isDeepStrictEqual(inputs, expectedInputs)) {
      // What the server said about it (a download refused, a time limit) is the first thing to read.
      console.error(`${path.title}, ${step}: ${id} stand-in inputs differ; server warnings since this turn:\n${server.problems.slice(problemsBefore).join('\n')}`);
    }
    expect({ step, actor: id, inputs }).toEqual({ step, actor: id, inputs: expectedInputs });
  }
}

/**
 * Registers one Jest test per path of the machine (see `machinePaths`), each replayed through the real
 * runtime — in-process server, memory store, loopback Graph and CSS stand-ins — by a fresh user, turn by
 * turn: the texts, bodies and choice ids the user receives must be those the pure machine emits on that
 * path, in order, and each invoked actor's stand-in must be called with the machine's input. With `locale`, every
 * path starts in that locale (the server's START_LOCALE), so each locale's messages are replayed too. Paths run
 * concurrently, each on a server of its own from a small pool; how many ran is printed at the end.
 *
 * @example
 * describePaths(cssAssistant, { askQuestion: askQuestionStandIn });
 */
export function describePaths(
  definition: MachineDefinition,
  actors: Readonly<Record<string, ActorStandIn>>,
  options: Omit<PathOptions, 'actors'> & { readonly servers?: number } = {},
): void {
  const started = Date.now();
  // Planned as the pool's servers run it (no agents' inbox): the same paths `npm run check` counts.
  const plan = machinePaths(withSwitches(definition, PATH_SWITCHES), { ...options, actors });
  const planned = Date.now() - started;
  // Every error a path expects is arranged at a stand-in (an HTTP 500, at once); a generous time limit keeps a loaded
  // machine (a download and an upload under CI's load) from producing an error the path did not arrange.
  const env = { DEFAULT_MACHINE: definition.id, CSS_API_TIMEOUT_MS: '15000', ...(options.locale ? { START_LOCALE: options.locale } : {}) };
  const pool = serverPool(options.servers ?? 5, { store: 'memory', env });
  const name = options.locale ? `${definition.id} [${options.locale}]` : definition.id;
  let users = 0;
  let turns = 0;
  describe(`${name}: every path, replayed through the real runtime`, () => {
    afterAll(async () => {
      await pool.close();
      const simple = plan.paths.filter((path) => path.origin === 'simple').length;
      console.log(
        `${name}: ${users} of ${plan.paths.length} paths replayed (${turns} turns, ${pool.started} servers) in ` +
          `${Date.now() - started} ms, planned in ${planned} ms: ${plan.paths.length - simple} for the ${plan.transitions} ` +
          `transitions of ${plan.states} states (all shortest paths among them), ${simple} sampled from ${plan.simplePaths} simple paths`,
      );
    });

    it.concurrent.each(plan.paths.map((path) => [path.title, path] as const))('%s', async (_title, path) => {
      const from = String(221_780_000_000 + ++users);
      await pool.use(async (server) => {
        for (const index of path.turns.keys()) {
          await replayTurn(server, actors, path, index, from);
          turns += 1;
        }
      });
    });
  });
}
