import { UnreachableError, type OcsClient } from './client.js';
import { CheckError } from './types.js';

/** What /status.php says about the server's version, or why it says nothing. */
export type ServerVersion = { version: string } | { version: null; why: string };

/**
 * Reads the version from /status.php, public in every release with the same keys (DIFFERENCES.md
 * §9.4): `versionstring` (`29.0.6`), else the four-part `version` (`29.0.6.1`). An unreachable
 * server is exit 3; an answer without a version is reported to the caller, who may not need it.
 */
export async function readServerVersion(client: OcsClient): Promise<ServerVersion> {
  let sent;
  try {
    sent = await client.page('/status.php');
  } catch (error) {
    if (error instanceof UnreachableError) throw new CheckError(3, `server unreachable: ${error.message}`);
    throw error;
  }
  const { status, text } = sent.response;
  const answered = `GET /status.php answered HTTP ${status}: ${JSON.stringify(text.slice(0, 120))}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { version: null, why: answered };
  }
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  for (const key of ['versionstring', 'version']) {
    const value = fields[key];
    if (typeof value === 'string' && /^\d+\.\d+\.\d+/.test(value)) return { version: value.trim() };
  }
  return { version: null, why: status === 200 ? `/status.php names no version: ${JSON.stringify(text.slice(0, 120))}` : answered };
}
