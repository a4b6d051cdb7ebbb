import type { DocFile } from './doc-file';

// .doc and .wps are offered too: the API reads the format from the bytes and says how to convert them.
const ACCEPT = '.docx,.pdf,.txt,.doc,.wps,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function pickDocFile(): Promise<DocFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT;
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
