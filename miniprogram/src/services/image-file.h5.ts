import type { ImageFile } from './image-file';

// One picked image is shown at a time: the address of the one before is let go.
let lastPreview: string | null = null;

export function pickImage(): Promise<ImageFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/png,image/jpeg';
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
      file.arrayBuffer().then((bytes) => {
        if (lastPreview) URL.revokeObjectURL(lastPreview);
        lastPreview = URL.createObjectURL(file);
        resolve({ name: file.name, bytes, type: file.type, preview: lastPreview });
      }, reject);
    });
    input.click();
  });
}
