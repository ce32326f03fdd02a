import { z } from "zod";
import { assessmentInputSchema } from "@/lib/engine";

// The input's JSON Schema, generated from the same zod schema the API validates with.
// "input" mode: fields that have defaults are optional, as callers may omit them.
const jsonSchema = {
  $id: "https://rentorown.app/api/v1/schema",
  title: "RentOrOwn assessment input (v1)",
  ...z.toJSONSchema(assessmentInputSchema, { io: "input", unrepresentable: "any" }),
};

export const dynamic = "force-static";

export function GET() {
  return Response.json(jsonSchema, { headers: { "cache-control": "public, max-age=300" } });
}
