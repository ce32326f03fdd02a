import { createProjectSchema, listProjectsQuerySchema } from "@/lib/projects/schemas";
import { invalidInput } from "@/lib/server/http-errors";
import { createProject, listProjects } from "@/lib/server/projects";
import { route } from "@/lib/server/route";

export const GET = route({ auth: true }, async ({ req, user }) => {
  const query = listProjectsQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) throw invalidInput(query.error);
  return Response.json({ projects: await listProjects(user.id, query.data) });
});

export const POST = route({ auth: true, body: createProjectSchema }, async ({ body, user }) => {
  const project = await createProject(user.id, body.name, body.input);
  return Response.json({ project: { id: project.id, name: project.name, version: project.version } }, { status: 201 });
});
