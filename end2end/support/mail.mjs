// Reads e-mails the portal wrote to its outbox folder (lettre's file transport: one .eml file
// per message), decoding quoted-printable and base64 bodies, so tests can follow the links.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded text of each message in the outbox. */
export function readOutbox(dir) {
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.map((f) => {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const [head, ...rest] = raw.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) return { head, body: decodeQuotedPrintable(body) };
    if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return { head, body: Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') };
    return { head, body };
  });
}

/** Waits until a message to `to` contains a link to `pathPrefix`; resolves to the link's path and query. */
export async function waitForLink(dir, to, pathPrefix, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const { head, body } of readOutbox(dir)) {
      if (!head.toLowerCase().includes(to.toLowerCase())) continue;
      const m = body.match(new RegExp(`https?://[^\\s/]+(${pathPrefix.replace(/[/?]/g, '\\$&')}[^\\s]*)`));
      if (m) return m[1];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail to ${to} with a link to ${pathPrefix} within ${timeoutMs} ms`);
}
