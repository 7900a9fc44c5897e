import { describe, expect, it } from '@jest/globals';
import { machines } from '../../machines/index.js';
import { routeMachines } from '../../src/engine/machine-router.js';
import { textMessage, webhookBody } from '../builders/payloads.js';
import { eventually } from '../support/eventually.js';
import { textsOf } from '../support/graph-stand-in.js';
import { startTestServer } from '../support/test-server.js';

// Which machine answers is configuration: MACHINE_BY_NUMBER maps business numbers, DEFAULT_MACHINE the rest.
describe('machine routing by business number', () => {
  it('answers each business number with its machine', async () => {
    const t = await startTestServer({ store: 'memory', env: { MACHINE_BY_NUMBER: 'PN-PENSION=pension-status' } });
    try {
      await t.post(webhookBody(textMessage({ from: '221776660001', phoneNumberId: 'PN-PENSION', body: 'bonjour' })));
      await t.post(webhookBody(textMessage({ from: '221776660002', phoneNumberId: 'PN-OTHER', body: 'bonjour' })));
      await eventually(() => textsOf(t.graph.requests, '221776660001').length > 0 && textsOf(t.graph.requests, '221776660002').length > 0);
      expect(textsOf(t.graph.requests, '221776660001')[0]).toMatch(/immatriculation/i);
      expect(textsOf(t.graph.requests, '221776660002')[0]).toMatch(/Caisse de Sécurité Sociale/);
      expect(t.graph.requests.find((r) => r.body.to === '221776660001')?.phoneNumberId).toBe('PN-PENSION');
    } finally {
      await t.close();
    }
  });

  it('refuses at start a machine name that is not registered, naming the variable', () => {
    expect(() => routeMachines(machines, { defaultMachine: 'css-assistant', machineByNumber: { PN: 'nope' } })).toThrow(
      /MACHINE_BY_NUMBER names machine "nope", which is not one of: css-assistant, pension-status/,
    );
    expect(() => routeMachines(machines, { defaultMachine: 'typo', machineByNumber: {} })).toThrow(/DEFAULT_MACHINE/);
  });
});
