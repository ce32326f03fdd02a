import Link from "next/link";
import { currentUser, signOut } from "@/lib/server/auth";

/** Header slot: who is signed in, and sign in / sign out. */
export async function AccountMenu() {
  const user = await currentUser();
  if (!user) {
    return (
      <Link href="/signin" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
        Sign in
      </Link>
    );
  }
  return (
    <form
      action={async () => {
        "use server";
        await signOut({ redirectTo: "/" });
      }}
      className="flex items-center gap-2"
    >
      <span className="hidden text-sm text-slate-500 md:inline" data-testid="signed-in-as">
        {user.email}
      </span>
      <button type="submit" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50">
        Sign out
      </button>
    </form>
  );
}
