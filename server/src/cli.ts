/**
 * The `netpol-lens` command line: the same analysis as the language server, for
 * terminals and CI. This file only prints and sets the exit status. Progress goes
 * to stderr, and only when stderr is a terminal, so pipes and CI logs stay clean.
 */
import { runCliAsync } from './cli/run-cli';
import { writeLines } from './cli/write-lines';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const progress = process.stderr.isTTY ? (message: string) => process.stderr.write(`\r\x1b[2K${message}`) : undefined;
void runCliAsync(process.argv.slice(2), progress ? { progress } : {}).then(async (result) => {
  if (progress) process.stderr.write('\r\x1b[2K');
  await writeLines(process.stdout, result.stdout);
  if (result.stderr.length) process.stderr.write(result.stderr.join('\n') + '\n');
  process.exitCode = result.exitCode;
});
