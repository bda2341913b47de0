// Helpers shared by the tests that move dossiers through the back office: a browser signed in
// as a demo account, and a dossier filed through the JSON API with that browser's session (as
// a mobile app does), documents uploaded and submitted.
import assert from 'node:assert/strict';
import { launchBrowser, waitForHydration, apiCall } from './portal.mjs';
import { PDF, PNG } from './files.mjs';

/** Signs `page` in as the demo account `email` (the form is sent; the caller waits). */
export async function signIn(portal, page, email) {
  await page.goto(`${portal.url}/dang-nhap`);
  await waitForHydration(page);
  await page.fill('#identifier', email);
  await page.fill('#password', 'Demo@2026');
  await page.click('main button[type=submit]');
}

/** A browser signed in as `email`, landed on its first page (`landing`). */
export async function signedIn(portal, email, landing, options = {}) {
  const browser = await launchBrowser(options);
  const page = await browser.context.newPage();
  await signIn(portal, page, email);
  await page.waitForURL(landing, { timeout: 60_000 });
  return { browser, page };
}

/**
 * Files the notary-card procedure (received by the centre, processed by the Department of
 * Justice) as the citizen signed in on `page`. With `photo`, the last document (the portrait)
 * is a PNG, the others PDFs. Returns the dossier's id and code.
 */
export async function fileDossier(portal, page, { photo = false } = {}) {
  const api = (method, url, body) => apiCall(portal, page, method, url, body);
  const created = await api('POST', '/api/v1/dossiers', { procedure_code: 'TN.CONGCHUNG.001' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body;
  const applicant = { ...d.applicant, province: '80', commune: '25459', street: '12 Lê Lợi', phone: '0912000001' };
  const saved = await api('PATCH', `/api/v1/dossiers/${d.id}`, {
    revision: d.revision, applicant, answers: { noi_dung: 'Đăng ký hành nghề công chứng tại Văn phòng công chứng Tân Ninh' },
    delivery: { method: 'electronic' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const slots = saved.body.problems.map((p) => p.field).filter((f) => f.startsWith('doc-')).map((f) => f.slice(4));
  assert.ok(slots.length > 0, 'documents to upload');
  for (const [i, slot] of slots.entries()) {
    if (photo && i === slots.length - 1) {
      const up = await api('POST', `/api/v1/dossiers/${d.id}/files?slot=${slot}&name=anh-chan-dung.png`, PNG);
      assert.equal(up.status, 201, `${slot}: ${JSON.stringify(up.body)}`);
      continue;
    }
    let up = await api('POST', `/api/v1/dossiers/${d.id}/files?slot=${slot}&name=ban-scan.pdf`, PDF);
    if (up.status !== 201) up = await api('POST', `/api/v1/dossiers/${d.id}/files?slot=${slot}&name=anh.png`, PNG);
    assert.equal(up.status, 201, `${slot}: ${JSON.stringify(up.body)}`);
  }
  const current = await api('GET', `/api/v1/dossiers/${d.id}`);
  const ready = await api('PATCH', `/api/v1/dossiers/${d.id}`, { revision: current.body.revision, documents_done: true });
  assert.deepEqual(ready.body.problems, []);
  const filed = await api('POST', `/api/v1/dossiers/${d.id}/submit`, { declaration: true });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  return { id: d.id, code: filed.body.code };
}
