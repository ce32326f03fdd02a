import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentUserOrThrow, type SessionUser } from "./auth";
import { HttpError } from "./http-errors";

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back here. A database
 * outage is an error page, not a sign-in prompt.
 */
export async function pageUser(callbackPath: string): Promise<SessionUser> {
  const user = await currentUserOrThrow();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}

/** For pages: a 404 HttpError from the data layer (unknown or foreign id) becomes the not-found page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
}
