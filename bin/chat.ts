import { defaultMachineId, machines } from '../machines/index.js';
import { runChatRepl, chatBanner, type ChatDriver } from '../src/chat/chat-repl.js';
import { readableLog } from '../src/chat/readable-log.js';
import { startChat } from '../src/chat/start-chat.js';
import { startWatchedChat } from '../src/chat/watch/watch-chat.js';
import { ConfigError, loadConfig, type Config } from '../src/config/config.js';
import { isLocale, LOCALES } from '../src/domain/locale.js';
import { createLogger } from '../src/observability/logger.js';

/**
 * `npm run chat [machine]`: talk to a machine of `machines/` in the terminal, through the server's runtime.
 * `npm run chat -- --watch [machine]` (or `npm run chat --watch`, which npm passes as `npm_config_watch`) also
 * watches `machines/`: on save the machine is rebuilt, the session replayed and the check run.
 * `npm run chat -- --lang wo` starts the conversation in a locale (`fr`, `en`, `wo`) rather than guessing it.
 * Exit status 0 on `/quit` or end of input, 1 on an unknown machine or locale, or a configuration error.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const watching = args.includes('--watch') || process.env.npm_config_watch === 'true';
  const langAt = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const lang = langAt < 0 ? undefined : (args[langAt]?.split('=')[1] ?? args[langAt + 1]);
  if (langAt >= 0 && !isLocale(lang)) {
    process.stderr.write(`Unknown language "${lang ?? ''}": --lang takes one of ${LOCALES.join(', ')}.\n`);
    return 1;
  }
  const rest = args.filter((arg, index) => !(langAt >= 0 && args[langAt] === '--lang' && index === langAt + 1));
  const name = rest.find((arg) => !arg.startsWith('--')) ?? defaultMachineId;
  const registered = machines[name];
  if (!registered) {
    const known = Object.values(machines).map((m) => `  ${m.id}${m.description ? ` — ${m.description}` : ''}`);
    process.stderr.write(`Unknown machine "${name}". Machines:\n${known.join('\n')}\n`);
    return 1;
  }
  let config: Config;
  try {
    config = loadConfig(isLocale(lang) ? { ...process.env, START_LOCALE: lang } : process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    return 1;
  }
  // Logs go to stderr, one readable line each, so that stdout is the conversation alone.
  const logger = createLogger({ level: config.logLevel, destination: readableLog(process.stderr) });
  const write = (text: string): void => void process.stdout.write(text);
  const io = { input: process.stdin, output: process.stdout, write };
  if (watching) {
    const watched = await startWatchedChat({ root: process.cwd(), machineId: name, config, logger, write });
    write(chatBanner(watched.definition, config.cssApiUrl, true));
    await runChatRepl(watched.chat, { ...io, onPrompt: watched.onPrompt });
    await watched.stop();
    return 0;
  }
  write(chatBanner(registered, config.cssApiUrl));
  if (config.startLocale) write(`Language: ${config.startLocale} (the conversation starts in it; /reset starts again in it)\n\n`);
  const chat = await startChat({ definition: registered, config, logger, write });
  const driver: ChatDriver = chat.session;
  await runChatRepl(driver, io);
  // Every message has settled before the prompt came back, so no lane is in hand; the worker's idle poll
  // (up to 1 s) need not be waited for.
  void chat.stop();
  return 0;
}

/** Exits once stdout has been flushed, so a piped transcript is never cut short. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main().then(exit, (error: unknown) => {
  // One readable line: a designer's terminal, not a log collector.
  process.stderr.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
  exit(1);
});
