// Loads .env.local then .env into process.env without overriding variables already set:
// the real environment always wins over files.
import fs from "node:fs";
import { parseEnv } from "node:util";

export function loadEnvFiles(files = [".env.local", ".env"]) {
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const parsed = parseEnv(fs.readFileSync(file, "utf8"));
    for (const [key, value] of Object.entries(parsed)) {
      if (process.env[key] === undefined) process.env[key] = value;
    }
  }
}
