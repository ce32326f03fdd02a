import { createApiKey, createApiKeySchema, listApiKeys } from "@/lib/server/api-keys";
import { route } from "@/lib/server/route";

// The signed-in user's keys for the public API. The key itself is in the POST answer only, once.
export const GET = route({ auth: true }, async ({ user }) =>
  Response.json({ keys: await listApiKeys(user.id) }, { headers: { "cache-control": "no-store" } }),
);

export const POST = route({ auth: true, body: createApiKeySchema }, async ({ user, body }) => {
  const { key, apiKey } = await createApiKey(user.id, body.name);
  return Response.json({ key, apiKey }, { status: 201, headers: { "cache-control": "no-store" } });
});
