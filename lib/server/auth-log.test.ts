import { describe, expect, it, vi } from "vitest";
import { authLogger } from "./auth-log";
import { logger } from "./log";

// Finding 10 of #14: expired-link errors were logged as errors because the check used
// `error.name`, which the production build minifies. `type` is what Auth.js keeps.

class Minified extends Error {} // what a bundled Auth.js error class looks like after minification

describe("authLogger", () => {
  it("logs an expired or used link as a warning, recognised by its type whatever its class name", () => {
    const warn = vi.spyOn(logger(), "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    authLogger.error(
      Object.assign(new Minified("Read more at https://errors.authjs.dev#verification"), { type: "Verification" }),
    );
    expect(warn).toHaveBeenCalledWith({ type: "Verification" }, "sign-in link expired or already used");
    expect(error).not.toHaveBeenCalled();
    authLogger.error(Object.assign(new Minified("adapter failed"), { type: "AdapterError" }));
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ type: "AdapterError" }), "auth error");
  });
});
