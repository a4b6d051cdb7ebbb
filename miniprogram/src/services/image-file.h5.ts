import type { ImageFile } from './image-file';
import { chooseBrowserFile } from './browser-file';

// One picked image is shown at a time: the address of the one before is let go.
let lastPreview: string | null = null;

export async function pickImage(): Promise<ImageFile | null> {
  const file = await chooseBrowserFile('image/png,image/jpeg');
  if (!file) return null;
  const bytes = await file.arrayBuffer();
  if (lastPreview) URL.revokeObjectURL(lastPreview);
  lastPreview = URL.createObjectURL(file);
  return { name: file.name, bytes, type: file.type, preview: lastPreview };
}
