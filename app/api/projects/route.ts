import { createProjectSchema, listProjectsQuerySchema } from "@/lib/projects/schemas";
import { createProject, listProjects } from "@/lib/server/projects";
import { route } from "@/lib/server/route";

export const GET = route({ auth: true, query: listProjectsQuerySchema }, async ({ query, user }) =>
  Response.json({ projects: await listProjects(user.id, query) }),
);

export const POST = route({ auth: true, body: createProjectSchema }, async ({ body, user }) => {
  const project = await createProject(user.id, body.name, body.input);
  return Response.json({ project: { id: project.id, name: project.name, version: project.version } }, { status: 201 });
});
