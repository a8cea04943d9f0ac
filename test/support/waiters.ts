/**
 * Event-driven waiting with a deadline, for tests that wait on a child process:
 * a wait re-checks its condition whenever something happened (`notify`), and
 * fails with a descriptive error at its deadline or when `dead()` says the other
 * side is gone. Nothing here sleeps for a fixed time.
 */

interface Waiter {
  readonly check: () => void;
}

export class Waiters {
  private readonly waiters = new Set<Waiter>();

  /**
   * @param describeFailure turns a message into the Error a test shows (e.g. with the server's log).
   * @param dead returns why nothing more can arrive (the process exited), or undefined.
   */
  constructor(
    private readonly describeFailure: (message: string) => Error,
    private readonly dead: () => string | undefined,
  ) {}

  /** Resolves with the first defined answer of `find`, checked now and after every `notify()`. */
  waitFor<T>(what: string, find: () => T | undefined, deadlineMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => settle(() => reject(this.describeFailure(`Timed out after ${deadlineMs} ms waiting for ${what}`))), deadlineMs);
      const settle = (action: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        action();
      };
      const waiter: Waiter = {
        check: () => {
          const found = find();
          const death = found === undefined ? this.dead() : undefined;
          if (found !== undefined) settle(() => resolve(found));
          else if (death !== undefined) settle(() => reject(this.describeFailure(`${death} while waiting for ${what}`)));
        },
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  /** Something happened: every pending wait looks again. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  /** `promise`, or a descriptive failure if it does not settle by the deadline. Its own rejection passes through unchanged. */
  withDeadline<T>(what: string, promise: Promise<T>, deadlineMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(this.describeFailure(`Timed out after ${deadlineMs} ms waiting for ${what}`)), deadlineMs);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
