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

/** Same guard for notifications, which have no result to fall back to. */
export function runSafeSync(log: Logger, name: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    log(`[error] ${name} failed: ${describeError(error)}`);
  }
}

/** The answer to a request the client cancelled. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
