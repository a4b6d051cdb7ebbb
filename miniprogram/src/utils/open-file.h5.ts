// H5: the browser downloads it (the API answers Content-Disposition: attachment with its name).
export async function openFile(url: string, name: string): Promise<void> {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
