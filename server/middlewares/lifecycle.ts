// Counts requests in flight and, once the server is draining, turns new ones away with a 503
// and `Connection: close` (a client or proxy retries elsewhere instead of seeing a reset).
import type { RequestHandler } from "express";
import { NotReadyError } from "../../core/errors.ts";
import type { Lifecycle } from "../lifecycle.ts";

export function drain(lifecycle: Lifecycle): RequestHandler {
  return (req, res, next) => {
    if (lifecycle.draining) {
      res.setHeader("Connection", "close");
      res.setHeader("Retry-After", "5");
      return next(new NotReadyError("shutting_down", "Wenyuan is shutting down; try again shortly"));
    }
    lifecycle.requestStarted();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      lifecycle.requestFinished();
    };
    res.once("finish", finish);
    res.once("close", finish);
    next();
  };
}
