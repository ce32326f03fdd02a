import { saveRevisionSchema } from "@/lib/projects/schemas";
import { saveRevision } from "@/lib/server/projects";
import { route } from "@/lib/server/route";

// Save a new revision; 409 when the project moved on since `expectedVersion` (another tab saved).
export const POST = route({ auth: true, body: saveRevisionSchema }, async ({ params, body, user }) => {
  const { revision, version } = await saveRevision(user.id, String(params.id), body.input, body.expectedVersion);
  return Response.json({ revision: { number: revision.number, recommendation: revision.recommendation }, version }, { status: 201 });
});
