/**
 * Builders for the small, deliberately broken machines of the check's tests: events as a user sends
 * them, replies as machines emit them, and a definition around a machine.
 */

import type { AnyStateMachine } from 'xstate';
import type { ReplyEvent, UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import type { ListRow, ReplyButton } from '../../../src/domain/outbound.js';

export const text = (body: string): UserEvent => ({ type: 'user.text', text: body, at: 0 });
export const choice = (id: string, title = id): UserEvent => ({ type: 'user.choice', id, title, at: 0 });

export const say = (body: string): ReplyEvent => ({ type: 'reply', message: { type: 'text', text: body } });
export const buttons = (body: string, items: readonly ReplyButton[]): ReplyEvent => ({
  type: 'reply',
  message: { type: 'buttons', body, buttons: items },
});
export const list = (body: string, rows: readonly ListRow[]): ReplyEvent => ({
  type: 'reply',
  message: { type: 'list', body, button: 'Voir', sections: [{ rows }] },
});

/** A definition as `machines/` registers one, with the events a user can send. */
export const definitionOf = (machine: AnyStateMachine, sampleEvents: readonly UserEvent[]): MachineDefinition => ({
  id: machine.id,
  version: 1,
  machine,
  sampleEvents,
});
