import { authRoute } from "@/lib/server/auth-route";

// Auth.js behind the same guards as every other route: body limit, same-origin POSTs,
// sign-in throttling, request ids and URLs rebuilt from AUTH_URL (lib/server/auth-route.ts).
export const GET = authRoute("GET");
export const POST = authRoute("POST");
