/**
 * The last line of defence of "never a dead server". Handlers run through runSafe and
 * background work through runInBackground; should anything still escape (a callback
 * of a library, a timer), Node's default is to end the process, which leaves the
 * editor without diagnostics until the user restarts it. Here it becomes a log line
 * and the server keeps serving.
 */
import { describeError, type Logger } from './run-safe';

export function keepAliveOnUncaughtErrors(log: Logger): void {
  let logging = false;
  const report = (kind: string, error: unknown): void => {
    // The log itself may be what fails (a closed pipe): never report a failure of the report.
    if (logging) return;
    logging = true;
    try {
      log(`[error] ${kind} (the server keeps running): ${describeError(error)}`);
    } catch {
      // Nothing is left to tell.
    } finally {
      logging = false;
    }
  };
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
  process.on('uncaughtException', (error) => report('uncaught exception', error));
}
