/**
 * metadata.creationTimestamp as kubectl prints it on the "Created on:" line.
 *
 * kubectl reads the RFC 3339 text into a Go time in the machine's local zone and prints
 * it with Go's default layout, `2006-01-02 15:04:05.999999999 -0700 MST`. The local
 * zone is not the file's to decide, so we print UTC, as kubectl does with TZ=UTC:
 * `2020-08-14T18:34:35+02:00` becomes `2020-08-14 16:34:35 +0000 UTC`.
 */

/**
 * The forms Go's time.Parse(time.RFC3339, ...) accepts: a one-digit hour and a comma
 * before the fraction included, lowercase `t`/`z` excluded.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The Created on text, or the timestamp as written when it is not a time kubectl could read. */
export function formatCreationTime(timestamp: string): string {
  const match = RFC3339.exec(timestamp);
  if (!match) return timestamp;
  const [year, month, day, hour, minute, second, , , offsetHours, offsetMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  const inRange = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  if (!inRange || offsetHours > 23 || offsetMinutes > 59) return timestamp;
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute - offset, second, 0);
  // Go keeps nanoseconds (extra digits are dropped) and prints them without trailing zeros.
  const fraction = (match[7] ?? '').slice(0, 9).replace(/0+$/, '');
  const date = `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
  const time = `${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}`;
  return `${date} ${time}${fraction ? '.' + fraction : ''} +0000 UTC`;
}

function daysInMonth(year: number, month: number): number {
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return lastDay.getUTCDate();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
