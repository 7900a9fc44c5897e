import { describe, expect, it } from '@jest/globals';
import { createActor } from 'xstate';
import { cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import type { OutboundMessage } from '../../../src/domain/outbound.js';
import { text } from '../run-machine.js';
import { bodyOf } from './helpers.js';

/** The delayed event XState schedules for the menu nudge, as the runtime delivers it when it falls due. */
const NUDGE_DUE = { type: 'xstate.after.menuNudge.css-assistant.dialog.menu' };

function inTheMenu(machine = cssAssistant.machine) {
  const actor = createActor(machine, { input: { at: 1000 } });
  const replies: OutboundMessage[] = [];
  actor.on('reply', (event: { message: OutboundMessage }) => replies.push(event.message));
  actor.start();
  actor.send(text('bonjour', 1000));
  actor.send(text('menu', 2000));
  replies.length = 0;
  return { actor, replies };
}

// Every message is billed: the ones nobody asked for are off unless they are turned on.
describe('css-assistant: messages the user did not ask for', () => {
  it('sends no menu nudge by default', () => {
    const { actor, replies } = inTheMenu();
    actor.send(NUDGE_DUE as never);
    expect(replies).toEqual([]);
    actor.stop();
  });

  it('nudges once when the runtime turns it on (MENU_NUDGE_SECONDS)', () => {
    const { actor, replies } = inTheMenu(cssAssistant.machine.provide({ guards: { isMenuNudgeOn: () => true } }));
    actor.send(NUDGE_DUE as never);
    expect(replies.map(bodyOf)).toEqual([texts.nudge]);
    actor.stop();
  });

  it('keeps the notices a user would miss: the restart notice (rare) and the honest flood notice', () => {
    expect(cssAssistant.restartNotice).toBe(texts.restartNotice);
    expect(cssAssistant.floodNotice).toBe(texts.floodNotice);
  });
});
