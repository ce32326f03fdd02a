import "server-only";
import { logger } from "./log";

// Auth.js's logger, routed into the app's structured log. An expired or already-used magic link is
// an everyday user mistake (the sign-in page says so), not a server error worth a stack trace.
// Auth.js errors are told apart by `type`, which survives minification (`name` does not: in the
// production build it is a mangled class name, so every expired link was logged as an error).
export const authLogger = {
  error(error: Error) {
    const type = (error as { type?: string }).type ?? error.name;
    if (type === "Verification") logger().warn({ type }, "sign-in link expired or already used");
    else
      logger().error(
        { type, message: error.message, cause: (error.cause as Error | undefined)?.message },
        "auth error",
      );
  },
  warn(code: string) {
    logger().warn({ code }, "auth warning");
  },
};
