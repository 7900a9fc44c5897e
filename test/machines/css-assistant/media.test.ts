import { describe, expect, it } from '@jest/globals';
import { createActor, fromPromise, waitFor } from 'xstate';
import { cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import { type MediaQuestionInput, mediaQuestionOf, refusalOf } from '../../../machines/css-assistant/media.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import type { MachineDefinition } from '../../../src/domain/machine-definition.js';
import { MediaRejectedError } from '../../../src/domain/media-question.js';
import { choice, isSettled, runMachine, text } from '../run-machine.js';

type MediaEvent = Extract<UserEvent, { type: 'user.media' }>;
const file = (media: MediaEvent['media'], at: number, extra: Partial<MediaEvent> = {}): UserEvent =>
  ({ type: 'user.media', media, mediaId: `${media}-${at}`, at, ...extra });

/** The CSS assistant with a fake `askAboutMedia` that records its inputs. */
function withMedia(answer: (input: MediaQuestionInput) => Promise<string>) {
  const inputs: MediaQuestionInput[] = [];
  const askAboutMedia = fromPromise<string, MediaQuestionInput>(({ input }) => {
    inputs.push(input);
    return answer(input);
  });
  const definition: MachineDefinition = { ...cssAssistant, machine: cssAssistant.machine.provide({ actors: { askAboutMedia } }) };
  return { definition, inputs };
}

const bodyOf = (message: unknown): string =>
  (message as { text?: string; body?: string }).text ?? (message as { body: string }).body;

describe('css-assistant: photos and PDFs', () => {
  it('asks the CSS about a photo with its caption, then answers and offers the buttons', async () => {
    const { definition, inputs } = withMedia(async (input) => `Sur la photo : ${input.question}`);
    const steps = await runMachine(definition, [
      text('bonjour', 1000),
      file('image', 2000, { mimeType: 'image/jpeg', caption: '  Ce reçu est-il valable ?  ' }),
    ]);
    expect(inputs).toEqual([{ media: 'image', mediaId: 'image-2000', mimeType: 'image/jpeg', question: 'Ce reçu est-il valable ?' }]);
    expect(steps[1]!.replies.map(bodyOf)).toEqual(['Sur la photo : Ce reçu est-il valable ?', texts.afterAnswer]);
    expect(steps[1]!.value).toBe('idle');
    expect(steps[1]!.context.pendingMedia).toBeUndefined();
    expect(JSON.stringify(steps[1]!.persisted)).not.toContain('image-2000');
  });

  it('asks the default question about a PDF sent without a caption, with its file name', async () => {
    const { definition, inputs } = withMedia(async () => 'Cette attestation est valable.');
    await runMachine(definition, [
      text('bonjour', 1000),
      file('document', 2000, { mimeType: 'application/pdf', filename: 'attestation.pdf' }),
      file('document', 3000, { filename: 'releve.PDF' }),
    ]);
    expect(inputs).toEqual([
      { media: 'document', mediaId: 'document-2000', mimeType: 'application/pdf', filename: 'attestation.pdf', question: texts.mediaQuestion.document },
      { media: 'document', mediaId: 'document-3000', filename: 'releve.PDF', question: texts.mediaQuestion.document },
    ]);
  });

  it('is busy while the CSS reads the file', async () => {
    const { definition } = withMedia(() => new Promise<string>(() => undefined));
    const actor = createActor(definition.machine, { input: { at: 1000 } }).start();
    actor.send(text('bonjour', 1000));
    actor.send(file('image', 2000));
    expect(actor.getSnapshot().value).toBe('awaitingMediaAnswer');
    expect(isSettled(actor.getSnapshot())).toBe(false);
    actor.stop();
  });

  it.each([
    ['a voice note', file('audio', 3000)],
    ['a video', file('video', 3000)],
    ['a sticker', file('sticker', 3000)],
    ['a Word document', file('document', 3000, { mimeType: 'application/msword', filename: 'lettre.pdf' })],
    ['a photo without a media id', { type: 'user.media', media: 'image', at: 3000 } as const],
  ])('answers %s with what it can read, without calling the CSS nor leaving its place', async (_, event) => {
    const { definition, inputs } = withMedia(async () => 'jamais');
    const steps = await runMachine(definition, [text('bonjour', 1000), choice('documents', 2000), event]);
    expect(steps[2]!.replies).toEqual([{ type: 'text', text: texts.cannotRead }]);
    expect(steps[2]!.value).toBe('category');
    expect(inputs).toEqual([]);
  });

  it.each([
    ['type', texts.mediaRefused.type],
    ['size', texts.mediaRefused.size],
  ] as const)('says what it accepts when the file is refused for its %s, and goes on', async (reason, reply) => {
    const { definition } = withMedia(() => Promise.reject(new MediaRejectedError(reason, 'refused')));
    const steps = await runMachine(definition, [text('bonjour', 1000), file('image', 2000), text('menu', 3000)]);
    expect(steps[1]!.replies).toEqual([{ type: 'text', text: reply }]);
    expect(steps[1]!.value).toBe('idle');
    expect(steps[2]!.value).toBe('menu');
  });

  it.each([
    ['a failed download', new MediaRejectedError('download', 'HTTP 404', 404)],
    ['a CSS outage', new Error('CSS API answered HTTP 500')],
  ])('apologises for %s, and goes on', async (_, error) => {
    const { definition } = withMedia(() => Promise.reject(error));
    const steps = await runMachine(definition, [text('bonjour', 1000), file('document', 2000, { mimeType: 'application/pdf' })]);
    expect(steps[1]!.replies).toEqual([{ type: 'text', text: texts.unavailable }]);
    expect(steps[1]!.value).toBe('idle');
  });

  it('apologises when the runtime gives no askAboutMedia (no WhatsApp token)', async () => {
    const steps = await runMachine(cssAssistant, [text('bonjour', 1000), file('image', 2000)]);
    expect(steps[1]!.replies).toEqual([{ type: 'text', text: texts.unavailable }]);
  });

  it('welcomes first when a photo opens the session, then answers about it', async () => {
    const { definition } = withMedia(async () => 'Une photo de reçu.');
    const [step] = await runMachine(definition, [file('image', 1000)]);
    expect(step!.replies.map(bodyOf)).toEqual([expect.stringContaining('Bienvenue'), 'Une photo de reçu.', texts.afterAnswer]);
  });

  it('says it found nothing when the CSS answers blank', async () => {
    const { definition } = withMedia(async () => '  ');
    const actor = createActor(definition.machine, { input: { at: 1000 } });
    const replies: string[] = [];
    actor.on('reply', (e: { message: unknown }) => replies.push(bodyOf(e.message)));
    actor.start();
    actor.send(text('bonjour', 1000));
    actor.send(file('image', 2000));
    await waitFor(actor, isSettled);
    expect(replies.slice(1)).toEqual([texts.noAnswer, texts.afterAnswer]);
    actor.stop();
  });
});

describe('css-assistant: media readers', () => {
  it.each([
    [{ media: 'image', mimeType: 'image/png' }, true],
    [{ media: 'document', mimeType: 'Application/PDF; name=a' }, true],
    [{ media: 'document', filename: 'a.pdf' }, true],
    [{ media: 'document', filename: 'a.docx' }, false],
    [{ media: 'document', mimeType: 'text/plain', filename: 'a.pdf' }, false],
    [{ media: 'audio', mimeType: 'audio/ogg' }, false],
  ] as const)('mediaQuestionOf(%j) answers: %s', (extra, answerable) => {
    expect(mediaQuestionOf({ type: 'user.media', mediaId: '1', at: 0, ...extra }) !== undefined).toBe(answerable);
  });

  it('tells refusals the user can fix from outages', () => {
    expect(refusalOf(new MediaRejectedError('type', 'x'))).toBe('type');
    expect(refusalOf(new MediaRejectedError('size', 'x'))).toBe('size');
    expect(refusalOf(new MediaRejectedError('download', 'x'))).toBeUndefined();
    expect(refusalOf(Object.assign(new Error('x'), { reason: 'size' }))).toBeUndefined();
    expect(refusalOf('size')).toBeUndefined();
  });
});
