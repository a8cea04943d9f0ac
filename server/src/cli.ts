/**
 * The `netpol-lens` command line: the same analysis as the language server, for
 * terminals and CI. This file only prints and sets the exit status.
 */
import { runCli } from './cli/run-cli';

const result = runCli(process.argv.slice(2));
if (result.stdout.length) process.stdout.write(result.stdout.join('\n') + '\n');
if (result.stderr.length) process.stderr.write(result.stderr.join('\n') + '\n');
process.exitCode = result.exitCode;
