import { duplicateProject } from "@/lib/server/projects";
import { idParams, route } from "@/lib/server/route";

export const POST = route({ auth: true, params: idParams }, async ({ params, user }) => {
  const copy = await duplicateProject(user.id, params.id);
  return Response.json({ project: { id: copy.id, name: copy.name } }, { status: 201 });
});
