import type { DocFile } from './doc-file';

const ACCEPT = {
  // .doc and .wps are offered too: the API reads the format from the bytes and says how to convert them.
  import: '.docx,.pdf,.txt,.doc,.wps,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  attachment: '.pdf,.doc,.docx,.xls,.xlsx,.ofd,.txt,.png,.jpg,.jpeg,application/pdf,text/plain,image/png,image/jpeg',
};

export function pickDocFile(kind: 'import' | 'attachment' = 'import'): Promise<DocFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.style.display = 'none';
    document.body.appendChild(input);
    const done = () => input.remove();
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) return resolve(null);
      file.arrayBuffer().then((bytes) => resolve({ name: file.name, bytes }), reject);
    });
    input.click();
  });
}
