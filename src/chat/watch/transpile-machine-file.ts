import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** The TypeScript compiler, loaded once on the first save (a dev dependency, as `npm run build` needs it). */
type TypeScript = typeof import('typescript');
let compiler: Promise<TypeScript> | undefined;
const typescript = (): Promise<TypeScript> =>
  (compiler ??= import('typescript').then((module) => ((module as { default?: TypeScript }).default ?? module) as TypeScript));

/** Loads the compiler ahead of the first save, so that the first rebuild is as quick as the next ones. */
export function warmUpTranspiler(): void {
  void typescript().catch(() => undefined);
}

/** A file that does not compile: one line, where and why. */
export class TranspileError extends Error {
  override readonly name = 'TranspileError';
}

/**
 * Rebuilds one saved file of `machines/` into `dist/` in milliseconds: types are stripped, not checked (the
 * check and `npm run build` do that), which is what makes a changed text show at once.
 *
 * @example
 * await transpileMachineFile(process.cwd(), 'machines/css-assistant/words.fr.ts'); // writes dist/machines/css-assistant/words.fr.js
 */
export async function transpileMachineFile(root: string, file: string): Promise<string> {
  const ts = await typescript();
  const source = await readFile(join(root, file), 'utf8');
  const output = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false },
  });
  const [problem] = output.diagnostics ?? [];
  if (problem) {
    const where = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start) : undefined;
    const at = where ? `${file}:${where.line + 1}:${where.character + 1}` : file;
    throw new TranspileError(`${at}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
  }
  const target = join(root, 'dist', relative(root, join(root, file)).replace(/\.ts$/, '.js'));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, output.outputText, 'utf8');
  return target;
}
