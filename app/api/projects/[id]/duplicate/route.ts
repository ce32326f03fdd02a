import { duplicateProject } from "@/lib/server/projects";
import { route } from "@/lib/server/route";

export const POST = route({ auth: true }, async ({ params, user }) => {
  const copy = await duplicateProject(user.id, String(params.id));
  return Response.json({ project: { id: copy.id, name: copy.name } }, { status: 201 });
});
