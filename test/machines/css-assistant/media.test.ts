import { describe, expect, it } from '@jest/globals';
import { createActor, waitFor } from 'xstate';
import { cssAssistant, texts } from '../../../machines/css-assistant/index.js';
import { mediaQuestionOf, refusalOf } from '../../../machines/css-assistant/media.js';
import type { UserEvent } from '../../../src/domain/conversation.js';
import { AnswerUnavailableError } from '../../../src/domain/errors.js';
import { MediaRejectedError } from '../../../src/domain/media-question.js';
import { choice, isSettled, runMachine, text } from '../run-machine.js';
import { bodyOf, buttonIds, dialogOf, withMedia } from './helpers.js';

type MediaEvent = Extract<UserEvent, { type: 'user.media' }>;
const file = (media: MediaEvent['media'], at: number, extra: Partial<MediaEvent> = {}): UserEvent =>
  ({ type: 'user.media', media, mediaId: `${media}-${at}`, at, ...extra });

describe('css-assistant: photos and PDFs', () => {
  it('asks the CSS about a photo with its caption, then answers and offers the buttons', async () => {
    const { definition, inputs } = withMedia(async (input) => `Sur la photo : ${input.question}`);
    const steps = await runMachine(definition, [
      text('bonjour', 1000),
      file('image', 2000, { mimeType: 'image/jpeg', caption: '  Ce reçu est-il valable ?  ' }),
    ]);
    expect(inputs).toEqual([{ media: 'image', mediaId: 'image-2000', mimeType: 'image/jpeg', question: 'Ce reçu est-il valable ?' }]);
    expect(steps[1]!.replies.map(bodyOf)).toEqual(['Sur la photo : Ce reçu est-il valable ?']);
    expect(buttonIds(steps[1]!.replies[0])).toEqual(['menu', 'aide', 'contact']);
    expect(dialogOf(steps[1])).toBe('idle');
    // Kept for [Réessayer] until the next question: a media id, never the file itself.
    expect(steps[1]!.context.lastAsk).toMatchObject({ kind: 'media', file: { mediaId: 'image-2000' } });
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
    expect(actor.getSnapshot().value).toEqual({ dialog: 'idle', question: { waiting: 'askingAboutFile' } });
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
    expect(steps[2]!.replies.map(bodyOf)).toEqual([texts.cannotRead]);
    expect(dialogOf(steps[2])).toBe('category');
    expect(inputs).toEqual([]);
  });

  it.each([
    ['type', texts.mediaRefused.type],
    ['size', texts.mediaRefused.size],
  ] as const)('says what it accepts when the file is refused for its %s, and goes on', async (reason, reply) => {
    const { definition } = withMedia(() => Promise.reject(new MediaRejectedError(reason, 'refused')));
    const steps = await runMachine(definition, [text('bonjour', 1000), file('image', 2000), text('menu', 3000)]);
    expect(steps[1]!.replies.map(bodyOf)).toEqual([reply]);
    expect(dialogOf(steps[1])).toBe('idle');
    expect(dialogOf(steps[2])).toBe('menu');
    expect(steps[1]!.context.failuresInRow).toBe(0); // the user's to fix, not a failure of the service
  });

  it.each([
    ['a failed download', new MediaRejectedError('download', 'HTTP 404', 404), texts.failure.down],
    ['a CSS outage', new AnswerUnavailableError('http-status', 'CSS API answered HTTP 500', 500), texts.failure.down],
    ['a slow CSS', new AnswerUnavailableError('timeout', 'too slow'), texts.failure.timeout],
  ])('apologises for %s with Réessayer, and [Réessayer] sends the file again', async (_, error, said) => {
    let failing = true;
    const { definition, inputs } = withMedia(() => (failing ? ((failing = false), Promise.reject(error)) : Promise.resolve('Lu.')));
    const steps = await runMachine(definition, [text('bonjour', 1000), file('document', 2000, { mimeType: 'application/pdf' }), choice('reessayer', 3000)]);
    expect(steps[1]!.replies.map(bodyOf)).toEqual([said]);
    expect(buttonIds(steps[1]!.replies[0])).toEqual(['reessayer', 'menu', 'contact']);
    expect(steps[2]!.replies.map(bodyOf)).toEqual(['Lu.']);
    expect(inputs.map((input) => input.mediaId)).toEqual(['document-2000', 'document-2000']);
  });

  it('apologises when the runtime gives no askAboutMedia (no WhatsApp token)', async () => {
    const steps = await runMachine(cssAssistant, [text('bonjour', 1000), file('image', 2000)]);
    expect(steps[1]!.replies.map(bodyOf)).toEqual([texts.failure.down]);
  });

  it('welcomes first when a photo opens the session, then answers about it', async () => {
    const { definition } = withMedia(async () => 'Une photo de reçu.');
    const [step] = await runMachine(definition, [file('image', 1000)]);
    expect(step!.replies.map(bodyOf)).toEqual([expect.stringContaining('Bienvenue'), 'Une photo de reçu.']);
  });

  it('says it found nothing when the CSS answers blank', async () => {
    const { definition } = withMedia(async () => '  ');
    const actor = createActor(definition.machine, { input: { at: 1000 } });
    const replies: (string | undefined)[] = [];
    actor.on('reply', (e: { message: Parameters<typeof bodyOf>[0] }) => replies.push(bodyOf(e.message)));
    actor.start();
    actor.send(text('bonjour', 1000));
    actor.send(file('image', 2000));
    await waitFor(actor, isSettled);
    expect(replies.slice(1)).toEqual([texts.noAnswer]);
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
