import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { POLICY_IMPORT_LIMITS } from '../../shared/policy/constants';
import type { AppEnv } from '../env';
import { requireRole } from '../lib/auth';
import { ApiError } from '../lib/errors';
import { importDraft, type Upload } from '../rules/policy-import';

const MB = POLICY_IMPORT_LIMITS.bytes / 1024 / 1024;
const tooLarge = () => new ApiError('payload_too_large', `文件不能超过 ${MB} MB，请删去图片或只导出文件正文后再导入`);

/** The body as an upload: a multipart form's `file` (a file, or pasted text), or the raw body itself. */
async function readUpload(req: Request): Promise<Upload> {
  const type = req.headers.get('Content-Type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    const bytes = new Uint8Array(await req.arrayBuffer());
    if (bytes.length > POLICY_IMPORT_LIMITS.bytes) throw tooLarge();
    return { bytes, type, name: '' };
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new ApiError('bad_request', '表单内容无法读取');
  }
  const file = form.get('file');
  if (typeof file === 'string') return { bytes: new TextEncoder().encode(file), type: 'text/plain', name: '' };
  if (!file) throw new ApiError('validation', '请选择要导入的文件', [{ path: 'file', message: '请选择要导入的文件' }]);
  if (file.size > POLICY_IMPORT_LIMITS.bytes) throw tooLarge();
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file.name };
}

/** Reads a policy document into a draft for the editor to review; nothing is saved. */
export const policyImportRoutes = new Hono<AppEnv>().post(
  '/policies/import',
  requireRole('editor', 'office'),
  // A multipart form carries a little more than its file.
  bodyLimit({ maxSize: POLICY_IMPORT_LIMITS.bytes + 64 * 1024, onError: () => { throw tooLarge(); } }),
  async (c) => c.json({ draft: await importDraft(await readUpload(c.req.raw)) }),
);
