import { defaultMachineId, machines } from '../machines/index.js';
import { runChatRepl, chatBanner } from '../src/chat/chat-repl.js';
import { startChat } from '../src/chat/start-chat.js';
import { ConfigError, loadConfig, type Config } from '../src/config/config.js';
import { createLogger } from '../src/observability/logger.js';

/**
 * `npm run chat [machine]`: talk to a machine of `machines/` in the terminal, through the server's runtime.
 * Exit status 0 on `/quit` or end of input, 1 on an unknown machine or a configuration error.
 */
async function main(): Promise<number> {
  const name = process.argv[2] ?? defaultMachineId;
  const definition = machines[name];
  if (!definition) {
    const known = Object.values(machines).map((m) => `  ${m.id}${m.description ? ` — ${m.description}` : ''}`);
    process.stderr.write(`Unknown machine "${name}". Machines:\n${known.join('\n')}\n`);
    return 1;
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    return 1;
  }
  // Logs go to stderr so that stdout is the conversation alone.
  const logger = createLogger({ level: config.logLevel, destination: process.stderr });
  const write = (text: string): void => void process.stdout.write(text);
  write(chatBanner(definition, config.cssApiUrl));
  const chat = await startChat({ definition, config, logger, write });
  await runChatRepl(chat.session, { input: process.stdin, output: process.stdout, write });
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
  process.stderr.write(`Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exit(1);
});
