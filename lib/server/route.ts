import "server-only";
import type { z } from "zod";
import type { SessionUser } from "./auth";
import { errorResponse, HttpError, invalidInput } from "./http-errors";

// The one wrapper every JSON route handler goes through: size-limited body, JSON parsing,
// zod validation and a single error shape. Anything unexpected becomes a logged 500 with no
// internals leaked; expected failures are HttpErrors with their own status.

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

type Params = Record<string, string | string[] | undefined>;
type Ctx = { params: Promise<Params> };

export type RouteContext<TBody, TAuth extends boolean = false> = {
  req: Request;
  body: TBody;
  params: Params;
  user: TAuth extends true ? SessionUser : null;
};

type Options<TSchema extends z.ZodType | undefined, TAuth extends boolean> = {
  body?: TSchema;
  bodyLimitBytes?: number;
  /** Require a signed-in user (401 otherwise); the handler gets `user`. */
  auth?: TAuth;
};

export function route<TSchema extends z.ZodType | undefined = undefined, TAuth extends boolean = false>(
  options: Options<TSchema, TAuth>,
  handler: (ctx: RouteContext<TSchema extends z.ZodType ? z.output<TSchema> : undefined, TAuth>) => Promise<Response> | Response,
) {
  return async (req: Request, ctx?: Ctx): Promise<Response> => {
    try {
      // Authenticate before reading the body: anonymous callers learn nothing about the route.
      const user = options.auth ? await (await import("./auth")).requireUser() : null;
      const params = ctx ? await ctx.params : {};
      let body: unknown = undefined;
      if (options.body) {
        const raw = await readJson(req, options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) throw invalidInput(parsed.error);
        body = parsed.data;
      }
      return await handler({ req, body: body as never, params, user: user as never });
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      console.error("[route] unexpected error", error);
      return errorResponse(new HttpError(500, "internal_error", "Something went wrong on our side."));
    }
  };
}

/** Reads at most `limit` bytes of the body and parses it as JSON (413 over the limit, 400 when malformed). */
export async function readJson(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const reader = req.body?.getReader();
  if (!reader) throw new HttpError(400, "invalid_json", "The request body is empty; send a JSON object.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (!text.trim()) throw new HttpError(400, "invalid_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, "invalid_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(limit: number) {
  return new HttpError(413, "payload_too_large", `The request body exceeds ${Math.round(limit / 1024)} kB.`);
}
