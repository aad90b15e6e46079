import { Code, ConnectError } from "@connectrpc/connect";

/**
 * True when the server says the resume position is not from its change log (past its end, or its change there was
 * committed at another time than the page was told): the database was replaced or restored from an older copy, so
 * what the page holds belongs to another history. Not a failure of the key or the
 * request: the remedy is to drop everything and start again from a snapshot.
 */
export function needsRestart(error: unknown): boolean {
  return error instanceof ConnectError && error.code === Code.OutOfRange;
}

/**
 * True for failures of the connection or of the server's current state (shutdown, restart, overload, a proxy cutting
 * the stream), which a new call may not hit. False for answers about the request itself (bad key, bad filter): repeating it would only get the same answer.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ConnectError)) {
    // fetch() rejects with a TypeError when the server is unreachable.
    return true;
  }
  switch (error.code) {
    case Code.Unavailable:
    case Code.Internal:
    case Code.ResourceExhausted:
    case Code.Aborted:
    case Code.Canceled:
    case Code.DeadlineExceeded:
    case Code.Unknown:
      return true;
    default:
      return false;
  }
}

/** A sentence for a person: what went wrong and what to do about it. */
export function describeFailure(error: unknown): string {
  const e = ConnectError.from(error);
  switch (e.code) {
    case Code.Unauthenticated:
      return "The server did not accept this API key. Check it and enter it again.";
    case Code.PermissionDenied:
      return "This API key is not allowed to watch shipments.";
    default:
      return `The server refused the watch (${Code[e.code]}): ${e.rawMessage}`;
  }
}
