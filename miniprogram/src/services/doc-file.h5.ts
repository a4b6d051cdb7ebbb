import type { DocFile } from './doc-file';
import { chooseBrowserFile } from './browser-file';

const ACCEPT = {
  // .doc and .wps are offered too: the API reads the format from the bytes and says how to convert them.
  import: '.docx,.pdf,.txt,.doc,.wps,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  attachment: '.pdf,.doc,.docx,.xls,.xlsx,.ofd,.txt,.png,.jpg,.jpeg,application/pdf,text/plain,image/png,image/jpeg',
};

export async function pickDocFile(kind: 'import' | 'attachment' = 'import'): Promise<DocFile | null> {
  const file = await chooseBrowserFile(ACCEPT[kind]);
  return file && { name: file.name, bytes: await file.arrayBuffer() };
}
