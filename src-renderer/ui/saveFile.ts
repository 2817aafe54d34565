/** Hands a file to the browser's (or Electron's) download, which saves it where the user chooses. */
export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // The download has started by the time this runs; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
}
