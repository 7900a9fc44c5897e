import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Config } from '../../config/config.js';
import { formatProblems, runMachineCheck, runtimeCheckOptions } from '../../designer/check/index.js';
import type { MachineDefinition } from '../../domain/machine-definition.js';
import type { Logger } from '../../observability/logger.js';
import { EffectMemo } from '../effect-memo.js';
import { startChat } from '../start-chat.js';
import { FreshMachines, type LoadedMachines } from './fresh-machines.js';
import { ReplayingChat } from './replaying-chat.js';
import { transpileMachineFile, warmUpTranspiler } from './transpile-machine-file.js';
import { watchFolder } from './watch-folder.js';

/** What `npm run chat -- --watch` needs. */
export interface WatchChatOptions {
  /** The project root: `machines/` is watched there and rebuilt into its `dist/`. */
  readonly root: string;
  readonly machineId: string;
  readonly config: Config;
  readonly logger: Logger;
  readonly write: (text: string) => void;
}

/** A watched chat: the driver for the REPL, where to show the prompt again after printing, and how to stop. */
export interface WatchedChat {
  readonly chat: ReplayingChat;
  readonly definition: MachineDefinition;
  /** Gives the function that shows the prompt again (from the REPL). */
  onPrompt(prompt: () => void): void;
  stop(): Promise<void>;
}

const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** The check's verdict in a few lines. */
async function checkSummary(definition: MachineDefinition, loaded: LoadedMachines): Promise<string> {
  const options = await runtimeCheckOptions(definition, await loaded.folder(definition.id));
  const { problems, waived } = runMachineCheck(definition, options);
  const known = waived.length > 0 ? ` (${waived.length} known, waived)` : '';
  if (problems.length === 0) return `✓ check: no problem${known}\n`;
  return `✗ check: ${problems.length} problem${problems.length === 1 ? '' : 's'}${known}\n${formatProblems(problems)}\n`;
}

/**
 * `npm run chat -- --watch`: the chat on a machine loaded from `dist/machines`, and a watch on `machines/`. On
 * save: the saved files are rebuilt, the machine reloaded, the session's messages replayed (the designer lands
 * where they was, with the time it took), then the check runs on the new machine. A file that does not build
 * keeps the previous machine and says why in one line.
 *
 * @example
 * const watched = await startWatchedChat({ root: process.cwd(), machineId: 'css-assistant', config, logger, write });
 * await runChatRepl(watched.chat, { input, output, write, onPrompt: watched.onPrompt });
 */
export async function startWatchedChat(options: WatchChatOptions): Promise<WatchedChat> {
  const { root, machineId, write } = options;
  const loader = new FreshMachines(root);
  await loader.clear();
  warmUpTranspiler();
  const pick = (loaded: LoadedMachines): MachineDefinition => {
    const definition = loaded.machines[machineId];
    if (!definition) throw new Error(`machines/index.ts does not register "${machineId}"`);
    return definition;
  };
  let loaded = await loader.load();
  const definition = pick(loaded);
  const memo = new EffectMemo();
  const chat = await ReplayingChat.start(
    definition,
    (next, sink) => startChat({ definition: next, config: options.config, logger: options.logger, write: sink, answers: memo }),
    write,
    memo,
  );
  let prompt = (): void => undefined;
  const saved = new Set<string>();
  let savedAt: number | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let reloads: Promise<void> = Promise.resolve();

  const reload = async (): Promise<void> => {
    const files = [...saved].map((file) => join('machines', file));
    saved.clear();
    const since = savedAt ?? performance.now();
    savedAt = undefined;
    try {
      // Message files (.ftl) are read afresh by the reloaded machines: only TypeScript is rebuilt.
      for (const file of files) if (file.endsWith('.ts')) await transpileMachineFile(root, file);
      loaded = await loader.load();
      const next = pick(loaded);
      const replay = await chat.reload(next);
      const seconds = ((performance.now() - since) / 1000).toFixed(2);
      write(`\n↻ ${files.join(', ')} saved: ${machineId} v${next.version} rebuilt, ${replay.replayed} message(s) replayed in ${seconds} s — ${replay.state}\n\n${replay.last}`);
      prompt();
      write(await checkSummary(next, loaded));
    } catch (error) {
      write(`\n✗ ${files.join(', ')}: ${oneLine(error)} (the chat goes on with the previous version)\n`);
    }
    prompt();
  };

  const unwatch = watchFolder(join(root, 'machines'), (name) => {
    if (!/\.(ts|ftl)$/.test(name) || !existsSync(join(root, 'machines', name))) return;
    saved.add(name);
    savedAt ??= performance.now();
    clearTimeout(debounce);
    // Editors save in several writes: wait for the last one.
    debounce = setTimeout(() => void (reloads = reloads.then(reload)), 30);
  });
  return {
    chat,
    definition,
    onPrompt: (show) => void (prompt = show),
    async stop() {
      clearTimeout(debounce);
      unwatch();
      await reloads;
      await chat.stop();
      await loader.clear();
    },
  };
}
