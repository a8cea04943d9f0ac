/**
 * The exit statuses every command shares, so scripts and CI can tell them apart.
 * When an input could not be read the result is incomplete, so 3 wins over 1.
 */
export const EXIT_OK = 0;
/** Findings at or above `--fail-on`, a pair `why` finds denied, or a non-empty diff with `--exit-code`. */
export const EXIT_FINDINGS = 1;
/** The command line itself is wrong: unknown command or option, missing or bad value. */
export const EXIT_USAGE = 2;
/** A path could not be read: missing, unreadable, a FIFO or device, or a git revision that does not exist. */
export const EXIT_UNREADABLE = 3;
