/**
 * The last answer to a request, kept while what it was computed from is unchanged: the
 * panel asks for the matrix again on every reveal and refresh, and with nothing changed
 * in the workspace the answer is the same, however long it took to compute.
 */
export class LastAnswer<T> {
  private key: string | undefined;
  private value: T | undefined;

  /** The kept answer when `key` (the workspace version and the request's parameters) is unchanged. */
  get(key: string): T | undefined {
    return key === this.key ? this.value : undefined;
  }

  set(key: string, value: T): void {
    this.key = key;
    this.value = value;
  }
}
