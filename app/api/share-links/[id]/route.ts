import { updateShareLinkSchema } from "@/lib/share/schemas";
import { updateShareLink } from "@/lib/server/share-links";
import { idParams, route } from "@/lib/server/route";

export const PATCH = route(
  { auth: true, params: idParams, body: updateShareLinkSchema },
  async ({ params, body, user }) => {
    const link = await updateShareLink(user.id, params.id, {
      revoke: body.revoke,
      ...(body.expiresAt !== undefined ? { expiresAt: body.expiresAt === null ? null : new Date(body.expiresAt) } : {}),
    });
    return Response.json({ link });
  },
);
