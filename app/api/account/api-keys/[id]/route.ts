import { revokeApiKey } from "@/lib/server/api-keys";
import { idParams, route } from "@/lib/server/route";

// Revokes one of the caller's keys at once (idempotent); the row stays listed as revoked.
export const DELETE = route({ auth: true, params: idParams }, async ({ user, params }) =>
  Response.json({ apiKey: await revokeApiKey(user.id, params.id) }),
);
