"use server";

import { signOut } from "@/lib/server/auth";

/** The header's "Sign out" (a server action: Auth.js clears the session row and cookie). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
