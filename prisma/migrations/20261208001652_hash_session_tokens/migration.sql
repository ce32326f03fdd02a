-- Session tokens are stored as their SHA-256, hex (lib/server/hashed-sessions.ts, issue #25): the
-- cookie keeps the raw token, the database only its hash. Existing sessions are hashed in place,
-- so nobody is signed out by the upgrade. No schema change.
UPDATE "Session" SET "sessionToken" = encode(sha256(convert_to("sessionToken", 'UTF8')), 'hex');
