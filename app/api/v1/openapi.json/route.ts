import { buildOpenApiDocument } from "@/lib/openapi/document";

// The OpenAPI 3.1 document of /api/v1/*, generated from the routes' zod schemas at build time.
const document = buildOpenApiDocument();

export const dynamic = "force-static";

export function GET() {
  return Response.json(document, {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
