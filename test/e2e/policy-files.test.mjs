// Staff and the files around a policy: an editor of 区政府办公室 sets an entry's 文件依据 from the
// entry's editor (found by 文号 however it is typed, added, removed, each change saved at once)
// and residents read it on the entry; an editor uploads a PDF 附件 and a 图解 with its PNG,
// publishes, and the public policy page offers the attachment and shows the image. Every screen
// is shot in 长辈模式 too.
import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { apiCall, newPhone, shot, signInStaff, startStack, texts } from './harness.mjs';

let stack;
before(async () => {
  stack = await startStack();
});
after(() => stack?.stop());

/** A PNG of `width`×`height`: a blue band over white, so a broken image and a shown one differ. */
function png(width, height) {
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(y < height / 3 ? [26, 102, 204] : [255, 255, 255], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with its cross-reference table, as a scanner or Word would write one. */
function pdf(text) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const ENTRY = 'faq_demo_policy_answerers';

/** The entry editor's 文件依据 is its last card, above the fixed bar. */
const toBottom = (page) => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

/** The ids of the entry's 文件依据 as its editor's screen shows them. */
async function basisShown(page) {
  return page.locator('.zc-faq-basis .zc-basis-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
}

test('an editor sets an entry’s 文件依据 from its editor and residents read it on the entry', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  const resident = await newPhone(stack.browser, stack.apiUrl);
  try {
    const target = await apiCall(stack.apiUrl, 'GET', '/api/policies/pol_demo_003');
    const start = await apiCall(stack.apiUrl, 'GET', `/api/faq/${ENTRY}`);
    assert.deepEqual(start.basis.map((b) => b.id), ['pol_demo_001']);

    await signInStaff(page, stack.appUrl, 'editor', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/edit/index?id=${ENTRY}`);
    await page.locator('.zc-faq-basis .zc-basis-item').first().waitFor();
    assert.deepEqual(await basisShown(page), ['pol_demo_001']);
    assert.match(await page.locator('.zc-faq-basis .zc-basis-item').innerText(), new RegExp(`${start.basis[0].title}[\\s\\S]*现行有效`));
    await toBottom(page);
    await shot(page, 'faq-basis-editor');

    // Found by its 文号 typed with square brackets; what the entry already rests on is not offered.
    await page.locator('.zc-basis-add').click();
    await page.locator('.zc-policy-chooser[data-status="ok"]').waitFor();
    assert.equal(await page.locator('.zc-policy-option[data-id="pol_demo_001"]').count(), 0);
    const typed = target.docNumber.replace('〔', '[').replace('〕', ']');
    await page.locator('.zc-policy-chooser-search input').fill(typed);
    await page.locator(`.zc-policy-chooser[data-status="ok"][data-query="${typed}"]`).waitFor();
    const option = page.locator('.zc-policy-option[data-id="pol_demo_003"]');
    await option.waitFor();
    assert.equal(await page.locator('.zc-policy-option').first().getAttribute('data-id'), 'pol_demo_003');
    await shot(page, 'faq-basis-chooser');
    await option.click();
    await page.locator('.zc-policy-chooser').waitFor({ state: 'detached' });
    await page.locator('.zc-faq-basis .zc-basis-item[data-id="pol_demo_003"]').waitFor();
    assert.deepEqual((await basisShown(page)).sort(), ['pol_demo_001', 'pol_demo_003']);
    assert.match(await page.locator('.zc-basis-item[data-id="pol_demo_003"]').innerText(), new RegExp(`${target.title}[\\s\\S]*现行有效[\\s\\S]*${target.docNumber}`));
    // Saved at once, without touching the entry's own fields.
    assert.deepEqual((await apiCall(stack.apiUrl, 'GET', `/api/faq/${ENTRY}`)).basis.map((b) => b.id).sort(), ['pol_demo_001', 'pol_demo_003']);

    await page.locator('.zc-basis-item[data-id="pol_demo_001"] .zc-basis-remove').click();
    await page.locator('.zc-basis-item[data-id="pol_demo_001"]').waitFor({ state: 'detached' });
    assert.deepEqual(await basisShown(page), ['pol_demo_003']);
    const after = await apiCall(stack.apiUrl, 'GET', `/api/faq/${ENTRY}`);
    assert.deepEqual(after.basis, [{ id: 'pol_demo_003', title: target.title, docNumber: target.docNumber, validity: '现行有效' }]);
    assert.equal(after.answer, start.answer);
    await toBottom(page);
    await shot(page, 'faq-basis-saved');

    // A reload shows what was saved.
    await page.reload();
    await page.locator('.zc-faq-basis .zc-basis-item').first().waitFor();
    assert.deepEqual(await basisShown(page), ['pol_demo_003']);

    // The resident's entry page, under 文件依据.
    await resident.page.goto(`${stack.appUrl}/pages/entry/index?id=${ENTRY}`);
    const basis = resident.page.locator('.zc-entry-basis');
    await basis.waitFor();
    assert.equal(await basis.locator('.zc-basis').count(), 1);
    assert.match(await basis.innerText(), new RegExp(`文件依据[\\s\\S]*${target.title}[\\s\\S]*${target.docNumber}`));
    await basis.scrollIntoViewIfNeeded();
    await shot(resident.page, 'faq-basis-resident');
    assert.deepEqual(errors, []);
    assert.deepEqual(resident.errors, []);
  } finally {
    await context.close();
    await resident.context.close();
  }
});

test('an editor uploads a PDF 附件 and a 图解 with its image, publishes, and the public page offers both', async () => {
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_office' } });
  const draft = await apiCall(stack.apiUrl, 'POST', '/api/policies', {
    token,
    body: {
      title: '清河区城乡居民临时救助实施细则',
      docNumber: '清政办规〔2026〕2号',
      type: '行政规范性文件',
      topics: ['社会救助'],
      sections: [{ level: 1, heading: '一、救助对象', text: '因突发事件导致基本生活暂时出现严重困难的家庭或个人。' }],
    },
  });
  const image = png(360, 240);
  const attachment = pdf('Linshi jiuzhu biaozhun');
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/policy-edit/index?id=${draft.id}`);
    await page.locator('.zc-policy-editor-state[data-status="draft"]').waitFor();
    const card = page.locator('.zc-policy-edit-attachments');
    await card.scrollIntoViewIfNeeded();
    assert.match(await card.innerText(), /附件（0）[\s\S]*没有附件/);

    // 上传附件: a PDF, named as the file is.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.locator('.nut-button.zc-attachment-upload').click()]);
    assert.match(await chooser.element().getAttribute('accept'), /\.pdf[\s\S]*\.xlsx[\s\S]*\.ofd/);
    await chooser.setFiles({ name: '临时救助标准.pdf', mimeType: 'application/pdf', buffer: attachment });
    const row = page.locator('.zc-policy-edit-attachment');
    await row.waitFor();
    assert.match(await row.innerText(), /临时救助标准\.pdf[\s\S]*1 KB/);
    assert.match(await card.innerText(), /附件（1）/);
    await shot(page, 'policy-files-attachment');

    // A 图解: its image is uploaded as it is chosen and shown before the interpretation is saved.
    await page.locator('.zc-add-interpretation').click();
    await page.locator('.zc-interpretation-form-chip[data-value="图解"]').click();
    const form = page.locator('.zc-interpretation-form');
    await form.locator('.nut-button.zc-interpretation-save').click();
    await form.locator('.zc-field-error').first().waitFor();
    await form.locator('.zc-interpretation-title-input input').fill('一图读懂临时救助');
    const [imageChooser] = await Promise.all([page.waitForEvent('filechooser'), form.locator('.nut-button.zc-interpretation-image-pick').click()]);
    assert.equal(await imageChooser.element().getAttribute('accept'), 'image/png,image/jpeg');
    await imageChooser.setFiles({ name: '一图读懂.png', mimeType: 'image/png', buffer: image });
    const preview = form.locator('.zc-interpretation-image-preview img');
    await preview.waitFor();
    await page.waitForFunction(() => document.querySelector('.zc-interpretation-image-preview img')?.naturalWidth === 360);
    assert.match(await form.locator('.nut-button.zc-interpretation-image-pick').innerText(), /更换图片/);
    await form.locator('.zc-interpretation-image-preview').scrollIntoViewIfNeeded();
    await shot(page, 'policy-files-image-chosen');
    await form.locator('.nut-button.zc-interpretation-save').click();
    await page.locator('.zc-interpretation-form').waitFor({ state: 'detached' });
    assert.match(await page.locator('.zc-interpretation').innerText(), /图解[\s\S]*一图读懂临时救助[\s\S]*图片：一图读懂\.png/);

    await page.locator('.nut-button.zc-policy-publish', { hasText: '发布文件和 1 篇解读' }).click();
    await page.locator('.zc-policy-editor-state[data-status="published"]').waitFor();

    // The public page: the 附件 to open, and the image inside its interpretation.
    const reader = await newPhone(stack.browser, stack.apiUrl);
    try {
      await reader.page.goto(`${stack.appUrl}/pages/policy/index?id=${draft.id}`);
      const shown = reader.page.locator('.zc-policy-attachment');
      await shown.waitFor();
      assert.deepEqual(await texts(reader.page, '.zc-policy-attachment'), [await shown.innerText().then((t) => t.trim())]);
      assert.match(await shown.innerText(), /临时救助标准\.pdf/);
      const img = reader.page.locator('.zc-interpretation img');
      await img.waitFor();
      await reader.page.waitForFunction(() => document.querySelector('.zc-interpretation img')?.naturalWidth === 360);
      await reader.page.locator('.zc-interpretation').scrollIntoViewIfNeeded();
      await shot(reader.page, 'policy-files-public-image');
      await shown.scrollIntoViewIfNeeded();
      await shot(reader.page, 'policy-files-public-attachment');
      assert.deepEqual(reader.errors, []);
    } finally {
      await reader.context.close();
    }

    // The bytes served are the bytes uploaded, with the type the file's extension gave them.
    const published = await apiCall(stack.apiUrl, 'GET', `/api/policies/${draft.id}`);
    assert.deepEqual(published.attachments.map((a) => [a.name, a.contentType, a.size]), [['临时救助标准.pdf', 'application/pdf', attachment.length]]);
    assert.equal(published.interpretations[0].image.contentType, 'image/png');
    const served = await fetch(`${stack.apiUrl}${published.attachments[0].url}`);
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), attachment);
    const servedImage = await fetch(`${stack.apiUrl}${published.interpretations[0].image.url}`);
    assert.deepEqual(Buffer.from(await servedImage.arrayBuffer()), image);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a file the API does not take is refused on the editor with the types it takes', async () => {
  const { token } = await apiCall(stack.apiUrl, 'POST', '/api/auth/dev', { body: { role: 'editor', unitId: 'u_office' } });
  const draft = await apiCall(stack.apiUrl, 'POST', '/api/policies', { token, body: { title: '清河区政务公开场所管理办法', type: '其他' } });
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await signInStaff(page, stack.appUrl, 'editor', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/policy-edit/index?id=${draft.id}`);
    await page.locator('.zc-policy-editor-state[data-status="draft"]').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.nut-button.zc-attachment-upload').click()]);
    await chooser.setFiles({ name: '场所照片.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04') });
    const refused = page.locator('.zc-attachment-error');
    await refused.waitFor();
    assert.match(await refused.innerText(), /附件只能是 PDF[\s\S]*OFD/);
    assert.doesNotMatch(await refused.innerText(), /Content-Type/);
    assert.equal(await page.locator('.zc-policy-edit-attachment').count(), 0);
    await page.locator('.zc-policy-edit-attachments').scrollIntoViewIfNeeded();
    await shot(page, 'policy-files-refused');

    // An image that is not PNG or JPEG is refused for a 图解 too, and nothing is kept for it.
    await page.locator('.zc-add-interpretation').click();
    await page.locator('.zc-interpretation-form-chip[data-value="图解"]').click();
    const [imageChooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.nut-button.zc-interpretation-image-pick').click()]);
    await imageChooser.setFiles({ name: '图解.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.locator('.zc-interpretation-form .zc-field-error', { hasText: '解读图片只能是' }).waitFor();
    assert.equal(await page.locator('.zc-interpretation-image-preview').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('in 长辈模式 the 文件依据 and the files of a policy read in large text', async () => {
  const { page, context, errors } = await newPhone(stack.browser, stack.apiUrl);
  try {
    await page.goto(`${stack.appUrl}/pages/mine/index`);
    await page.locator('.zc-elder-switch').click();
    await page.locator('.zc-elder-switch[data-on="on"]').waitFor();
    await signInStaff(page, stack.appUrl, 'editor', '区政府办公室');
    await page.goto(`${stack.appUrl}/pages/staff/edit/index?id=faq_demo_policy_subsidy`);
    const item = page.locator('.zc-faq-basis .zc-basis-item').first();
    await item.waitFor();
    const size = await item.locator('.zc-basis-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 18, `a basis title in 长辈模式 is at least 18 px (${size})`);
    const remove = await item.locator('.zc-basis-remove').boundingBox();
    assert.ok(remove.width >= 44 && remove.height >= 44, `× is a full touch target (${remove.width}×${remove.height})`);
    await page.locator('.zc-faq-basis').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'faq-basis-elder');
    await page.locator('.zc-basis-add').click();
    await page.locator('.zc-policy-chooser[data-status="ok"]').waitFor();
    await shot(page, 'faq-basis-elder-chooser');
    await page.keyboard.press('Escape');
    await page.locator('.zc-policy-chooser').waitFor({ state: 'detached' });

    await page.goto(`${stack.appUrl}/pages/staff/policy-edit/index?id=pol_demo_004`);
    await page.locator('.zc-policy-editor-state[data-status="published"]').waitFor();
    await page.locator('.zc-add-interpretation').click();
    await page.locator('.zc-interpretation-form-chip[data-value="图解"]').click();
    await page.locator('.nut-button.zc-interpretation-image-pick').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'policy-files-elder-image');
    await page.locator('.zc-policy-edit-attachments').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, 'policy-files-elder-attachments');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
