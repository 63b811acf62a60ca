/**
 * A task Meilisearch accepted did not succeed (failed, canceled) or did not finish in the time we
 * wait for it. `cause`: the task's error object, or the wait's timeout.
 */
export class MeiliTaskError extends Error {
  override name = "MeiliTaskError";

  constructor(
    readonly taskUid: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
