import { updateShareLinkSchema } from "@/lib/share/schemas";
import { updateShareLink } from "@/lib/server/share-links";
import { route } from "@/lib/server/route";

export const PATCH = route({ auth: true, body: updateShareLinkSchema }, async ({ params, body, user }) => {
  const link = await updateShareLink(user.id, String(params.id), {
    revoke: body.revoke,
    ...(body.expiresAt !== undefined ? { expiresAt: body.expiresAt === null ? null : new Date(body.expiresAt) } : {}),
  });
  return Response.json({ link });
});
