import { liveness } from "@/lib/server/health";

// Liveness: the process is up. Dependencies are /api/ready's business.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(liveness(), { headers: { "cache-control": "no-store" } });
}
