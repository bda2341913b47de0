// Files the tests upload: a scan that passes the portal's content check, a 1×1 photo, and a
// real one-page PDF like an issued result (catalogue, page tree, text, cross-reference table).

/** A small PDF "scan" (accepted by the upload check, not a full document). */
export const PDF = Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n${'%'.repeat(2000)}\n%%EOF\n`);

/** A 1×1 PNG photo. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a2ba0000000049454e44ae426082', 'hex');

/** A real one-page PDF showing `text`, like an issued licence (signable by the portal). */
export function onePagePdf(text) {
  const content = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Attaches a file to every document slot `problems` (a draft's API answer) names as missing —
 * a PDF scan, or the photo where the slot takes images only — then marks the documents step
 * done, as a mobile app does. `api(method, url, body)` calls the portal with the session.
 */
export async function attachDocuments(api, id, problems) {
  const { default: assert } = await import('node:assert/strict');
  for (const slot of problems.filter((p) => p.field.startsWith('doc-')).map((p) => p.field.slice(4))) {
    let up = await api('POST', `/api/v1/dossiers/${id}/files?slot=${slot}&name=ban-scan.pdf`, PDF);
    if (up.status !== 201) up = await api('POST', `/api/v1/dossiers/${id}/files?slot=${slot}&name=anh.png`, PNG);
    assert.equal(up.status, 201, `${slot}: ${JSON.stringify(up.body)}`);
  }
  const again = await api('GET', `/api/v1/dossiers/${id}`);
  const ready = await api('PATCH', `/api/v1/dossiers/${id}`, { revision: again.body.revision, documents_done: true });
  assert.deepEqual(ready.body.problems, []);
}
