import { defineEffect } from '../../src/effects/effect-definition.js';

/**
 * The worked example of docs/designing.md ("Add an effect"), as a designer would write it in
 * `src/effects/find-appointment.effect.ts`: the next free appointment at an agency.
 */
export const findAppointment = defineEffect({
  name: 'findAppointment',
  api: 'css',
  repeatable: true,
  create: ({ http }) => async (input: { agency: string }, { signal }) => {
    const { data } = await http.css.post<{ slot: string }>('/appointments/next', input, { signal });
    return data.slot;
  },
});
