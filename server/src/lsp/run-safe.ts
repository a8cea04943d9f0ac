/**
 * Every request handler runs through runSafe: an exception in one handler becomes
 * an empty result and a log line, and the server keeps serving.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

export async function runSafe<T>(log: Logger, name: string, token: CancellationToken | undefined, fallback: T, work: () => T | Promise<T>): Promise<T> {
  if (token?.isCancellationRequested) throw cancelled();
  try {
    const result = await work();
    if (token?.isCancellationRequested) throw cancelled();
    return result;
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    log(`[error] ${name} failed: ${describeError(error)}`);
    return fallback;
  }
}

/**
 * Same guard for notifications, which have no result to fall back to. Work that
 * returns a promise is guarded too: its rejection is logged, since nobody awaits a
 * notification's work and an unobserved rejection would end the process.
 */
export function runSafeSync(log: Logger, name: string, work: () => void | Promise<void>): void {
  try {
    const result = work();
    if (result) runInBackground(log, name, result);
  } catch (error) {
    log(`[error] ${name} failed: ${describeError(error)}`);
  }
}

/** Starts work nobody awaits (a notification sent, a file read after a close): a rejection becomes a log line. */
export function runInBackground(log: Logger, name: string, work: Promise<unknown>): void {
  work.catch((error: unknown) => log(`[error] ${name} failed: ${describeError(error)}`));
}

/** The answer to a request the client cancelled. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
